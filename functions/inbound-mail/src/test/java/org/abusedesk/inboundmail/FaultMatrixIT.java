package org.abusedesk.inboundmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.f4b6a3.ulid.UlidCreator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.abusedesk.aws.AwsClients;
import org.abusedesk.aws.DynamoDbComplaints;
import org.abusedesk.complaint.Attribution;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.Complainant;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintId;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.Language;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.complaint.Salutation;
import org.abusedesk.config.Environment;
import org.abusedesk.inbound.Fixtures;
import org.abusedesk.inbound.RawMails;
import org.abusedesk.local.AwsEndpoint;
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
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The inbound path's fault matrix, against the moto server: the mail missing or late in the bucket, S3 and DynamoDB
 * throttled, a crash after the complaint was written, and the complaints pipe giving up on a complaint. What must
 * hold: SES's event fails (so Lambda retries it and finally parks it in the failed-mail queue) rather than drop a
 * complaint, the reconciler takes in what no event did and queues what no pipe did, and no path stores a complaint
 * twice.
 */
@ExtendWith(MotoExtension.class)
class FaultMatrixIT {

    @Test
    void aMailNotYetInTheBucket_failsTheEventForARetry_andTheReconcilerTakesItInLater(AwsEndpoint aws)
            throws IOException {
        // GIVEN SES's event for a mail whose object is not (yet) in the bucket
        var stack = MotoExtension.stack(aws);
        String receiptId = receiptId();
        var inbound = new InboundMailHandler(
                InboundMailWiring.of(new Environment(stack.runtimeEnvironment(stack.function("InboundMailFunction")))),
                new RecordingCheckpoints());

        // WHEN the event comes: THEN it fails, retryably, and nothing is stored
        assertThatThrownBy(() -> InboundStack.handle(inbound, event(receiptId)))
                .hasMessageEndingWith("not taken in: " + RawMails.MailNotFoundException.class.getName());
        assertThat(InboundStack.itemsOf(stack, receiptId)).isEmpty();

        // ... and WHEN the object lands late and the reconciler runs, before Lambda's retry
        putMail(stack, receiptId);
        String report = InboundStack.handle(
                new ReconcilerHandler(
                        InboundMailWiring.of(new Environment(reconcilerEnvironment(stack))),
                        new RecordingCheckpoints()),
                "{}");

        // THEN the reconciler stored the mail's two complaints
        assertThat(report).startsWith("{\"mailsExamined\":1,\"mailsRedriven\":1,\"complaintsStored\":2,");
        var items = InboundStack.itemsOf(stack, receiptId);
        assertThat(items).hasSize(2);

        // ... and WHEN Lambda's retry of the event comes after all: THEN it stores nothing twice
        InboundStack.handle(inbound, event(receiptId));
        assertThat(InboundStack.itemsOf(stack, receiptId)).isEqualTo(items);
    }

