package org.abusedesk.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.abusedesk.account.AccountId;
import org.abusedesk.account.AccountStatus;
import org.abusedesk.account.ChangeAccountStatus;
import org.abusedesk.account.ComplaintStatistics;
import org.abusedesk.account.StatusChangeRequest;
import org.abusedesk.cases.CloseCase;
import org.abusedesk.cases.EraseComplainant;
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
import org.abusedesk.local.EventLog;
import org.abusedesk.local.Stack;
import org.abusedesk.local.StreamRelay;
import org.abusedesk.people.Actor;
import org.abusedesk.suppression.AddressHash;
import org.abusedesk.testkit.MotoExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The events the stack's pipes make of what the real adapters write on the moto server: each pipe's filter and input
 * template applied to the table's stream records, the result as the bus received it, checked against the schema
 * published for it, and holding nothing of the complainant.
 */
@ExtendWith(MotoExtension.class)
class StackEventsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** To the millisecond, as the tables keep it. */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private static final String NAME = "Erika Mustermann-Quellberg";
    private static final String IP = "198.51.100.73";
    private static final String MESSAGE = "Nie bestellt, kam von " + IP + " an meine Adresse";

    private final Stack stack;
    private final DynamoDbClient dynamoDb;
    private final S3Client s3;
    private final DynamoDbComplaints complaints;
    private final DynamoDbLedger ledger;
    private final DynamoDbCases cases;
    private final DynamoDbAccounts accounts;
    private final EventLog log = new EventLog(Clock.systemUTC());

    StackEventsIT(Stack stack) {
        this.stack = stack;
        this.dynamoDb = stack.aws().dynamoDb();
        this.s3 = stack.aws().s3();
        this.complaints = new DynamoDbComplaints(dynamoDb, stack.ref("ComplaintsTable"));
        this.ledger = new DynamoDbLedger(
                dynamoDb,
                stack.ref("ComplaintsTable"),
                stack.ref("MailingsTable"),
                stack.ref("AccountsTable"),
                stack.ref("LimitsTable"));
        this.cases = new DynamoDbCases(dynamoDb, stack.ref("ComplaintsTable"));
        this.accounts = new DynamoDbAccounts(dynamoDb, stack.ref("AccountsTable"));
    }

    @AfterEach
    void close() {
        dynamoDb.close();
        s3.close();
    }

    @Test
    void aComplainantsFirstCountedComplaint_isOneSuppressionAdded_byTheAddressHash_asItsSchemaSays() throws Exception {
        // GIVEN an account, and a person who complains twice about its mailings, the address written otherwise
        var account = new AccountId("acc-" + UUID.randomUUID().toString().substring(0, 8));
        String address = person();
        var first = complaint(address, NOW);
        var second = complaint("  " + address.toUpperCase(Locale.ROOT) + " ", NOW.plusSeconds(90));

        // WHEN the processor's ledger counts both, and the pipe relays the accounts stream
        complaints.add(first);
        assertThat(ledger.count(first, Optional.of(account))).isTrue();
        complaints.add(second);
        assertThat(ledger.count(second, Optional.of(account))).isTrue();
        relay("SuppressionEventsPipe");

        // THEN the bus received one SuppressionAdded of the account: the hash of the address and the first's time
        var events = log.events("SuppressionAdded").stream()
                .filter(e -> e.detail().path("accountId").asText().equals(account.value()))
                .toList();
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.source()).isEqualTo("abuse-desk");
            assertThat(event.detail())
                    .isEqualTo(JSON.readTree("{\"version\":1,\"accountId\":\"" + account.value()
                            + "\",\"addressHash\":\"" + AddressHash.of(address).value() + "\",\"at\":\"" + NOW
                            + "\"}"));
        });
        String detail = events.getFirst().detail().toString();
        // ... which its schema takes, and which holds nothing of the person but the hash
        assertThat(EventSchemas.errors("SuppressionAdded", detail)).isEmpty();
        assertHoldsNothingOfTheComplainant(detail, address);
    }

    @Test
    void aSuppressionStoredBeforeItsTimeWasKeptAsText_isNotAnnounced() {
        // GIVEN a suppression item as the ledger wrote them before it kept the time as text too
        var account = new AccountId("acc-" + UUID.randomUUID().toString().substring(0, 8));
        var hash = AddressHash.of(person());
        dynamoDb.putItem(r -> r.tableName(stack.ref("AccountsTable"))
                .item(Map.of(
                        "accountId", AttributeValue.fromS(account.value()),
                        "sk", AttributeValue.fromS("SUPPRESSION#" + hash.value()),
                        "addressHash", AttributeValue.fromS(hash.value()),
                        "since", AttributeValue.fromN(Long.toString(NOW.toEpochMilli())),
                        "complaintId",
                                AttributeValue.fromS(ComplaintId.generate().value()))));

        // WHEN the pipe relays the accounts stream
        relay("SuppressionEventsPipe");

        // THEN it sends no event without its time
        assertThat(log.events("SuppressionAdded"))
                .noneMatch(e -> e.detail().path("accountId").asText().equals(account.value()));
        assertThat(log.events("SuppressionAdded"))
                .allSatisfy(e -> assertThat(EventSchemas.errors(
                                "SuppressionAdded", e.detail().toString()))
                        .isEmpty());
    }

    @Test
    void closingACase_isOneCaseClosed_andErasingItsComplainantLaterSendsNoOther() throws Exception {
        // GIVEN a complaint counted, the abuse team notified
        String address = person();
        var complaint = complaint(address, NOW);
        complaints.add(complaint);
        assertThat(ledger.count(complaint, Optional.of(new AccountId("121070"))))
                .isTrue();
        assertThat(complaints.advance(complaint.key(), ComplaintState.COUNTED, ComplaintState.NOTIFIED))
                .isTrue();
        var closedAt = NOW.plusSeconds(3600);

        // WHEN a person of the team resolves it, with a note naming the complainant, and the pipe relays
        new CloseCase(cases, Clock.fixed(closedAt, ZoneOffset.UTC))
                .resolve(complaint.key(), Actor.named("anna.team"), "Frau " + NAME + " angerufen, Konto verwarnt");
        var relay = new StreamRelay(stack.pipe("CaseEventsPipe"), stack.aws(), log);
        relay.relay();

        // THEN the bus received one CaseClosed of it: its keys, the outcome, who and when
        assertThat(closedEvents(complaint.key()))
                .singleElement()
                .satisfies(detail -> assertThat(JSON.readTree(detail))
                        .isEqualTo(JSON.readTree("{\"version\":1,\"mailingId\":\""
                                + complaint.mailingId().value()
                                + "\",\"complaintId\":\"" + complaint.id().value()
                                + "\",\"outcome\":\"RESOLVED\",\"closedBy\":\"anna.team\",\"at\":\"" + closedAt
                                + "\"}")));
        String detail = closedEvents(complaint.key()).getFirst();
        // ... which its schema takes, and which holds nothing of the complainant nor of the note
        assertThat(EventSchemas.errors("CaseClosed", detail)).isEmpty();
        assertHoldsNothingOfTheComplainant(detail, address);
        assertThat(detail).doesNotContain("angerufen").doesNotContain("verwarnt");

        // ... and WHEN the complainant is erased later (a MODIFY of the closed item), THEN no second one is sent
        erase(address, closedAt.plusSeconds(60));
        assertThat(cases.find(complaint.key(), NOW).orElseThrow().erasedAt()).isPresent();
        relay.relay();
        assertThat(closedEvents(complaint.key())).hasSize(1);
        relay.close();
    }

    @Test
    void aCaseWhoseComplainantWasErasedBeforeItWasClosed_isAnnouncedWhenClosed_once() throws Exception {
        // GIVEN a notified complaint whose complainant was erased first
        String address = person();
        var complaint = complaint(address, NOW).withState(ComplaintState.NOTIFIED);
        complaints.add(complaint);
        erase(address, NOW.plusSeconds(60));

        // WHEN the team dismisses it, and the pipe relays
        new CloseCase(cases, Clock.fixed(NOW.plusSeconds(120), ZoneOffset.UTC))
                .dismiss(
                        complaint.key(),
                        new Actor("4f1c2a9e-sub-of-ben", "Ben Team <ben@example-esp.com>"),
                        "Kein Befund");
        relay("CaseEventsPipe");

        // THEN its closing is one CaseClosed, DISMISSED, as the schema says, naming the person by the subject only
        assertThat(closedEvents(complaint.key())).singleElement().satisfies(detail -> {
            assertThat(JSON.readTree(detail).get("outcome").asText()).isEqualTo("DISMISSED");
            assertThat(JSON.readTree(detail).get("closedBy").asText()).isEqualTo("4f1c2a9e-sub-of-ben");
            assertThat(detail).doesNotContain("Ben Team").doesNotContain("ben@example-esp.com");
            assertThat(EventSchemas.errors("CaseClosed", detail)).isEmpty();
        });
    }

    @Test
    void aStatusChange_isAnAccountStatusChangedOfVersion1_asItsSchemaSays() throws Exception {
        // GIVEN an account
        var account = new AccountId("acc-" + UUID.randomUUID().toString().substring(0, 8));

        // WHEN a person flags it, and the pipe relays the accounts stream
        new ChangeAccountStatus(
                        accounts,
                        (id, now) -> new ComplaintStatistics(3, 1, 1_000, 0),
                        Clock.fixed(NOW, ZoneOffset.UTC))
                .change(new StatusChangeRequest(
                        account.value(), "FLAGGED", "ACTIVE", "Beschwerden \"gehäuft\"", "e.muster"));
        relay("AccountEventsPipe");

        // THEN the bus received its change, of version 1, which its schema takes
        var events = log.events("AccountStatusChanged").stream()
                .filter(e -> e.detail().path("accountId").asText().equals(account.value()))
                .toList();
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.detail().get("version").asInt()).isEqualTo(1);
            assertThat(event.detail().get("from").asText()).isEqualTo(AccountStatus.ACTIVE.name());
            assertThat(event.detail().get("to").asText()).isEqualTo(AccountStatus.FLAGGED.name());
            assertThat(event.detail().get("ratePercent").asText()).isEqualTo("0.3000");
            assertThat(EventSchemas.errors(
                            "AccountStatusChanged", event.detail().toString()))
                    .isEmpty();
        });
    }

    @Test
    void eachCountedComplaint_isOneComplaintCounted_withItsMailingsCountsAfterIt_andNothingOfTheComplainant()
            throws Exception {
        // GIVEN an account's registered mailing of 1,000 recipients, and three people who complain about it
        var account = new AccountId("acc-" + UUID.randomUUID().toString().substring(0, 8));
        var mailing = new MailingId(
                Long.toString(java.util.concurrent.ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L)));
        new DynamoDbMailings(dynamoDb, stack.ref("MailingsTable"))
                .register(new org.abusedesk.registration.Mailing(
                        mailing,
                        account,
                        java.util.OptionalLong.of(1000),
                        NOW,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        0,
                        0));
        var counted = new java.util.ArrayList<Complaint>();
        for (int i = 0; i < 3; i++) {
            var complaint = complaint(mailing, person(), NOW.plusSeconds(i));
            complaints.add(complaint);
            counted.add(complaint);
        }

        // WHEN the ledger counts each, one of them twice (a redelivery), and the pipe relays the complaints stream,
        // later changes of the counted complaints included
        for (var complaint : counted) {
            assertThat(ledger.count(complaint, Optional.of(account))).isTrue();
        }
        assertThat(ledger.count(counted.getFirst(), Optional.of(account))).isFalse();
        complaints.advance(counted.get(1).key(), ComplaintState.COUNTED, ComplaintState.NOTIFIED);
        relay("CountedEventsPipe");

        // THEN the bus received one ComplaintCounted a complaint, each with the mailing's counts and rate after it
        var events = log.events("ComplaintCounted").stream()
                .filter(e -> e.detail().path("mailingId").asText().equals(mailing.value()))
                .toList();
        assertThat(events).hasSize(3);
        for (int i = 0; i < 3; i++) {
            var detail = events.get(i).detail();
            assertThat(detail.path("complaintId").asText())
                    .isEqualTo(counted.get(i).id().value());
            assertThat(detail.path("accountId").asText()).isEqualTo(account.value());
            assertThat(detail.path("complaints").asText()).isEqualTo(Integer.toString(i + 1));
            assertThat(detail.path("recipients").asText()).isEqualTo("1000");
            assertThat(detail.path("ratePercent").asText())
                    .isEqualTo(new ComplaintStatistics(i + 1, 0, 1000, 0)
                            .ratePercent()
                            .toPlainString());
            assertThat(detail.path("verified").isBoolean()).isTrue();
            // ... which its schema takes, and which holds nothing of the person
            assertThat(EventSchemas.errors("ComplaintCounted", detail.toString()))
                    .isEmpty();
            assertHoldsNothingOfTheComplainant(
                    detail.toString(), counted.get(i).complainant().email());
        }
    }

    @Test
    void complaintsCountedAtOnce_onOneMailing_eachKeepTheirOwnCountAfterThem() throws Exception {
        // GIVEN eight complaints about one mailing, counted by eight processors at once
        var mailing = new MailingId(
                Long.toString(java.util.concurrent.ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L)));
        var all = new java.util.ArrayList<Complaint>();
        for (int i = 0; i < 8; i++) {
            var complaint = complaint(mailing, person(), NOW.plusSeconds(i));
            complaints.add(complaint);
            all.add(complaint);
        }
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            var counts = all.stream()
                    .map(c -> pool.submit(() -> ledger.count(c, Optional.empty())))
                    .toList();
            for (var count : counts) {
                assertThat(count.get()).isTrue();
            }
        }

        // WHEN the pipe relays the complaints stream
        relay("CountedEventsPipe");

        // THEN the counts after them are 1 to 8, each once: no two counted against the same count
        var after = log.events("ComplaintCounted").stream()
                .filter(e -> e.detail().path("mailingId").asText().equals(mailing.value()))
                .map(e -> e.detail().path("complaints").asText())
                .sorted(java.util.Comparator.comparingInt(Integer::parseInt))
                .toList();
        assertThat(after).containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
    }

    private void relay(String pipe) {
        var relay = new StreamRelay(stack.pipe(pipe), stack.aws(), log);
        try {
            relay.relay();
        } finally {
            relay.close();
        }
    }

    private List<String> closedEvents(ComplaintKey key) {
        return log.events("CaseClosed").stream()
                .filter(e -> e.detail()
                        .path("complaintId")
                        .asText()
                        .equals(key.complaintId().value()))
                .map(e -> e.detail().toString())
                .toList();
    }

    private void erase(String address, Instant at) {
        new EraseComplainant(
                        cases,
                        cases,
                        new S3StoredEvidence(s3, stack.ref("InboundMailBucket")),
                        accounts,
                        Clock.fixed(at, ZoneOffset.UTC))
                .erase(address);
    }

    /** Neither the address nor a part of it, the name, the message or the address the complaint named. */
    private static void assertHoldsNothingOfTheComplainant(String detail, String address) {
        String lower = detail.toLowerCase(Locale.ROOT);
        for (String value : List.of(
                address,
                address.substring(0, address.indexOf('@')),
                "example.net",
                "@",
                NAME,
                "mustermann",
                "quellberg",
                MESSAGE,
                "bestellt",
                IP)) {
            assertThat(lower).as("the event holds %s", value).doesNotContain(value.toLowerCase(Locale.ROOT));
        }
    }

    private static String person() {
        return "erika.quellberg." + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
    }

    private static Complaint complaint(String address, Instant at) {
        return complaint(new MailingId("14141611"), address, at);
    }

    private static Complaint complaint(MailingId mailing, String address, Instant at) {
        return new Complaint(
                new ComplaintKey(mailing, ComplaintId.generate()),
                Channel.FORM,
                Classification.COMPLAINT,
                ComplaintState.RECEIVED,
                at,
                new Complainant(address, Optional.of(NAME), Salutation.FRAU, Language.DE),
                MESSAGE,
                Attribution.NONE,
                at.plus(Duration.ofDays(180)));
    }
}
