package org.abusedesk.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.abusedesk.account.AccountId;
import org.abusedesk.account.AccountStatus;
import org.abusedesk.account.ChangeAccountStatus;
import org.abusedesk.account.ComplaintStatistics;
import org.abusedesk.account.StatusChange;
import org.abusedesk.account.StatusChangeRequest;
import org.abusedesk.account.StatusConflictException;
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
import org.abusedesk.local.Stack;
import org.abusedesk.local.StreamRelay;
import org.abusedesk.paging.InvalidCursorException;
import org.abusedesk.paging.PageRequest;
import org.abusedesk.suppression.AddressHash;
import org.abusedesk.suppression.Suppression;
import org.abusedesk.testkit.AccountEvents;
import org.abusedesk.testkit.MotoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(MotoExtension.class)
class DynamoDbAccountsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2025-11-20T09:30:00Z");
    private static final ComplaintStatistics STATISTICS = new ComplaintStatistics(3, 1, 1_000, 0);

    private final Stack stack;
    private final DynamoDbClient dynamoDb;
    private final DynamoDbAccounts accounts;
    private final ChangeAccountStatus changeStatus;

    DynamoDbAccountsIT(Stack stack) {
        this.stack = stack;
        this.dynamoDb = stack.aws().dynamoDb();
        this.accounts = new DynamoDbAccounts(dynamoDb, stack.ref("AccountsTable"));
        this.changeStatus =
                new ChangeAccountStatus(accounts, (id, now) -> STATISTICS, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aPersonsChange_isAHistoryItem_whichTheStreamPublishesAsAnAccountStatusChangedEvent() throws Exception {
        // GIVEN a paused account, and a rule on the desk's bus that keeps its events
        var account = newAccount();
        escalate(account, AccountStatus.ACTIVE, AccountStatus.PAUSED);
        String events = subscribeToAccountEvents();

        // WHEN a person lifts the pause, with a reason that needs escaping in JSON
        changeStatus.change(new StatusChangeRequest(
                account.value(), "ACTIVE", "PAUSED", "Liste bereinigt, \"Double-Opt-In\" belegt", "e.muster"));

        // THEN the account is ACTIVE, the change is in its history ...
        var found = accounts.find(account).orElseThrow();
        assertThat(found.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(found.history()).last().satisfies(change -> {
            assertThat(change.from()).isEqualTo(AccountStatus.PAUSED);
            assertThat(change.to()).isEqualTo(AccountStatus.ACTIVE);
            assertThat(change.at()).isEqualTo(NOW);
            assertThat(change.changedBy()).isEqualTo("e.muster");
            assertThat(change.reason()).isEqualTo("Liste bereinigt, \"Double-Opt-In\" belegt");
            assertThat(change.statistics()).isEqualTo(STATISTICS);
        });
        // ... and both changes reached the sending platform, the person's with who and why
        new StreamRelay(stack.pipe("AccountEventsPipe"), stack.aws()).relay();
        var details = new ArrayList<JsonNode>();
        try (var sqs = stack.aws().sqs()) {
            for (int i = 0;
                    i < 5
                            && details.stream()
                                            .filter(d ->
                                                    d.get("accountId").asText().equals(account.value()))
                                            .count()
                                    < 2;
                    i++) {
                for (var message : sqs.receiveMessage(
                                r -> r.queueUrl(events).waitTimeSeconds(1).maxNumberOfMessages(10))
                        .messages()) {
                    details.add(JSON.readTree(message.body()).get("detail"));
                }
            }
        }
        assertThat(details)
                .filteredOn(detail -> detail.get("accountId").asText().equals(account.value()))
                .extracting(detail -> detail.get("to").asText())
                .containsExactlyInAnyOrder("PAUSED", "ACTIVE");
        assertThat(details)
                .filteredOn(detail -> detail.get("accountId").asText().equals(account.value())
                        && detail.get("to").asText().equals("ACTIVE"))
                .singleElement()
                .satisfies(detail -> {
                    assertThat(detail.get("accountId").asText()).isEqualTo(account.value());
                    assertThat(detail.get("from").asText()).isEqualTo("PAUSED");
                    assertThat(detail.get("changedBy").asText()).isEqualTo("e.muster");
                    assertThat(detail.get("reason").asText()).isEqualTo("Liste bereinigt, \"Double-Opt-In\" belegt");
                    assertThat(detail.get("at").asText()).isEqualTo("2025-11-20T09:30:00Z");
                });
    }

    @Test
    void changeStatus_fromAStatusTheAccountLeft_writesNothing_andThePersonGetsAConflict() {
        // GIVEN an account the desk flagged
        var account = newAccount();
        escalate(account, AccountStatus.ACTIVE, AccountStatus.FLAGGED);

        // WHEN a change from ACTIVE arrives late, directly and through the use case
        boolean written = accounts.changeStatus(new StatusChange(
                account, AccountStatus.ACTIVE, AccountStatus.WATCH, NOW, "late", "e.muster", STATISTICS, List.of()));

        // THEN neither the status nor the history moved
        assertThat(written).isFalse();
        assertThatThrownBy(() -> changeStatus.change(
                        new StatusChangeRequest(account.value(), "WATCH", "ACTIVE", "late", "e.muster")))
                .isInstanceOf(StatusConflictException.class)
                .satisfies(
                        e -> assertThat(((StatusConflictException) e).actual()).isEqualTo(AccountStatus.FLAGGED));
        assertThat(accounts.status(account)).isEqualTo(AccountStatus.FLAGGED);
        assertThat(accounts.find(account).orElseThrow().history()).hasSize(1);
    }

    @Test
    void status_ofAnAccountNothingNamed_isActive_andItIsNotFound() {
        var account = newAccount();

        assertThat(accounts.status(account)).isEqualTo(AccountStatus.ACTIVE);
        assertThat(accounts.find(account)).isEmpty();
    }

    @Test
    void history_givesEveryChangeOnce_newestFirst_inPagesOfTwo_andTheLastPageHasNoCursor() {
        // GIVEN an account with four changes, and one with five
        var even = newAccount();
        var odd = newAccount();
        var evenChanges = changeRepeatedly(even, 4);
        var oddChanges = changeRepeatedly(odd, 5);

        // WHEN / THEN four changes make two full pages and no cursor after them: no empty page at the end
        var first = accounts.history(even, new PageRequest(Optional.empty(), 2));
        var second = accounts.history(even, new PageRequest(first.next(), 2));
        assertThat(first.items()).containsExactly(evenChanges.get(3), evenChanges.get(2));
        assertThat(second.items()).containsExactly(evenChanges.get(1), evenChanges.get(0));
        assertThat(second.next()).isEmpty();

        // ... five make three pages
        var pages = new ArrayList<List<StatusChange>>();
        var page = accounts.history(odd, new PageRequest(Optional.empty(), 2));
        pages.add(page.items());
        while (page.next().isPresent()) {
            page = accounts.history(odd, new PageRequest(page.next(), 2));
            pages.add(page.items());
        }
        assertThat(pages)
                .containsExactly(
                        List.of(oddChanges.get(4), oddChanges.get(3)),
                        List.of(oddChanges.get(2), oddChanges.get(1)),
                        List.of(oddChanges.get(0)));

        // ... and one account's cursor opens no page of another's
        assertThatThrownBy(() -> accounts.history(odd, new PageRequest(first.next(), 2)))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void suppressions_holdTheAddressHashOnly_andPageThroughEveryComplainantOnce() {
        // GIVEN five people who complained about the account's mailing, one of them twice
        var account = newAccount();
        var complaints = new DynamoDbComplaints(dynamoDb, stack.ref("ComplaintsTable"));
        var ledger = new DynamoDbLedger(
                dynamoDb,
                stack.ref("ComplaintsTable"),
                stack.ref("MailingsTable"),
                stack.ref("AccountsTable"),
                stack.ref("LimitsTable"));
        var addresses = List.of(
                "erika.muster@example.net",
                "Max.Muster@Example.NET",
                "jürgen@bücher.example",
                "d@example.org",
                "e+list@example.com");
        for (String address : addresses) {
            count(complaints, ledger, account, address);
        }
        count(complaints, ledger, account, addresses.get(0));

        // WHEN the account's suppressions are listed two a page
        var listed = new ArrayList<Suppression>();
        var page = accounts.of(account, new PageRequest(Optional.empty(), 2));
        listed.addAll(page.items());
        int pages = 1;
        while (page.next().isPresent()) {
            page = accounts.of(account, new PageRequest(page.next(), 2));
            listed.addAll(page.items());
            pages++;
        }

        // THEN each person is there once, by the hash of the normalised address, over three pages
        assertThat(pages).isEqualTo(3);
        assertThat(listed)
                .extracting(Suppression::addressHash)
                .containsExactlyInAnyOrderElementsOf(
                        addresses.stream().map(AddressHash::of).toList());
        assertThat(accounts.of(account)).containsExactlyInAnyOrderElementsOf(listed);
        // ... and no item of the accounts table holds an address, or any part of one
        var values = new ArrayList<String>();
        dynamoDb.queryPaginator(r -> r.tableName(stack.ref("AccountsTable"))
                        .keyConditionExpression("accountId = :account")
                        .expressionAttributeValues(Map.of(":account", AttributeValue.fromS(account.value()))))
                .items()
                .forEach(item -> item.values().forEach(value -> values.add(text(value))));
        assertThat(values).hasSizeGreaterThan(5 * 3);
        for (String part : List.of("@", "muster", "jürgen", "xn--", "bücher", "example", "list")) {
            assertThat(values).noneMatch(value -> value.toLowerCase(Locale.ROOT).contains(part));
        }
    }

    private AccountId newAccount() {
        return new AccountId("acc-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private void escalate(AccountId account, AccountStatus from, AccountStatus to) {
        assertThat(accounts.changeStatus(new StatusChange(
                        account,
                        from,
                        to,
                        NOW.minus(Duration.ofHours(1)),
                        "complaint rate 0.3000 % >= 0.1 % with 3 complaints on 1000 recipients",
                        StatusChange.AUTOMATIC,
                        STATISTICS,
                        List.of("01KB3V9X4E0ZQ6K8N2M5T7R1YH"))))
                .isTrue();
    }

    private List<StatusChange> changeRepeatedly(AccountId account, int times) {
        var changes = new ArrayList<StatusChange>();
        var statuses = AccountStatus.values();
        for (int i = 0; i < times; i++) {
            var change = new StatusChange(
                    account,
                    statuses[i % 4],
                    statuses[(i + 1) % 4],
                    NOW.plusSeconds(i),
                    "step " + i,
                    "e.muster",
                    STATISTICS,
                    List.of());
            assertThat(accounts.changeStatus(change)).isTrue();
            changes.add(change);
        }
        return changes;
    }

    private static void count(DynamoDbComplaints complaints, DynamoDbLedger ledger, AccountId account, String address) {
        var complaint = new Complaint(
                new ComplaintKey(new MailingId("14141611"), ComplaintId.generate()),
                Channel.FORM,
                Classification.COMPLAINT,
                ComplaintState.RECEIVED,
                NOW,
                new Complainant(address, Optional.of("Erika Muster"), Salutation.FRAU, Language.DE),
                "spam from " + address,
                Attribution.NONE,
                NOW.plus(Duration.ofDays(180)));
        complaints.add(complaint);
        assertThat(ledger.count(complaint, Optional.of(account))).isTrue();
    }

    private static String text(AttributeValue value) {
        if (value.s() != null) {
            return value.s();
        }
        if (value.hasL()) {
            return String.join(
                    " ", value.l().stream().map(DynamoDbAccountsIT::text).toList());
        }
        if (value.hasM()) {
            return String.join(
                    " ",
                    value.m().values().stream().map(DynamoDbAccountsIT::text).toList());
        }
        return String.valueOf(value.n());
    }

    private String subscribeToAccountEvents() {
        return AccountEvents.subscribe(stack);
    }
}
