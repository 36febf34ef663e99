package org.abusedesk.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.abusedesk.aws.EmbeddedMetrics;
import org.abusedesk.complaint.InMemoryComplaints;
import org.abusedesk.complaint.MailingIdFormat;
import org.abusedesk.form.ComplaintFormHandler;
import org.abusedesk.form.FormSettings;
import org.abusedesk.intake.FormTokens;
import org.abusedesk.intake.InMemoryIdempotencyRecords;
import org.abusedesk.intake.InMemorySourceCounter;
import org.abusedesk.intake.IntakeSecret;
import org.abusedesk.intake.SourceLimit;
import org.abusedesk.intake.SubmitComplaint;
import org.abusedesk.intake.SubmitFormComplaint;
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
 * <p>Each invocation handles a batch of submissions from distinct sources on a fresh desk (made outside the
 * measurement), so that the fakes never grow past one batch; the score is per submission.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FormSubmissionBenchmark {

    public static final int BATCH = 200;
    static final IntakeSecret SECRET = IntakeSecret.of("benchmark-secret-of-32-characters");

    private final List<APIGatewayV2HTTPEvent> events = new ArrayList<>();
    private ComplaintFormHandler handler;
    private InMemoryComplaints complaints;

    @Setup(Level.Trial)
    public void events() {
        for (int i = 0; i < BATCH; i++) {
            events.add(event(i));
        }
    }

    @Setup(Level.Invocation)
    public void freshDesk() {
        complaints = new InMemoryComplaints();
        handler = handler(complaints);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void submit(Blackhole blackhole) {
        for (var event : events) {
            blackhole.consume(handler.handleRequest(event, null));
        }
    }

    /** What the last batch stored: for the smoke test. */
    InMemoryComplaints stored() {
        return complaints;
    }

    /** The handler on in-memory stores, wired as the function wires it from its environment. */
    static ComplaintFormHandler handler(InMemoryComplaints complaints) {
        var clock = Clock.systemUTC();
        var limit = SourceLimit.DEFAULT;
        var metrics = new EmbeddedMetrics(new PrintStream(PrintStream.nullOutputStream()), clock);
        var submitComplaint = new SubmitComplaint(
                complaints,
                new InMemoryIdempotencyRecords(),
                new InMemorySourceCounter(limit),
                metrics,
                MailingIdFormat.DEFAULT,
                clock,
                Duration.ofDays(180));
        var submitForm = new SubmitFormComplaint(
                submitComplaint, new FormTokens(SECRET), metrics, clock, SubmitFormComplaint.DEFAULT_MIN_FILL_TIME);
        return new ComplaintFormHandler(
                submitComplaint, submitForm, SECRET, new FormSettings("abuse@example.com", 180, limit));
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

    /** For the wiring test: one submission on a fresh desk, and what it stored. */
    static APIGatewayV2HTTPResponse submitOne(InMemoryComplaints complaints) {
        return handler(complaints).handleRequest(event(1), null);
    }
}
