package org.abusedesk.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.abusedesk.aws.AwsClients;
import org.abusedesk.config.Environment;
import org.abusedesk.local.Stack;
import org.abusedesk.local.StreamRelay;
import org.abusedesk.testkit.FaultInjector;
import org.abusedesk.testkit.FaultInjector.When;
import org.abusedesk.testkit.MotoExtension;
import org.abusedesk.testkit.RecordingCheckpoints;
import org.abusedesk.testkit.StackContents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The form's intake fault matrix, against the moto server: DynamoDB throttled at each call of a submission, the
 * answer lost after each call took effect, eight copies of one submission racing, and the complaints pipe failing
 * to send. What must hold: a failed submission answers a clear error (never a stack trace, never the address),
 * nothing is half-stored, and the retry with the same Idempotency-Key stores the complaint exactly once, under
 * one reference.
 */
@ExtendWith(MotoExtension.class)
class FaultMatrixIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Stack stack;
    private final FaultInjector faults = new FaultInjector();
    private final ComplaintFormHandler handler;
    /** Across the class's tests, which share one stack: a source that sent in another test would hit its limit. */
    private static final AtomicInteger SOURCES = new AtomicInteger();

    FaultMatrixIT(Stack stack) {
        this.stack = stack;
        this.handler = handler(faults);
    }

    @Test
    void dynamoDbThrottled_atEachCallOfASubmission_answers503WithRetryAfter_andTheRetryStoresItOnce()
            throws IOException {
        var calls = callsOfACleanSubmission();
        assertThat(calls).contains("GetItem", "PutItem");
        for (int call = 1; call <= calls.size(); call++) {
            // GIVEN a new submission, and DynamoDB refusing its n-th call as over its provisioned rate
            String scenario = "throttled at call " + call + " (" + calls.get(call - 1) + ")";
            var submission = new Submission();
            faults.failCall(call, When.BEFORE, "ProvisionedThroughputExceededException");

            // WHEN it is sent, and the person sends it again with the same Idempotency-Key
            var refused = submission.send(handler);
            faults.clear();
            var stored = complaintIds(submission.mailingId);
            var retried = submission.send(handler);

            // THEN the first answer is a clear error, nothing was stored by it, and the retry stored it once
            assertClearError(refused, submission, scenario, 503);
            assertThat(refused.getHeaders()).as(scenario).containsEntry("retry-after", "2");
            assertThat(stored).as("nothing half-stored: %s", scenario).isEmpty();
            assertThat(retried.getStatusCode()).as(scenario).isEqualTo(202);
            assertThat(complaintIds(submission.mailingId)).as(scenario).containsExactly(reference(retried));
        }
    }

    @Test
    void theAnswerLost_afterEachCallOfASubmissionTookEffect_theRetryGivesOneReference_andStoresOnce()
            throws IOException {
        var calls = callsOfACleanSubmission();
        // The last call is the complaint's write: losing its answer is the case the browser's retry is for.
        assertThat(calls.getLast()).isEqualTo("PutItem");
        for (int call = 1; call <= calls.size(); call++) {
            // GIVEN a new submission, and the function dying just after its n-th call took effect
            String scenario = "crash after call " + call + " (" + calls.get(call - 1) + ")";
            var submission = new Submission();
            faults.failCall(call, When.AFTER);

            // WHEN it is sent, and the browser retries it twice with the same Idempotency-Key
            var lost = submission.send(handler);
            faults.clear();
            var retried = submission.send(handler);
            var again = submission.send(handler);

            // THEN the retries name the one complaint stored, whichever step the first try died after
            assertClearError(lost, submission, scenario, 500);
            assertThat(retried.getStatusCode()).as(scenario).isEqualTo(202);
            assertThat(reference(again)).as(scenario).isEqualTo(reference(retried));
            assertThat(complaintIds(submission.mailingId)).as(scenario).containsExactly(reference(retried));
        }
    }

    @Test
    void conditionalCheckRaces_eightCopiesOfOneSubmissionAtOnce_storeOneComplaint_andNoneAnswers500() throws Exception {
        // GIVEN one submission that a double-clicking browser and its retries send eight times at the same moment
        var racing = handler;
        var submission = new Submission();
        var start = new CountDownLatch(1);
        var sends = new ArrayList<Callable<APIGatewayV2HTTPResponse>>();
        for (int i = 0; i < 8; i++) {
            sends.add(() -> {
                start.await();
                return submission.send(racing);
            });
        }

        // WHEN they race for the source's counter, the idempotency record and the complaint's write
        var answers = new ArrayList<APIGatewayV2HTTPResponse>();
        try (var pool = Executors.newFixedThreadPool(sends.size())) {
            var futures = sends.stream().map(pool::submit).toList();
            start.countDown();
            for (var future : futures) {
                answers.add(future.get());
            }
        }

        // THEN one complaint is stored; each answer accepted it under that reference, or asked to try again later
        var stored = complaintIds(submission.mailingId);
        assertThat(stored).hasSize(1);
        for (var answer : answers) {
            assertThat(answer.getStatusCode()).as(answer.getBody()).isIn(202, 409, 429);
            if (answer.getStatusCode() == 202) {
                assertThat(reference(answer)).isEqualTo(stored.getFirst());
            }
        }
        assertThat(answers).extracting(APIGatewayV2HTTPResponse::getStatusCode).contains(202);
    }

    @Test
    void aRetryOvertakingTheFirstTry_betweenItsKeyAndItsComplaint_bothAnswer202WithTheOneReference()
            throws IOException {
        // GIVEN a submission whose first try is overtaken, just after it recorded its Idempotency-Key, by the
        // browser's retry, which finds the key and stores the complaint before the first try writes it
        var calls = callsOfACleanSubmission();
        int keyRecorded = calls.size() - 1;
        var submission = new Submission();
        var retry = new AtomicReference<APIGatewayV2HTTPResponse>();
        var retrying = handler(new FaultInjector());
        var overtaken = handler(new ExecutionInterceptor() {
            private final AtomicInteger call = new AtomicInteger();

            @Override
            public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                // The handler's construction read its secret: only the submission's calls count.
                boolean submitting = !attributes
                        .getAttribute(SdkExecutionAttribute.OPERATION_NAME)
                        .equals("GetSecretValue");
                if (submitting && call.incrementAndGet() == keyRecorded) {
                    retry.set(submission.send(retrying));
                }
            }
        });

        // WHEN the first try goes on to write the complaint the retry wrote already
        var first = submission.send(overtaken);

        // THEN both answers accept it under the one reference, and one complaint is stored
        assertThat(retry.get().getStatusCode()).isEqualTo(202);
        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(202);
        assertThat(reference(first)).isEqualTo(reference(retry.get()));
        assertThat(complaintIds(submission.mailingId)).containsExactly(reference(first));
    }

    @Test
    void theComplaintsPipeFailingToSend_repeatsTheRecordOnItsNextRun_neverSkippingIt() throws IOException {
        // GIVEN a stored complaint, and the pipe's relay whose next send to the queue fails
        var submission = new Submission();
        var accepted = submission.send(handler);
        assertThat(accepted.getStatusCode()).isEqualTo(202);
        var sending = new FaultInjector();
        var relay = new StreamRelay(stack.pipe("ComplaintsPipe"), stack.aws(), sqs(sending));
        sending.fail("SendMessage", When.BEFORE, 1, "ServiceUnavailable");

        try {
            // WHEN the relay runs, fails, and runs again
            assertThatThrownBy(relay::relay).hasMessageContaining("injected fault");
            relay.relay();
        } finally {
            relay.close();
        }

        // THEN the complaint's key reached the queue on the second run: the failed run moved past nothing
        String key =
                "{\"mailingId\": \"" + submission.mailingId + "\", \"complaintId\": \"" + reference(accepted) + "\"}";
        assertThat(StackContents.messages(stack, "ComplaintsQueue")).contains(key);
    }

    /** The operations of one clean submission's SDK calls, in order. */
    private List<String> callsOfACleanSubmission() {
        int before = faults.sequence().size();
        var answer = new Submission().send(handler);
        assertThat(answer.getStatusCode()).isEqualTo(202);
        var sequence = faults.sequence();
        return sequence.subList(before, sequence.size());
    }

    /** A clear error: the status, a problem body, no stack trace, no address. */
    private static void assertClearError(
            APIGatewayV2HTTPResponse answer, Submission submission, String scenario, int status) throws IOException {
        assertThat(answer.getStatusCode()).as(scenario).isEqualTo(status);
        assertThat(JSON.readTree(answer.getBody()).get("errors").isArray())
                .as(scenario)
                .isTrue();
        assertThat(answer.getBody())
                .as(scenario)
                .doesNotContain("Exception", "\tat ", "injected", submission.email, submission.mailingId);
    }

    private ComplaintFormHandler handler(ExecutionInterceptor interceptor) {
        var environment = new Environment(stack.runtimeEnvironment(stack.function("ComplaintFormFunction")));
        return new ComplaintFormHandler(
                FormWiring.of(environment, new AwsClients(environment, List.of(interceptor))),
                new RecordingCheckpoints());
    }

    /** The complaint ids stored under the Mailing ID. */
    private List<String> complaintIds(String mailingId) {
        try (var dynamoDb = stack.aws().dynamoDb()) {
            return dynamoDb
                    .query(r -> r.tableName(stack.ref("ComplaintsTable"))
                            .keyConditionExpression("mailingId = :m")
                            .expressionAttributeValues(Map.of(":m", AttributeValue.fromS(mailingId)))
                            .consistentRead(true))
                    .items()
                    .stream()
                    .map(item -> item.get("complaintId").s())
                    .toList();
        }
    }

    private SqsClient sqs(FaultInjector interceptor) {
        return SqsClient.builder()
                .endpointOverride(stack.aws().uri())
                .region(stack.aws().region())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(interceptor))
                .build();
    }

    private static String reference(APIGatewayV2HTTPResponse answer) throws IOException {
        return JSON.readTree(answer.getBody()).get("reference").asText();
    }

    /** One person's complaint, on a Mailing ID of its own, from an address of its own, with its Idempotency-Key. */
    private final class Submission {

        final String mailingId = Long.toString(ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L));
        final String email = "p" + mailingId + "@example.net";
        final String idempotencyKey = UUID.randomUUID().toString();
        final int source = SOURCES.incrementAndGet();
        final String sourceIp = "198.18." + (source / 250) + "." + (source % 250 + 1);

        APIGatewayV2HTTPResponse send(ComplaintFormHandler to) {
            APIGatewayV2HTTPEvent event = TestDesk.jsonPost(
                    "{\"mailingId\":\"" + mailingId + "\",\"email\":\"" + email + "\",\"message\":\"spam\"}");
            event.getHeaders().put("idempotency-key", idempotencyKey);
            event.getRequestContext().getHttp().setSourceIp(sourceIp);
            return to.handleRequest(event, null);
        }
    }
}
