package org.abusedesk.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

class StreamRelayIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static MotoServer moto;
    private static AwsEndpoint aws;
    private static DynamoDbClient dynamoDb;
    private static SqsClient sqs;

    private Stack stack;
    private String table;
    private String queueUrl;
    private StreamRelay relay;

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.start(0, TestProject.root(), Path.of("target/moto-it.log"));
        aws = new AwsEndpoint(moto.endpoint(), Region.EU_CENTRAL_1);
        dynamoDb = aws.dynamoDb();
        sqs = aws.sqs();
    }

    @AfterAll
    static void stopMoto() {
        if (dynamoDb != null) {
            dynamoDb.close();
            sqs.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    @BeforeEach
    void createStack() {
        stack = TestProject.newStack(aws);
        table = stack.ref("ComplaintsTable");
        queueUrl = stack.ref("ComplaintsQueue");
        relay = new StreamRelay(stack.pipe("ComplaintsPipe"), aws);
    }

    @AfterEach
    void closeRelay() {
        relay.close();
    }

    @Test
    void relay_sendsOnlyTheKeysOfNewComplaints() throws Exception {
        // GIVEN a new complaint with personal data, a new counter item, and a change to the complaint
        putComplaint("14141611", "01JCOMPLAINT000000000000AA");
        dynamoDb.putItem(r -> r.tableName(table)
                .item(Map.of(
                        "mailingId", AttributeValue.fromS("14141611"),
                        "complaintId", AttributeValue.fromS("#counter"),
                        "itemType", AttributeValue.fromS("counter"),
                        "count", AttributeValue.fromN("1"))));
        dynamoDb.updateItem(r -> r.tableName(table)
                .key(key("14141611", "01JCOMPLAINT000000000000AA"))
                .updateExpression("SET #s = :s")
                .expressionAttributeNames(Map.of("#s", "state"))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("NOTIFIED"))));

        // WHEN the pipe is relayed
        int sent = relay.relay();

        // THEN exactly one message went to the queue, holding the complaint's keys and nothing else
        assertThat(sent).isEqualTo(1);
        var messages = TestQueues.receiveAll(sqs, queueUrl);
        assertThat(messages).hasSize(1);
        assertThat(parse(messages.get(0).body()))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("mailingId", "14141611", "complaintId", "01JCOMPLAINT000000000000AA"));
        assertThat(messages.get(0).body())
                .isEqualTo("{\"mailingId\": \"14141611\", \"complaintId\": \"01JCOMPLAINT000000000000AA\"}")
                .doesNotContain("erika@example.net", "Erika Muster");
    }

    @Test
    void relay_passesNoStoredItemThatIsNoComplaint() {
        // GIVEN a mailed bounce and an auto-reply, stored like complaints but classified otherwise
        for (String classification : List.of("BOUNCE", "AUTO_REPLY")) {
            dynamoDb.putItem(r -> r.tableName(table)
                    .item(Map.of(
                            "mailingId", AttributeValue.fromS("14141611"),
                            "complaintId", AttributeValue.fromS("01JNOTACOMPLAINT" + classification.charAt(0)),
                            "itemType", AttributeValue.fromS("complaint"),
                            "classification", AttributeValue.fromS(classification),
                            "state", AttributeValue.fromS("RECEIVED"))));
        }

        // WHEN the pipe is relayed
        int sent = relay.relay();

        // THEN nothing reaches the queue: only complaints are notified
        assertThat(sent).isZero();
        assertThat(TestQueues.receiveAll(sqs, queueUrl)).isEmpty();
    }

    @Test
    void relay_again_sendsNothingMore() {
        // GIVEN a complaint that was relayed once
        putComplaint("14141611", "01JCOMPLAINT000000000000AA");
        assertThat(relay.relay()).isEqualTo(1);

        // WHEN the pipe is relayed again without new writes
        int sent = relay.relay();

        // THEN nothing more is sent: the queue holds the one message, received or not
        assertThat(sent).isZero();
        assertThat(TestQueues.receiveAll(sqs, queueUrl)).hasSize(1);
        assertThat(TestQueues.counts(sqs, queueUrl)).isEqualTo(List.of(0, 1));
    }

    @Test
    void relay_afterMoreWrites_sendsOnlyTheNewComplaints() throws Exception {
        // GIVEN one complaint relayed already
        putComplaint("14141611", "01JFIRST");
        assertThat(relay.relay()).isEqualTo(1);
        TestQueues.receiveAll(sqs, queueUrl);

        // WHEN another complaint is written and the pipe relayed again
        putComplaint("20202020", "01JSECOND");
        int sent = relay.relay();

        // THEN only the new one is sent
        assertThat(sent).isEqualTo(1);
        var messages = TestQueues.receiveAll(sqs, queueUrl);
        assertThat(messages).hasSize(1);
        assertThat(parse(messages.get(0).body()))
                .containsExactlyInAnyOrderEntriesOf(Map.of("mailingId", "20202020", "complaintId", "01JSECOND"));
    }

    @Test
    void relay_afterATransactionOnTheTableFailed_sendsTheComplaintsWrittenSince() throws Exception {
        // GIVEN one complaint relayed already, and a transaction on the table that fails its condition (the moto
        // server then puts back a copy of the table, its stream included)
        putComplaint("14141611", "01JBEFORE");
        assertThat(relay.relay()).isEqualTo(1);
        TestQueues.receiveAll(sqs, queueUrl);
        assertThatThrownBy(() -> dynamoDb.transactWriteItems(r -> r.transactItems(item -> item.update(u -> u.tableName(
                                table)
                        .key(key("14141611", "01JBEFORE"))
                        .updateExpression("SET #s = :to")
                        .conditionExpression("#s = :from")
                        .expressionAttributeNames(Map.of("#s", "state"))
                        .expressionAttributeValues(Map.of(
                                ":from", AttributeValue.fromS("NOTIFIED"), ":to", AttributeValue.fromS("COUNTED")))))))
                .isInstanceOf(TransactionCanceledException.class);

        // WHEN another complaint is written and the pipe relayed again
        putComplaint("20202020", "01JAFTER");
        int sent = relay.relay();

        // THEN the new complaint is sent, once
        assertThat(sent).isEqualTo(1);
        var messages = TestQueues.receiveAll(sqs, queueUrl);
        assertThat(messages).hasSize(1);
        assertThat(parse(messages.get(0).body()))
                .containsExactlyInAnyOrderEntriesOf(Map.of("mailingId", "20202020", "complaintId", "01JAFTER"));
    }

    @Test
    void relay_ofADeletion_sendsNothing() {
        // GIVEN a complaint relayed already, then deleted
        putComplaint("14141611", "01JGONE");
        assertThat(relay.relay()).isEqualTo(1);
        TestQueues.receiveAll(sqs, queueUrl);
        dynamoDb.deleteItem(r -> r.tableName(table).key(key("14141611", "01JGONE")));

        // WHEN the pipe is relayed
        int sent = relay.relay();

        // THEN the REMOVE record does not pass the filter
        assertThat(sent).isZero();
        assertThat(TestQueues.counts(sqs, queueUrl)).isEqualTo(List.of(0, 1));
    }

    @Test
    void relay_ofKeysWithQuotesAndBackslashes_sendsValidJson() throws Exception {
        // GIVEN a complaint whose keys hold JSON-special characters
        String mailingId = "14\"14\\1611";
        String complaintId = "01J\"\n\\X";
        putComplaint(mailingId, complaintId);

        // WHEN the pipe is relayed
        relay.relay();

        // THEN the message is JSON holding the keys unchanged
        var messages = TestQueues.receiveAll(sqs, queueUrl);
        assertThat(messages).hasSize(1);
        assertThat(parse(messages.get(0).body()))
                .containsExactlyInAnyOrderEntriesOf(Map.of("mailingId", mailingId, "complaintId", complaintId));
    }

    @Test
    void relay_startsAtTheOldestRecordOfTheStream() {
        // GIVEN complaints written before the relay first read the stream
        putComplaint("14141611", "01JEARLY1");
        putComplaint("14141611", "01JEARLY2");

        // WHEN the relay reads it for the first time
        int sent = relay.relay();

        // THEN it sends both, in the order they were written
        assertThat(sent).isEqualTo(2);
        assertThat(TestQueues.receiveAll(sqs, queueUrl))
                .extracting(Message::body)
                .containsExactly(
                        "{\"mailingId\": \"14141611\", \"complaintId\": \"01JEARLY1\"}",
                        "{\"mailingId\": \"14141611\", \"complaintId\": \"01JEARLY2\"}");
    }

    @Test
    void relay_ofAnEmptyStream_sendsNothing() {
        // GIVEN a stack nobody wrote to

        // WHEN the pipe is relayed
        int sent = relay.relay();

        // THEN nothing is sent
        assertThat(sent).isZero();
        assertThat(TestQueues.counts(sqs, queueUrl)).isEqualTo(List.of(0, 0));
    }

    @Test
    void relay_toTheBus_keepsEachEventItPut_inTheLog_newestLast() throws Exception {
        // GIVEN two status changes in the accounts table's history, and a relay of its pipe to the bus with a log
        String accounts = stack.ref("AccountsTable");
        for (String to : List.of("FLAGGED", "PAUSED")) {
            dynamoDb.putItem(r -> r.tableName(accounts)
                    .item(Map.of(
                            "accountId", AttributeValue.fromS("121070"),
                            "sk", AttributeValue.fromS("HISTORY#" + to),
                            "itemType", AttributeValue.fromS("statusChange"),
                            "from", AttributeValue.fromS("ACTIVE"),
                            "to", AttributeValue.fromS(to),
                            "atIso", AttributeValue.fromS("2026-11-27T10:00:00Z"),
                            "reason", AttributeValue.fromS("rate"),
                            "changedBy", AttributeValue.fromS("abuse-desk"),
                            "ratePercent", AttributeValue.fromS("0.3000"))));
        }
        var log = new EventLog(java.time.Clock.systemUTC());
        var toBus = new StreamRelay(stack.pipe("AccountEventsPipe"), aws, log);

        // WHEN it relays
        int sent;
        try {
            sent = toBus.relay();
        } finally {
            toBus.close();
        }

        // THEN the log holds both events, in the order of the stream, with the pipe's source and detail type
        assertThat(sent).isEqualTo(2);
        assertThat(log.events())
                .extracting(
                        EventLog.Event::source,
                        EventLog.Event::detailType,
                        e -> e.detail().get("to").asText())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("abuse-desk", "AccountStatusChanged", "FLAGGED"),
                        org.assertj.core.groups.Tuple.tuple("abuse-desk", "AccountStatusChanged", "PAUSED"));
        assertThat(JSON.readTree(log.json()).findValuesAsText("detail-type"))
                .containsExactly("AccountStatusChanged", "AccountStatusChanged");
        // ... and the relay to the queue keeps nothing: its messages are no events
        putComplaint("14141611", "01JCOMPLAINT000000000000LG");
        var toQueue = new StreamRelay(stack.pipe("ComplaintsPipe"), aws, log);
        try {
            assertThat(toQueue.relay()).isEqualTo(1);
        } finally {
            toQueue.close();
        }
        assertThat(log.events()).hasSize(2);
    }

    private void putComplaint(String mailingId, String complaintId) {
        dynamoDb.putItem(r -> r.tableName(table)
                .item(Map.of(
                        "mailingId", AttributeValue.fromS(mailingId),
                        "complaintId", AttributeValue.fromS(complaintId),
                        "itemType", AttributeValue.fromS("complaint"),
                        "classification", AttributeValue.fromS("COMPLAINT"),
                        "email", AttributeValue.fromS("erika@example.net"),
                        "name", AttributeValue.fromS("Erika Muster"),
                        "state", AttributeValue.fromS("RECEIVED"))));
    }

    private static Map<String, AttributeValue> key(String mailingId, String complaintId) {
        return Map.of("mailingId", AttributeValue.fromS(mailingId), "complaintId", AttributeValue.fromS(complaintId));
    }

    private static Map<String, Object> parse(String body) throws Exception {
        return JSON.readValue(body, new TypeReference<Map<String, Object>>() {});
    }
}
