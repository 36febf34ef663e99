package org.abusedesk.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.abusedesk.account.AccountId;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.complaint.MailingIdFormat;
import org.abusedesk.config.Environment;
import org.abusedesk.local.Stack;
import org.abusedesk.registration.ImportMailings;
import org.abusedesk.registration.ImportReport;
import org.abusedesk.registration.Mailing;
import org.abusedesk.registration.RejectedRow;
import org.abusedesk.registration.RowError;
import org.abusedesk.testkit.FaultInjector;
import org.abusedesk.testkit.MotoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(MotoExtension.class)
class ImportMailingsIT {

    private static final int ROWS = 10_000;
    private static final Instant NOW = Instant.parse("2025-11-20T12:00:00Z");

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final DynamoDbMailings mailings;
    private final FaultInjector calls = new FaultInjector();
    private final ImportMailings importMailings;

    ImportMailingsIT(Stack stack) {
        this.dynamoDb = stack.aws().dynamoDb();
        this.table = stack.ref("MailingsTable");
        this.mailings = new DynamoDbMailings(dynamoDb, table);
        var environment = new Environment(Map.of(
                "AWS_REGION",
                stack.aws().region().id(),
                "AWS_ENDPOINT_URL",
                stack.aws().uri().toString()));
        var counted = new AwsClients(environment, List.of(calls)).dynamoDb();
        this.importMailings = new ImportMailings(new DynamoDbMailings(counted, table), MailingIdFormat.DEFAULT);
    }

