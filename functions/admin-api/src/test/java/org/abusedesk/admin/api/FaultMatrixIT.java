package org.abusedesk.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.abusedesk.account.AccountId;
import org.abusedesk.account.AccountStatus;
import org.abusedesk.aws.AwsClients;
import org.abusedesk.aws.DynamoDbAccounts;
import org.abusedesk.aws.DynamoDbComplaints;
import org.abusedesk.aws.DynamoDbMailings;
import org.abusedesk.cases.CaseFixtures;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.config.Environment;
import org.abusedesk.local.Stack;
import org.abusedesk.testkit.FaultInjector;
import org.abusedesk.testkit.FaultInjector.When;
import org.abusedesk.testkit.MotoExtension;
import org.abusedesk.testkit.RecordingCheckpoints;
import org.abusedesk.testkit.StackContents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The admin API's fault matrix, against the moto server: DynamoDB throttled at each call of a status change, a
 * mailing's registration and an erasure; the answer to a status change lost after it took effect; a crash after each
 * call of an erasure; a crash in the middle of a mailings import. What must hold: a failed request answers a clear
 * error (never a stack trace, never personal data), nothing is half-changed (a status and its history entry both or
 * neither), and sending the request again finishes the work, once.
 */
@ExtendWith(MotoExtension.class)
class FaultMatrixIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> WRITE = InMemoryAdminApi.WRITE;

    private final Stack stack;
    private final FaultInjector faults = new FaultInjector();
    private final AdminApiHandler handler;
    private final DynamoDbAccounts accounts;
    private final DynamoDbMailings mailings;
    private final DynamoDbComplaints complaints;

    FaultMatrixIT(Stack stack) {
        this.stack = stack;
        var environment = new Environment(stack.runtimeEnvironment(stack.function("AdminApiFunction")));
        this.handler = new AdminApiHandler(
                AdminApiWiring.of(environment, new AwsClients(environment, List.of(faults))),
                new RecordingCheckpoints());
        var dynamoDb = stack.aws().dynamoDb();
        this.accounts = new DynamoDbAccounts(dynamoDb, stack.ref("AccountsTable"));
        this.mailings = new DynamoDbMailings(dynamoDb, stack.ref("MailingsTable"));
        this.complaints = new DynamoDbComplaints(dynamoDb, stack.ref("ComplaintsTable"));
    }

    @Test
    void dynamoDbThrottled_atEachCallOfAStatusChange_answers503_changesNeitherStatusNorHistory_andTheRetryChangesIt()
            throws IOException {
        var calls = callsOf(() -> pause(newAccount(), null));
        assertThat(calls).contains("TransactWriteItems");
        for (int call = 1; call <= calls.size(); call++) {
            // GIVEN an active account, and DynamoDB refusing the status change's n-th call as over its rate
            String scenario = "throttled at call " + call + " (" + calls.get(call - 1) + ")";
            String account = newAccount();
            faults.failCall(call, When.BEFORE, "ProvisionedThroughputExceededException");

            // WHEN a person pauses it, and sends the same change again
            var refused = pause(account, "ACTIVE");
            faults.clear();
            var unchanged = accounts.find(new AccountId(account));
            var retried = pause(account, "ACTIVE");

            // THEN the first answer asks to try again, the account was left as it was, and the retry paused it once
            assertBusy(refused, scenario);
            assertThat(unchanged).as(scenario).isEmpty();
            assertThat(retried.getStatusCode()).as(retried.getBody()).isEqualTo(200);
            var paused = accounts.find(new AccountId(account)).orElseThrow();
            assertThat(paused.status()).as(scenario).isEqualTo(AccountStatus.PAUSED);
            assertThat(paused.history()).as(scenario).hasSize(1);
        }
    }

    @Test
    void dynamoDbThrottled_atEachCallOfAMailingsRegistration_answers503_storesNothingHalf_andTheRetryRegistersIt()
            throws IOException {
        var calls = callsOf(() -> putMailing(newMailing()));
        // One update writes the whole registration; what comes after it only reads the mailing back for the answer.
        int write = calls.indexOf("UpdateItem") + 1;
        assertThat(write).isPositive();
        for (int call = 1; call <= calls.size(); call++) {
            // GIVEN a new mailing, and DynamoDB refusing its registration's n-th call as over its rate
            String scenario = "throttled at call " + call + " (" + calls.get(call - 1) + ")";
            String mailing = newMailing();
            faults.failCall(call, When.BEFORE, "ProvisionedThroughputExceededException");

            // WHEN the platform registers it, and registers it again
            var refused = putMailing(mailing);
            faults.clear();
            var stored = mailings.find(new MailingId(mailing));
            var retried = putMailing(mailing);

            // THEN the first answer asks to try again; it stored nothing, or (refused after the write) all of it;
            // the retry registered it
            assertBusy(refused, scenario);
            if (call <= write) {
                assertThat(stored).as(scenario).isEmpty();
            } else {
                assertThat(stored)
                        .as(scenario)
                        .hasValueSatisfying(m -> assertThat(m.recipients()).hasValue(1_000L));
            }
            assertThat(retried.getStatusCode()).as(retried.getBody()).isEqualTo(200);
            assertThat(mailings.find(new MailingId(mailing)).orElseThrow().accountId())
                    .isEqualTo(new AccountId("121070"));
        }
    }

    @Test
    void dynamoDbThrottled_atEachCallOfAnErasure_answers503_andTheErasureSentAgainLeavesTheAddressNowhere()
            throws IOException {
        var calls = callsOf(() -> erase(newComplainant()));
        assertThat(calls).contains("Query", "DeleteObject");
        for (int call = 1; call <= calls.size(); call++) {
            // GIVEN a complainant with a form complaint and a mailed one whose raw mail is stored, and the
            // erasure's n-th call refused as over its rate
            String scenario = "throttled at call " + call + " (" + calls.get(call - 1) + ")";
            String address = newComplainant();
            faults.failCall(call, When.BEFORE, "ProvisionedThroughputExceededException");

            // WHEN the erasure is asked for, and asked for again
            var refused = erase(address);
            faults.clear();
            var retried = erase(address);

            // THEN the first answer asks to try again without naming her; after the retry she is nowhere
            assertBusy(refused, scenario);
            assertThat(refused.getBody()).as(scenario).doesNotContain(address);
            assertThat(retried.getStatusCode()).as(retried.getBody()).isEqualTo(200);
            assertThat(StackContents.occurrences(stack, address)).as(scenario).isEmpty();
        }
    }

    @Test
    void theAnswerLost_afterAStatusChangeTookEffect_theRetryExpectingTheOldStatusIs409_andTheHistoryHoldsOneChange()
            throws IOException {
        // GIVEN an active account, and the answer to its status change lost after the change was written
        String account = newAccount();
        faults.fail("TransactWriteItems", When.AFTER, 1, "InjectedCrash");

        // WHEN a person pauses it, expecting it active, and sends the same change again
        var lost = pause(account, "ACTIVE");
        faults.clear();
        var retried = pause(account, "ACTIVE");

        // THEN the first answer is a clear error; the retry is refused as a conflict, for the account moved on:
        // it is paused, by the one change its history holds
        assertThat(lost.getStatusCode()).as(lost.getBody()).isEqualTo(500);
        assertProblemOnly(lost, "lost answer");
        assertThat(retried.getStatusCode()).as(retried.getBody()).isEqualTo(409);
        assertThat(JSON.readTree(retried.getBody()).at("/errors/0/message").asText())
                .contains("PAUSED");
        var paused = accounts.find(new AccountId(account)).orElseThrow();
        assertThat(paused.status()).isEqualTo(AccountStatus.PAUSED);
        assertThat(paused.history()).singleElement().satisfies(change -> {
            assertThat(change.from()).isEqualTo(AccountStatus.ACTIVE);
            assertThat(change.to()).isEqualTo(AccountStatus.PAUSED);
        });
    }

    @Test
    void aCrashAfterEachCallOfAnErasure_theErasureRunAgainCompletes_andNoItemOrObjectHoldsTheAddress()
            throws IOException {
        var calls = callsOf(() -> erase(newComplainant()));
        for (int call = 1; call <= calls.size(); call++) {
            // GIVEN a complainant with stored complaints and raw mail, and the function dying after the n-th call
            String scenario = "crash after call " + call + " (" + calls.get(call - 1) + ")";
            String address = newComplainant();
            faults.failCall(call, When.AFTER);

            // WHEN the erasure is asked for, and run again
            var crashed = erase(address);
            faults.clear();
            var again = erase(address);

            // THEN the crash answered a clear error, the second run completed, and no item or object holds her
            assertThat(crashed.getStatusCode()).as(scenario).isEqualTo(500);
            assertProblemOnly(crashed, scenario);
            assertThat(crashed.getBody()).as(scenario).doesNotContain(address);
            assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(200);
            assertThat(StackContents.occurrences(stack, address)).as(scenario).isEmpty();
        }
    }

    @Test
    void aCrashMidImport_theSameFileImportedAgain_registersEveryRowOnce() throws IOException {
        // GIVEN a file of 250 mailings, imported in three batches, and the function dying after a call of the second
        int rows = 250;
        String prefix = "imp-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        String csv = mailingsFile(prefix, rows);
        var clean = callsOf(() -> importCsv(mailingsFile("clean-" + prefix, rows)));
        faults.failCall(clean.size() / 2, When.AFTER);

        // WHEN it is imported, and the same file imported again
        var crashed = importCsv(csv);
        faults.clear();
        var again = importCsv(csv);

        // THEN the first import stopped or reported rows not stored; the second made up for them, and every row
        // is registered, once, with its own values
        assertThat(crashed.getStatusCode()).as(crashed.getBody()).isIn(200, 500);
        assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(200);
        JsonNode report = JSON.readTree(again.getBody());
        assertThat(report.get("rows").asLong()).isEqualTo(rows);
        assertThat(report.get("rejected").asLong()).as(again.getBody()).isZero();
        assertThat(report.get("written").asLong() + report.get("unchanged").asLong())
                .isEqualTo(rows);
        if (crashed.getStatusCode() == 200) {
            assertThat(JSON.readTree(crashed.getBody()).get("rejected").asLong())
                    .as(crashed.getBody())
                    .isPositive();
        }
        for (int row = 0; row < rows; row++) {
            String id = prefix + row;
            long recipients = 1_000L + row;
            assertThat(mailings.find(new MailingId(id)))
                    .as(id)
                    .hasValueSatisfying(
                            mailing -> assertThat(mailing.recipients()).hasValue(recipients));
        }
        assertThat(mailingsScanned(prefix)).isEqualTo(rows);
    }

    /** A file of mailings, each of its own recipients count, under Mailing IDs of the prefix. */
    private static String mailingsFile(String prefix, int rows) {
        var csv = new StringBuilder("mailingId,accountId,recipients,sentAt,subject,sender\n");
        for (int row = 0; row < rows; row++) {
            csv.append(prefix + row + ",121070," + (1_000 + row)
                    + ",2026-11-20T09:30:00Z,Angebote,news@shop.example.org\n");
        }
        return csv.toString();
    }

    /** The operations a clean run of the request calls, in order. */
    private List<String> callsOf(Supplier<APIGatewayV2HTTPResponse> request) {
        int before = faults.sequence().size();
        var answer = request.get();
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(200);
        var sequence = faults.sequence();
        return sequence.subList(before, sequence.size());
    }

    private static void assertBusy(APIGatewayV2HTTPResponse answer, String scenario) throws IOException {
        assertThat(answer.getStatusCode()).as(scenario).isEqualTo(503);
        assertThat(answer.getHeaders()).as(scenario).containsEntry("retry-after", "2");
        assertProblemOnly(answer, scenario);
    }

    /** A problem body and nothing else: no exception's name, no stack trace, no fault text. */
    private static void assertProblemOnly(APIGatewayV2HTTPResponse answer, String scenario) throws IOException {
        assertThat(JSON.readTree(answer.getBody()).get("errors").isArray())
                .as(scenario)
                .isTrue();
        assertThat(answer.getBody()).as(scenario).doesNotContain("Exception", "\tat ", "injected");
    }

    private APIGatewayV2HTTPResponse pause(String account, String expectedStatus) {
        String expected = expectedStatus == null ? "" : ",\"expectedStatus\":\"" + expectedStatus + "\"";
        return call(
                "PUT /admin/accounts/{accountId}/status",
                Map.of("accountId", account),
                "{\"status\":\"PAUSED\",\"reason\":\"complaints without opt-in\"" + expected + "}",
                "application/json");
    }

    private APIGatewayV2HTTPResponse putMailing(String mailing) {
        return call(
                "PUT /admin/mailings/{mailingId}",
                Map.of("mailingId", mailing),
                "{\"accountId\":\"121070\",\"recipients\":1000,\"sentAt\":\"2026-11-20T09:30:00Z\"}",
                "application/json");
    }

    private APIGatewayV2HTTPResponse erase(String address) {
        return call("POST /admin/erasures", Map.of(), "{\"address\":\"" + address + "\"}", "application/json");
    }

    private APIGatewayV2HTTPResponse importCsv(String csv) {
        return call("POST /admin/mailings/import", Map.of(), csv, "text/csv");
    }

    private APIGatewayV2HTTPResponse call(String route, Map<String, String> path, String body, String type) {
        return handler.handleRequest(InMemoryAdminApi.event(route, path, Map.of(), WRITE, body, type), null);
    }

    private static String newAccount() {
        return "acc-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String newMailing() {
        return Long.toString(10_000_000L + Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 89_999_999L));
    }

    /**
     * A complainant of two complaints: one by the form, one by mail on account 121070 whose raw mail, which quotes
     * her address, is stored in the inbound bucket.
     */
    private String newComplainant() {
        String address = "c" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
        String receiptId = "r" + UUID.randomUUID().toString().replace("-", "");
        var now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String bucket = stack.ref("InboundMailBucket");
        try (var s3 = stack.aws().s3()) {
            s3.putObject(
                    r -> r.bucket(bucket).key("inbound/" + receiptId),
                    RequestBody.fromString(
                            "From: " + address + "\r\nSubject: Spam\r\n\r\nSchon wieder.\r\n", StandardCharsets.UTF_8));
        }
        complaints.add(CaseFixtures.form(newMailing(), now, ComplaintState.NOTIFIED, address));
        complaints.add(CaseFixtures.withEvidence(
                CaseFixtures.mailed(newMailing(), now, ComplaintState.NOTIFIED, address, receiptId, false),
                "s3://" + bucket + "/inbound/" + receiptId));
        return address;
    }

    /** How many items of the mailings table are mailings of the prefix. */
    private long mailingsScanned(String prefix) {
        try (var dynamoDb = stack.aws().dynamoDb()) {
            return dynamoDb.scanPaginator(r -> r.tableName(stack.ref("MailingsTable"))).items().stream()
                    .filter(item -> item.get("mailingId").s().startsWith(prefix))
                    .count();
        }
    }
}
