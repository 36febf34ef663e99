package org.abusedesk.bench;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.processing.InMemoryDesk;
import org.abusedesk.processor.ComplaintProcessorHandler;
import org.abusedesk.processor.ProcessorWiring;
import org.abusedesk.testkit.RecordingCheckpoints;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One queue message processed, as the complaint-processor function gets it: {@link ComplaintProcessorHandler}
 * reads the SQS record's body and runs {@code ProcessComplaint} on the in-memory desk of shared's tests (the
 * complaint counted on its mailing and account, suppression, escalation check, the complainant acknowledged, the
 * abuse team's mail composed and sent to the fake). No AWS call is measured.
 *
 * <p>Each invocation processes a batch on a fresh desk made outside the measurement: registered mailings of ten
 * accounts, a received complaint on each, one message per complaint. Each complaint is its mailing's first, so
 * every one is mailed to the abuse team at once: the path with the most work. The score is per message.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class QueueMessageBenchmark {

    public static final int BATCH = 200;

    private InMemoryDesk desk;
    private ComplaintProcessorHandler handler;
    private List<SQSEvent> messages;

    @Setup(Level.Invocation)
    public void freshDesk() {
        desk = new InMemoryDesk();
        // The sent notifications are not kept: the desk's list would copy itself on every add.
        desk.notifier = notification -> {};
        handler = handler(desk);
        messages = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            messages.add(message(received(desk, i)));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void process(Blackhole blackhole) {
        for (var message : messages) {
            blackhole.consume(handler.handleRequest(message, null));
            desk.clock.advance(Duration.ofMillis(50));
        }
    }

    /** The desk the last batch was processed on: for the smoke test. */
    InMemoryDesk desk() {
        return desk;
    }

    /** A complaint received on mailing number i, registered to one of ten accounts. */
    static ComplaintKey received(InMemoryDesk desk, int i) {
        String mailingId = Integer.toString(20_000_000 + i);
        desk.register(mailingId, Integer.toString(121_000 + i % 10), 1_000_000L);
        return desk.receive(mailingId, "complainant" + i + "@example.net");
    }

    /** The SQS event the pipe delivers for the complaint: one record, as in events/sqs/new-complaints.json. */
    static SQSEvent message(ComplaintKey key) {
        var record = new SQSEvent.SQSMessage();
        record.setMessageId("bench-" + key.complaintId().value());
        record.setReceiptHandle("bench");
        record.setBody("{\"mailingId\": \"" + key.mailingId().value() + "\", \"complaintId\": \""
                + key.complaintId().value() + "\"}");
        record.setEventSource("aws:sqs");
        record.setEventSourceArn("arn:aws:sqs:eu-central-1:123456789012:abuse-desk-ComplaintsQueue");
        record.setAwsRegion("eu-central-1");
        var event = new SQSEvent();
        event.setRecords(List.of(record));
        return event;
    }

    /** For the wiring test: one message processed on a fresh desk. */
    static SQSBatchResponse processOne(InMemoryDesk desk) {
        var key = received(desk, 0);
        return handler(desk).handleRequest(message(key), null);
    }

    private static ComplaintProcessorHandler handler(InMemoryDesk desk) {
        return new ComplaintProcessorHandler(
                new ProcessorWiring(() -> desk.processComplaint, () -> desk.flush, () -> {}),
                new RecordingCheckpoints());
    }
}