    @Test
    void s3AndDynamoDbThrottled_orACrashAfterTheWrite_failTheEvent_andItsRetryStoresEachComplaintOnce(Stack stack)
            throws IOException {
        for (var fault : List.of(
                new Object[] {"GetObject", When.BEFORE, "SlowDown"},
                new Object[] {"PutItem", When.BEFORE, "ProvisionedThroughputExceededException"},
                new Object[] {"PutItem", When.AFTER, "InjectedCrash"})) {
            // GIVEN a mail with two reported messages in the bucket, and a fault on the inbound function's calls
            String scenario = fault[0] + " " + fault[1] + " " + fault[2];
            String receiptId = receiptId();
            putMail(stack, receiptId);
            var faults = new FaultInjector();
            var environment = new Environment(stack.runtimeEnvironment(stack.function("InboundMailFunction")));
            var inbound = new InboundMailHandler(
                    InboundMailWiring.of(
                            environment,
                            new AwsClients(environment, List.of(faults)),
                            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)),
                    new RecordingCheckpoints());
            faults.fail((String) fault[0], (When) fault[1], 1, (String) fault[2]);

            // WHEN SES's event comes: THEN it fails, for Lambda to retry
            assertThatThrownBy(() -> InboundStack.handle(inbound, event(receiptId)))
                    .as(scenario)
                    .hasMessage("mail " + receiptId + " not taken in: "
                            + software.amazon.awssdk.awscore.exception.AwsServiceException.class.getName());

            // ... and WHEN Lambda retries it, twice: THEN each reported message is stored exactly once
            InboundStack.handle(inbound, event(receiptId));
            InboundStack.handle(inbound, event(receiptId));
            assertThat(InboundStack.itemsOf(stack, receiptId)).as(scenario).hasSize(2);
        }
    }

    @Test
    void aFailedTry_isOnTheFailedMailQueueByItsReceiptAndKey_withNoAddressSubjectOrName(Stack stack)
            throws IOException {
        // GIVEN a mail from Erika Muster about "Grosse Rabatte nur heute" in the bucket, and the complaints table
        // refusing the write
        String receiptId = receiptId();
        putMail(stack, receiptId);
        var faults = new FaultInjector();
        var environment = new Environment(stack.runtimeEnvironment(stack.function("InboundMailFunction")));
        var inbound = new InboundMailHandler(
                InboundMailWiring.of(environment, new AwsClients(environment, List.of(faults))),
                new RecordingCheckpoints());
        faults.fail("PutItem", When.BEFORE, 1, "InternalServerError");

        // WHEN SES's event comes, and fails
        assertThatThrownBy(() -> InboundStack.handle(inbound, event(receiptId)))
                .isInstanceOf(InboundMailHandler.MailNotTakenInException.class);

        // THEN the failed-mail queue holds one message for it: which mail, where, when and the error's class only
        var messages = failedMailMessages(stack, receiptId);
        assertThat(messages).singleElement().satisfies(body -> {
            var message = new ObjectMapper().readTree(body);
            assertThat(message.get("receiptId").asText()).isEqualTo(receiptId);
            assertThat(message.get("bucket").asText()).isEqualTo(stack.ref("InboundMailBucket"));
            assertThat(message.get("key").asText()).isEqualTo("inbound/" + receiptId);
            assertThat(Instant.parse(message.get("failedAt").asText())).isBeforeOrEqualTo(Instant.now());
            assertThat(message.get("error").asText()).endsWith("Exception");
            assertThat(body)
                    .doesNotContainIgnoringCase("erika")
                    .doesNotContainIgnoringCase("muster")
                    .doesNotContain("example.net", "shop.example.org", "Rabatte", "Two spams", "abuse@");
        });
    }

    /** The failed-mail queue's messages about one mail; the stack is shared, so others' are left for them. */
    private static List<String> failedMailMessages(Stack stack, String receiptId) {
        var found = new java.util.ArrayList<String>();
        try (var sqs = stack.aws().sqs()) {
            for (int poll = 0; poll < 5; poll++) {
                sqs
                        .receiveMessage(r -> r.queueUrl(stack.ref("InboundMailFailedQueue"))
                                .maxNumberOfMessages(10)
                                .visibilityTimeout(0))
                        .messages()
                        .stream()
                        .map(software.amazon.awssdk.services.sqs.model.Message::body)
                        .filter(body -> body.contains(receiptId) && !found.contains(body))
                        .forEach(found::add);
            }
        }
        return found;
    }

    @Test
    void aFormComplaintThePipeNeverQueued_isQueuedAgainByTheReconciler_onceByItsKey(AwsEndpoint aws)
            throws IOException {
        // GIVEN a complaint the form stored an hour ago, and the complaints pipe failing to send it on each of its
        // tries until it gave up
        var stack = MotoExtension.stack(aws);
        var anHourAgo = Instant.now().minus(Duration.ofHours(1));
        var key = new ComplaintKey(
                new MailingId("14141611"),
                new ComplaintId(UlidCreator.getUlid(anHourAgo.toEpochMilli()).toString()));
        try (var dynamoDb = stack.aws().dynamoDb()) {
            new DynamoDbComplaints(dynamoDb, stack.ref("ComplaintsTable"))
                    .add(new Complaint(
                            key,
                            Channel.FORM,
                            Classification.COMPLAINT,
                            ComplaintState.RECEIVED,
                            anHourAgo,
                            new Complainant("a@example.net", Optional.empty(), Salutation.NONE, Language.EN),
                            "spam",
                            Attribution.NONE,
                            anHourAgo.plus(Duration.ofDays(180))));
        }
        var sending = new FaultInjector();
        sending.fail("SendMessage", When.BEFORE, 3, "ServiceUnavailable");
        var relay = new StreamRelay(stack.pipe("ComplaintsPipe"), stack.aws(), sqs(stack.aws(), sending));
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThatThrownBy(relay::relay).hasMessageContaining("injected fault");
            }
        } finally {
            relay.close();
        }
        assertThat(StackContents.messages(stack, "ComplaintsQueue")).isEmpty();

        // WHEN the reconciler runs as the template configures it
        String report = InboundStack.handle(
                new ReconcilerHandler(
                        InboundMailWiring.of(
                                new Environment(stack.runtimeEnvironment(stack.function("ReconcilerFunction")))),
                        new RecordingCheckpoints()),
                "{}");

        // THEN it queued the complaint's key, once, as the pipe would have: the processor takes it from there
        assertThat(report).contains("\"complaintsRequeued\":1,\"failures\":0");
        assertThat(StackContents.messages(stack, "ComplaintsQueue"))
                .containsExactly("{\"mailingId\":\"14141611\",\"complaintId\":\"" + key.complaintId() + "\"}");
    }

    private static Map<String, String> reconcilerEnvironment(Stack stack) {
        var environment = new HashMap<>(stack.runtimeEnvironment(stack.function("ReconcilerFunction")));
        environment.put("RECONCILE_MAIL_AFTER_MINUTES", "0");
        return environment;
    }

    /** An SQS client through the interceptor, for a relay whose sends fail. */
    private static SqsClient sqs(AwsEndpoint aws, FaultInjector interceptor) {
        return SqsClient.builder()
                .endpointOverride(aws.uri())
                .region(aws.region())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(interceptor))
                .build();
    }

    private static String receiptId() {
        return "r" + UUID.randomUUID().toString().replace("-", "");
    }

    private static void putMail(Stack stack, String receiptId) {
        try (var s3 = stack.aws().s3()) {
            s3.putObject(
                    r -> r.bucket(stack.ref("InboundMailBucket")).key("inbound/" + receiptId),
                    RequestBody.fromBytes(Fixtures.mail("attached-two-messages.eml")));
        }
    }

    private static String event(String receiptId) throws IOException {
        return InboundMailHandlerTest.event().replace("o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1", receiptId);
    }
}