    @Test
    void tenThousandRows_storeExactlyTheGoodOnes_reportEachBadOneByItsLine_keepCounters_andImportAgainUnchanged() {
        // GIVEN a file of 10,000 rows, five of them bad, one of them a mailing complaints were counted on under an
        // earlier registration, and one registered with these very values already
        String p = "i" + UUID.randomUUID().toString().substring(0, 8) + "-";
        var csv = new StringBuilder("mailingId,accountId,recipients,sentAt,subject,sender,optInEvidence\r\n");
        var good = new HashSet<String>();
        for (int i = 0; i < ROWS; i++) {
            String id = p + i;
            String row = id + ",acc-" + (i % 50) + "," + (1000 + i) + ",2025-11-" + (10 + i % 10) + "T09:30:00Z,"
                    + "\"Angebot " + i + ", nur heute\",news@example.com,https://optin.example.com/" + i;
            switch (i) {
                case 17 -> row = "bad id 17,acc-1,1000,2025-11-20T09:30:00Z,S,news@example.com,";
                case 2_500 -> row = id + ",acc-1,-3,2025-11-20T09:30:00Z,S,news@example.com,";
                case 5_001 -> row = id + ",acc-1,1000,2025-13-01T09:30:00Z,S,news@example.com,";
                case 7_777 -> row = id + ",acc-1,1000,2025-11-20T09:30:00Z,S";
                case 9_998 -> row = p + 3 + ",acc-9,9,2025-11-20T09:30:00Z,S,news@example.com,";
                default -> good.add(id);
            }
            csv.append(row).append("\r\n");
        }
        var counted = new MailingId(p + 42);
        mailings.register(Mailing.registered(
                counted,
                new AccountId("acc-old"),
                OptionalLong.empty(),
                NOW,
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));
        countComplaint(counted);
        countComplaint(counted);
        mailings.claimNow(counted, NOW);
        mailings.markPending(counted, NOW);
        var same = Mailing.registered(
                new MailingId(p + 43),
                new AccountId("acc-43"),
                OptionalLong.of(1043),
                Instant.parse("2025-11-13T09:30:00Z"),
                Optional.of("Angebot 43, nur heute"),
                Optional.of("news@example.com"),
                Optional.of("https://optin.example.com/43"));
        mailings.register(same);
        var progress = new ArrayList<Long>();

        // WHEN it is imported
        var report = importMailings.importCsv(bytes(csv), progress::add);

        // THEN every good row is stored, and nothing else ...
        var expectedRejections = List.of(
                new RejectedRow(19, Optional.of("bad id 17"), RowError.field("mailingId", "is not a valid Mailing ID")),
                new RejectedRow(
                        2_502,
                        Optional.of(p + 2_500),
                        RowError.field("recipients", "must be a whole number of 0 or more")),
                new RejectedRow(
                        5_003,
                        Optional.of(p + 5_001),
                        RowError.field(
                                "sentAt", "must be an ISO-8601 time with its offset, e.g. 2025-11-20T09:30:00Z")),
                new RejectedRow(7_779, Optional.of(p + 7_777), RowError.row("has 5 fields, the header 7")),
                new RejectedRow(10_000, Optional.of(p + 3), RowError.field("mailingId", "is in line 5 already")));
        assertThat(report).isEqualTo(new ImportReport(ROWS, ROWS - 6, 1, 5, expectedRejections, true));
        var stored = registered(p);
        assertThat(stored.keySet()).isEqualTo(good);
        assertThat(mailings.find(new MailingId(p + 3)).orElseThrow().accountId())
                .isEqualTo(new AccountId("acc-3"));
        assertThat(mailings.find(new MailingId(p + 9_999)))
                .contains(Mailing.registered(
                        new MailingId(p + 9_999),
                        new AccountId("acc-49"),
                        OptionalLong.of(10_999),
                        Instant.parse("2025-11-19T09:30:00Z"),
                        Optional.of("Angebot 9999, nur heute"),
                        Optional.of("news@example.com"),
                        Optional.of("https://optin.example.com/9999")));
        // ... the mailing with complaints has its new registration and kept its counters and notification state
        var recounted = mailings.find(counted).orElseThrow();
        assertThat(recounted.accountId()).isEqualTo(new AccountId("acc-42"));
        assertThat(recounted.complaints()).isEqualTo(2);
        assertThat(stored.get(counted.value()))
                .containsEntry("lastNotifiedAt", AttributeValue.fromN(Long.toString(NOW.toEpochMilli())))
                .containsEntry("notifyPending", AttributeValue.fromS("PENDING"));
        // ... new mailings were put 25 a call, four calls for each hundred rows, and only the changed one updated
        assertThat(calls.calls("BatchWriteItem")).isEqualTo(ROWS / 25);
        assertThat(calls.calls("UpdateItem")).isEqualTo(1);
        // ... progress was told every hundred rows, up to all of them
        assertThat(progress)
                .hasSize(ROWS / ImportMailings.BATCH_ROWS)
                .isSorted()
                .last()
                .isEqualTo((long) ROWS);

        // WHEN the same file is imported again
        int writes = writeCalls();
        var again = importMailings.importCsv(bytes(csv), rows -> {});

        // THEN every good row is found as it is, the same rows are rejected, and not one write is sent
        assertThat(again).isEqualTo(new ImportReport(ROWS, 0, ROWS - 5, 5, expectedRejections, true));
        assertThat(writeCalls()).isEqualTo(writes);
        assertThat(calls.calls("BatchGetItem")).isPositive();
    }

    private int writeCalls() {
        return calls.calls("BatchWriteItem")
                + calls.calls("UpdateItem")
                + calls.calls("PutItem")
                + calls.calls("TransactWriteItems");
    }

    /** What the ledger's transaction adds to a mailing when it counts a complaint. */
    private void countComplaint(MailingId id) {
        dynamoDb.updateItem(r -> r.tableName(table)
                .key(DynamoDbMailings.key(id))
                .updateExpression("ADD complaints :one, verifiedComplaints :zero")
                .expressionAttributeValues(
                        Map.of(":one", AttributeValue.fromN("1"), ":zero", AttributeValue.fromN("0"))));
    }

    /** Every registered item whose Mailing ID starts with the prefix, whole, by Mailing ID. */
    private Map<String, Map<String, AttributeValue>> registered(String prefix) {
        var items = new HashMap<String, Map<String, AttributeValue>>();
        dynamoDb.scanPaginator(r -> r.tableName(table)
                        .consistentRead(true)
                        .filterExpression("begins_with(mailingId, :prefix) AND attribute_exists(registered)")
                        .expressionAttributeValues(Map.of(":prefix", AttributeValue.fromS(prefix))))
                .items()
                .forEach(item -> items.put(item.get("mailingId").s(), item));
        return items;
    }

    private static ByteArrayInputStream bytes(CharSequence csv) {
        return new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8));
    }
}
