package org.abusedesk.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.abusedesk.aws.EmbeddedMetrics;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.Complaints;
import org.abusedesk.complaint.InMemoryComplaints;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.complaint.MailingIdFormat;
import org.abusedesk.form.ComplaintFormHandler;
import org.abusedesk.form.FormSettings;
import org.abusedesk.form.FormWiring;
import org.abusedesk.intake.Admission;
import org.abusedesk.intake.FormTokens;
import org.abusedesk.intake.IdempotencyKey;
import org.abusedesk.intake.IdempotencyRecord;
import org.abusedesk.intake.IdempotencyRecords;
import org.abusedesk.intake.InMemoryIdempotencyRecords;
import org.abusedesk.intake.InMemorySourceCounter;
import org.abusedesk.intake.IntakeSecret;
import org.abusedesk.intake.SourceCounter;
import org.abusedesk.intake.SourceKey;
import org.abusedesk.intake.SourceLimit;
import org.abusedesk.intake.SubmitComplaint;
import org.abusedesk.intake.SubmitFormComplaint;
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
 * One complaint posted as JSON to {@code POST /complaints}, through {@link ComplaintFormHandler} as API Gateway
 * calls it: request reading, validation, rate limit, idempotency, the complaint stored, metrics and the log line
 * written, the 202 answer. The stores are the in-memory fakes the tests use, so no AWS call is measured.
 *
 * <p>Each invocation handles a batch of submissions from distinct sources on fresh stores (made outside the
 * measurement), so that the fakes never grow past one batch; the score is per submission. The handler is the trial's
 * one, as an execution environment keeps one: each handler built stays registered for SnapStart, with its stores, as
 * long as the JVM runs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FormSubmissionBenchmark {

    public static final int BATCH = 200;
    static final IntakeSecret SECRET = IntakeSecret.of("benchmark-secret-of-32-characters");

    private final List<APIGatewayV2HTTPEvent> events = new ArrayList<>();
    private final BatchStores stores = new BatchStores();
    private final ComplaintFormHandler handler = handler(stores, stores, stores);

    @Setup(Level.Trial)
    public void events() {
        for (int i = 0; i < BATCH; i++) {
            events.add(event(i));
        }
    }

    @Setup(Level.Invocation)
    public void freshDesk() {
        stores.renew();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void submit(Blackhole blackhole) {
        for (var event : events) {
            blackhole.consume(handler.handleRequest(event, null));
        }
    }

    /** The handler on the stores, wired as the function wires it from its environment. */
    static ComplaintFormHandler handler(Complaints complaints, IdempotencyRecords idempotency, SourceCounter sources) {
        var clock = Clock.systemUTC();
        var limit = SourceLimit.DEFAULT;
        var metrics = new EmbeddedMetrics(new PrintStream(PrintStream.nullOutputStream()), clock);
        var submitComplaint = new SubmitComplaint(
                complaints, idempotency, sources, metrics, MailingIdFormat.DEFAULT, clock, Duration.ofDays(180));
        var submitForm = new SubmitFormComplaint(
                submitComplaint, new FormTokens(SECRET), metrics, clock, SubmitFormComplaint.DEFAULT_MIN_FILL_TIME);
        var wiring = new FormWiring(
                submitComplaint, submitForm, SECRET, new FormSettings("abuse@example.com", 180, limit), () -> {});
        // No snapshot is taken: the priming hook is registered and never run.
        return new ComplaintFormHandler(wiring, new RecordingCheckpoints());
    }

    /** The sample event of {@code events/apigw/submit-complaint.json}, from source 10.x.y.z of the number. */
    static APIGatewayV2HTTPEvent event(int number) {
        String ip = "10." + (number >> 16 & 0xff) + "." + (number >> 8 & 0xff) + "." + (number & 0xff);
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("POST /complaints")
                .withRawPath("/complaints")
                .withRawQueryString("")
                .withHeaders(Map.of(
                        "accept", "application/json",
                        "content-type", "application/json",
                        "user-agent", "curl/8.5.0",
                        "x-forwarded-for", ip))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod("POST")
                                .withPath("/complaints")
                                .withProtocol("HTTP/1.1")
                                .withSourceIp(ip)
                                .withUserAgent("curl/8.5.0")
                                .build())
                        .withRequestId("bench-" + number)
                        .withRouteKey("POST /complaints")
                        .withStage("$default")
                        .build())
                .withBody("{\"mailingId\":\"14141611\",\"email\":\"erika.muster" + number
                        + "@example.net\",\"message\":\"Ich habe diesen Newsletter nie bestellt.\","
                        + "\"salutation\":\"FRAU\",\"name\":\"Erika Muster\"}")
                .withIsBase64Encoded(false)
                .build();
    }

    /** For the wiring test: what the last batch stored. */
    InMemoryComplaints batchComplaints() {
        return stores.complaints();
    }

    /** For the wiring test: one submission on a fresh desk, and what it stored. */
    static APIGatewayV2HTTPResponse submitOne(InMemoryComplaints complaints) {
        return handler(complaints, new InMemoryIdempotencyRecords(), new InMemorySourceCounter(SourceLimit.DEFAULT))
                .handleRequest(event(1), null);
    }

    /** A batch's in-memory stores, behind the trial's handler: renewed before each batch. */
    static final class BatchStores implements Complaints, IdempotencyRecords, SourceCounter {

        private InMemoryComplaints complaints;
        private InMemoryIdempotencyRecords idempotency;
        private InMemorySourceCounter sources;

        BatchStores() {
            renew();
        }

        void renew() {
            complaints = new InMemoryComplaints();
            idempotency = new InMemoryIdempotencyRecords();
            sources = new InMemorySourceCounter(SourceLimit.DEFAULT);
        }

        InMemoryComplaints complaints() {
            return complaints;
        }

        @Override
        public void add(Complaint complaint) {
            complaints.add(complaint);
        }

        @Override
        public Optional<Complaint> find(ComplaintKey key, Instant now) {
            return complaints.find(key, now);
        }

        @Override
        public boolean advance(ComplaintKey key, ComplaintState from, ComplaintState to) {
            return complaints.advance(key, from, to);
        }

        @Override
        public List<Complaint> awaitingNotification(MailingId mailingId, Instant now) {
            return complaints.awaitingNotification(mailingId, now);
        }

        @Override
        public long countSince(MailingId mailingId, Instant since) {
            return complaints.countSince(mailingId, since);
        }

        @Override
        public Optional<IdempotencyRecord> find(IdempotencyKey key, Instant now) {
            return idempotency.find(key, now);
        }

        @Override
        public IdempotencyRecord putIfAbsent(IdempotencyRecord record) {
            return idempotency.putIfAbsent(record);
        }

        @Override
        public Admission admit(SourceKey source, Instant now) {
            return sources.admit(source, now);
        }
    }
}
