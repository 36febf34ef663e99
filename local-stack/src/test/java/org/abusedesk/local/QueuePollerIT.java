package org.abusedesk.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.abusedesk.local.FunctionDefinition.QueueSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

class QueuePollerIT {

    private static MotoServer moto;
    private static AwsEndpoint aws;
    private static SqsClient sqs;

    private Stack stack;
    private FunctionDefinition processor;
    private QueueSource source;
    private String queueUrl;
    private final List<QueuePoller> pollers = new ArrayList<>();

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.start(0, TestProject.root(), Path.of("target/moto-it.log"));
        aws = new AwsEndpoint(moto.endpoint(), Region.EU_CENTRAL_1);
        sqs = aws.sqs();
    }

    @AfterAll
    static void stopMoto() {
        if (sqs != null) {
            sqs.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    @BeforeEach
    void createStack() {
        stack = TestProject.newStack(aws);
        processor = stack.function("ComplaintProcessorFunction");
        source = processor.queueSources().get(0);
        queueUrl = stack.ref("ComplaintsQueue");
    }

    @AfterEach
    void closePollers() {
        pollers.forEach(QueuePoller::close);
    }

    @Test
    void poll_deletesTheSucceededMessageAndLeavesTheReportedFailureInFlight() {
        // GIVEN two messages in the queue, and a handler that reports the first as failed
        String firstId = send("first");
        send("second");
        var handler = new RecordingHandler(event -> failures(firstId));

        // WHEN the poller polls once
        int polled = poller(source, handler).poll(1);

        // THEN the handler saw both; the succeeded one is gone and the failed one waits in flight
        assertThat(polled).isEqualTo(2);
        assertThat(handler.bodies()).containsExactlyInAnyOrder("first", "second");
        assertThat(TestQueues.counts(sqs, queueUrl)).isEqualTo(List.of(0, 1));
        makeVisibleAgain(handler.receiptHandleOf(firstId));
        assertThat(TestQueues.receiveAll(sqs, queueUrl))
                .extracting(Message::body)
                .containsExactly("first");
    }

    @Test
    void poll_withAHandlerThatThrows_leavesBothMessagesInTheQueue() {
        // GIVEN two messages in the queue, and a handler that fails
        send("first");
        send("second");
        var handler = new RecordingHandler(event -> {
            throw new IllegalStateException("down");
        });

        // WHEN the poller polls once
        int polled = poller(source, handler).poll(1);

        // THEN the handler saw both, and both stay in the queue, in flight until their visibility timeout
        assertThat(polled).isEqualTo(2);
        assertThat(handler.bodies()).containsExactlyInAnyOrder("first", "second");
        assertThat(TestQueues.counts(sqs, queueUrl)).isEqualTo(List.of(0, 2));
        handler.records().forEach(record -> makeVisibleAgain(record.getReceiptHandle()));
        assertThat(TestQueues.receiveAll(sqs, queueUrl))
                .extracting(Message::body)
                .containsExactlyInAnyOrder("first", "second");
    }

    @Test
    void poll_withAFailureNamingNoMessageOfTheBatch_failsTheWholeBatch() {
        // GIVEN two messages, and a handler that reports a failure with an id of no message in the batch
        send("first");
        send("second");
        var handler = new RecordingHandler(event -> failures(""));

        // WHEN the poller polls once
        poller(source, handler).poll(1);

        // THEN, as in Lambda, the whole batch failed: nothing is deleted
        assertThat(TestQueues.counts(sqs, queueUrl)).isEqualTo(List.of(0, 2));
    }

    @Test
    void poll_withAHandlerThatReportsNothing_deletesTheWholeBatch() {
        // GIVEN two messages, and handlers answering with an empty response and with none at all
        send("first");
        send("second");
        var empty = new RecordingHandler(event -> new SQSBatchResponse(List.of()));

        // WHEN the poller polls once
        int polled = poller(source, empty).poll(1);

        // THEN both are deleted
        assertThat(polled).isEqualTo(2);
        assertThat(TestQueues.counts(sqs, queueUrl)).isEqualTo(List.of(0, 0));

        // AND a handler returning null counts as success too
        send("third");
        var none = new RecordingHandler(event -> null);
        assertThat(poller(source, none).poll(1)).isEqualTo(1);
        assertThat(none.bodies()).containsExactly("third");
        assertThat(TestQueues.counts(sqs, queueUrl)).isEqualTo(List.of(0, 0));
    }

    @Test
    void poll_withoutReportBatchItemFailures_ignoresReportedFailures() {
        // GIVEN a queue source that does not report item failures, and a handler that reports one anyway
        String firstId = send("first");
        send("second");
        var withoutReports = new QueueSource(source.queueArn(), source.batchSize(), false);
        var handler = new RecordingHandler(event -> failures(firstId));

        // WHEN the poller polls once
        poller(withoutReports, handler).poll(1);

        // THEN the response is ignored, as Lambda does, and both are deleted
        assertThat(TestQueues.counts(sqs, queueUrl)).isEqualTo(List.of(0, 0));
    }

    @Test
    void poll_handsTheFunctionAnSqsEventOfItsQueue() {
        // GIVEN one message in the queue
        String id = send("{\"mailingId\": \"14141611\", \"complaintId\": \"01J\"}");
        var handler = new RecordingHandler(event -> null);

        // WHEN the poller polls once
        poller(source, handler).poll(1);

        // THEN the record is what Lambda's SQS event source would hand over, in the processor's context
        assertThat(handler.records()).hasSize(1);
        var record = handler.records().get(0);
        assertThat(record.getMessageId()).isEqualTo(id);
        assertThat(record.getBody()).isEqualTo("{\"mailingId\": \"14141611\", \"complaintId\": \"01J\"}");
        assertThat(record.getEventSource()).isEqualTo("aws:sqs");
        assertThat(record.getEventSourceArn()).isEqualTo(stack.attribute("ComplaintsQueue", "Arn"));
        assertThat(record.getAwsRegion()).isEqualTo("eu-central-1");
        assertThat(record.getReceiptHandle()).isNotBlank();
        assertThat(record.getMd5OfBody()).isNotBlank();
        assertThat(record.getAttributes()).containsEntry("ApproximateReceiveCount", "1");
        assertThat(handler.functionNames()).containsExactly(stack.name() + "-ComplaintProcessorFunction");
        assertThat(handler.remainingMillis().get(0)).isBetween(1, 30_000);
    }

    @Test
    void poll_ofAnEmptyQueue_doesNotInvokeTheFunction() {
        // GIVEN an empty queue
        var handler = new RecordingHandler(event -> null);

        // WHEN the poller polls without waiting
        int polled = poller(source, handler).poll(0);

        // THEN nothing was received and the handler was not invoked
        assertThat(polled).isZero();
        assertThat(handler.records()).isEmpty();
    }

    private QueuePoller poller(QueueSource queueSource, RequestHandler<SQSEvent, SQSBatchResponse> handler) {
        var poller = new QueuePoller(processor, queueSource, handler, aws);
        pollers.add(poller);
        return poller;
    }

    private String send(String body) {
        return sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body)).messageId();
    }

    private static SQSBatchResponse failures(String... messageIds) {
        return new SQSBatchResponse(List.of(messageIds).stream()
                .map(SQSBatchResponse.BatchItemFailure::new)
                .toList());
    }

    private void makeVisibleAgain(String receiptHandle) {
        sqs.changeMessageVisibility(
                r -> r.queueUrl(queueUrl).receiptHandle(receiptHandle).visibilityTimeout(0));
    }

    /** A fake processor: remembers what it was handed and answers as its behaviour says. */
    private static final class RecordingHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

        private final java.util.function.Function<SQSEvent, SQSBatchResponse> behaviour;
        private final List<SQSEvent.SQSMessage> records = new ArrayList<>();
        private final List<String> functionNames = new ArrayList<>();
        private final List<Integer> remainingMillis = new ArrayList<>();

        RecordingHandler(java.util.function.Function<SQSEvent, SQSBatchResponse> behaviour) {
            this.behaviour = behaviour;
        }

        @Override
        public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
            records.addAll(event.getRecords());
            functionNames.add(context.getFunctionName());
            remainingMillis.add(context.getRemainingTimeInMillis());
            return behaviour.apply(event);
        }

        List<SQSEvent.SQSMessage> records() {
            return records;
        }

        List<String> bodies() {
            return records.stream().map(SQSEvent.SQSMessage::getBody).toList();
        }

        List<String> functionNames() {
            return functionNames;
        }

        List<Integer> remainingMillis() {
            return remainingMillis;
        }

        String receiptHandleOf(String messageId) {
            return records.stream()
                    .filter(r -> r.getMessageId().equals(messageId))
                    .map(SQSEvent.SQSMessage::getReceiptHandle)
                    .findFirst()
                    .orElseThrow();
        }
    }
}
