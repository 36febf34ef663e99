package org.abusedesk.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import org.abusedesk.local.FunctionDefinition.QueueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Stands in for Lambda's SQS event source mapping: receives a batch, invokes the function with an {@link SQSEvent},
 * and deletes what succeeded. Failed messages stay in the queue and come back after the visibility timeout; the
 * queue's redrive policy moves them to the dead-letter queue after {@code maxReceiveCount} receives.
 */
public final class QueuePoller {

    private static final Logger LOG = LoggerFactory.getLogger(QueuePoller.class);

    private final FunctionDefinition function;
    private final QueueSource source;
    private final RequestHandler<SQSEvent, SQSBatchResponse> handler;
    private final SqsClient sqs;
    private final String queueUrl;
    private final String region;

    public QueuePoller(
            FunctionDefinition function,
            QueueSource source,
            RequestHandler<SQSEvent, SQSBatchResponse> handler,
            AwsEndpoint aws) {
        this.function = function;
        this.source = source;
        this.handler = handler;
        this.sqs = aws.sqs();
        this.region = aws.region().id();
        String queueName = source.queueArn().substring(source.queueArn().lastIndexOf(':') + 1);
        this.queueUrl = sqs.getQueueUrl(r -> r.queueName(queueName)).queueUrl();
    }

    /** Receives one batch (waiting up to {@code waitSeconds} for it) and invokes the function; returns its size. */
    public int poll(int waitSeconds) {
        var messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                        .maxNumberOfMessages(Math.min(source.batchSize(), 10))
                        .waitTimeSeconds(waitSeconds)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                .messages();
        if (messages.isEmpty()) {
            return 0;
        }
        var event = new SQSEvent();
        event.setRecords(messages.stream().map(this::toRecord).toList());
        var failed = new HashSet<String>();
        try {
            SQSBatchResponse response = handler.handleRequest(
                    event, InvocationContext.startingNow(function.functionName(), function.timeoutSeconds()));
            if (source.reportBatchItemFailures() && response != null && response.getBatchItemFailures() != null) {
                response.getBatchItemFailures().forEach(f -> failed.add(f.getItemIdentifier()));
            }
            var received = messages.stream().map(Message::messageId).toList();
            if (!received.containsAll(failed)) {
                // As in Lambda: a failure naming no message of the batch (null, empty, unknown) fails the batch.
                LOG.warn("{} reported a failure for no message of the batch: {}", function.logicalId(), failed);
                return messages.size();
            }
        } catch (RuntimeException e) {
            // As in Lambda: a function error fails the whole batch.
            LOG.warn("{} failed a batch of {}: {}", function.logicalId(), messages.size(), e.toString());
            return messages.size();
        }
        var done = messages.stream()
                .filter(m -> !failed.contains(m.messageId()))
                .map(m -> DeleteMessageBatchRequestEntry.builder()
                        .id(m.messageId())
                        .receiptHandle(m.receiptHandle())
                        .build())
                .toList();
        if (!done.isEmpty()) {
            sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(done));
        }
        return messages.size();
    }

    public void close() {
        sqs.close();
    }

    private SQSEvent.SQSMessage toRecord(Message message) {
        var record = new SQSEvent.SQSMessage();
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(message.body());
        record.setMd5OfBody(message.md5OfBody());
        record.setEventSource("aws:sqs");
        record.setEventSourceArn(source.queueArn());
        record.setAwsRegion(region);
        var attributes = new HashMap<String, String>();
        message.attributes().forEach((name, value) -> attributes.put(name.toString(), value));
        record.setAttributes(attributes);
        record.setMessageAttributes(Map.of());
        return record;
    }
}
