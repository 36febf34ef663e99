package org.abusedesk.aws;

import static org.abusedesk.cases.CaseFixtures.ERIKA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.abusedesk.account.AccountId;
import org.abusedesk.cases.CaseClosure;
import org.abusedesk.cases.CaseFixtures;
import org.abusedesk.cases.CaseSummary;
import org.abusedesk.cases.TimeRange;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.config.Environment;
import org.abusedesk.local.Stack;
import org.abusedesk.paging.InvalidCursorException;
import org.abusedesk.paging.Page;
import org.abusedesk.paging.PageRequest;
import org.abusedesk.people.Actor;
import org.abusedesk.testkit.MotoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Case listings against the moto server, a few items a page. The tests share one table, so each lists its own
 * stretch of time: its complaints are received in a month no other test uses.
 */
@ExtendWith(MotoExtension.class)
class DynamoDbCaseListingsIT {

    /** What the listings read: every item of every query and batch read they made. */
    private final List<Map<String, AttributeValue>> read = new CopyOnWriteArrayList<>();

    private final DynamoDbClient dynamoDb;
    private final DynamoDbComplaints complaints;
    private final DynamoDbCases cases;
    private final DynamoDbLedger ledger;
    private final DynamoDbCaseListings listings;

    DynamoDbCaseListingsIT(Stack stack) {
        this.dynamoDb = stack.aws().dynamoDb();
        String table = stack.ref("ComplaintsTable");
        this.complaints = new DynamoDbComplaints(dynamoDb, table);
        this.cases = new DynamoDbCases(dynamoDb, table);
        this.ledger = new DynamoDbLedger(
                dynamoDb, table, stack.ref("MailingsTable"), stack.ref("AccountsTable"), stack.ref("LimitsTable"));
        var recording = new ExecutionInterceptor() {
            @Override
            public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
                if (context.response() instanceof QueryResponse query) {
                    read.addAll(query.items());
                } else if (context.response() instanceof BatchGetItemResponse batch) {
                    batch.responses().values().forEach(read::addAll);
                }
                return context.response();
            }
        };
        var clients = new AwsClients(
                new Environment(stack.runtimeEnvironment(stack.function("ComplaintProcessorFunction"))),
                List.of(recording));
        this.listings = new DynamoDbCaseListings(clients.dynamoDb(), table);
    }

    @Test
    void ofMailing_givesEveryPage_twoAtATime_oldestFirst_withinTheRange_andSkipsExpiredOnes() {
        // GIVEN five complaints on a mailing in January 2021, one before, one expired, one on another mailing
        var month = TimeRange.between(at("2021-01-01T00:00:00Z"), at("2021-02-01T00:00:00Z"));
        var expected = new ArrayList<ComplaintKey>();
        for (int day = 1; day <= 5; day++) {
            expected.add(add(CaseFixtures.form(
                    "14141611", at("2021-01-0" + day + "T09:00:00Z"), ComplaintState.NOTIFIED, ERIKA)));
        }
        var mailed = add(CaseFixtures.mailed(
                "14141611", at("2021-01-06T09:00:00Z"), ComplaintState.RECEIVED, ERIKA, "ses-jan", false));
        expected.add(mailed);
        add(CaseFixtures.form("14141611", at("2020-12-31T23:59:59Z"), ComplaintState.NOTIFIED, ERIKA));
        add(CaseFixtures.expiringAt(
                CaseFixtures.form("14141611", at("2021-01-07T09:00:00Z"), ComplaintState.NOTIFIED, ERIKA),
                at("2021-01-08T00:00:00Z")));
        add(CaseFixtures.form("14141612", at("2021-01-03T09:00:00Z"), ComplaintState.NOTIFIED, ERIKA));

        // WHEN the mailing's January is listed two a page
        var pages =
                pages(page -> listings.ofMailing(new MailingId("14141611"), month, page, at("2021-01-10T00:00:00Z")));

        // THEN every complaint of it comes once, in order, in pages of at most two, summarised without the person
        assertThat(keys(pages)).containsExactlyElementsOf(expected);
        assertThat(pages)
                .hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(p -> assertThat(p.items()).hasSizeLessThanOrEqualTo(2));
        assertThat(summary(pages, mailed))
                .isEqualTo(new CaseSummary(
                        mailed,
                        ComplaintState.RECEIVED,
                        Classification.COMPLAINT,
                        Channel.MAIL,
                        at("2021-01-06T09:00:00Z"),
                        Optional.empty(),
                        Optional.of("121070"),
                        true,
                        Optional.of("header:X-Mailing"),
                        Optional.empty()));
        assertThat(read)
                .isNotEmpty()
                .allSatisfy(item -> assertThat(item).doesNotContainKeys("email", "name", "message", "salutation"));
    }

    @Test
    void ofAccount_listsTheComplaintsCountedAgainstIt_acrossPages() {
        // GIVEN complaints of February 2021: three counted against 121070, one against another account, one not counted
        var account = new AccountId("121070");
        var expected = new ArrayList<ComplaintKey>();
        for (int day = 1; day <= 3; day++) {
            var complaint = CaseFixtures.form(
                    "1414" + day, at("2021-02-0" + day + "T09:00:00Z"), ComplaintState.RECEIVED, ERIKA);
            complaints.add(complaint);
            ledger.count(complaint, Optional.of(account));
            expected.add(complaint.key());
        }
        var other = CaseFixtures.form("14144", at("2021-02-04T09:00:00Z"), ComplaintState.RECEIVED, ERIKA);
        complaints.add(other);
        ledger.count(other, Optional.of(new AccountId("999999")));
        add(CaseFixtures.form("14145", at("2021-02-05T09:00:00Z"), ComplaintState.RECEIVED, ERIKA));
        var february = TimeRange.between(at("2021-02-01T00:00:00Z"), at("2021-03-01T00:00:00Z"));

        // WHEN the account's February is listed two a page
        var pages = pages(page -> listings.ofAccount(account, february, page, at("2021-03-01T00:00:00Z")));

        // THEN the counted complaints come, oldest first, counted and tied to the account
        assertThat(keys(pages)).containsExactlyElementsOf(expected);
        assertThat(pages.stream().flatMap(p -> p.items().stream())).allSatisfy(s -> {
            assertThat(s.account()).contains(account);
            assertThat(s.state()).isEqualTo(ComplaintState.COUNTED);
        });
        assertThat(read).allSatisfy(item -> assertThat(item).doesNotContainKeys("email", "name", "message"));
    }

    @Test
    void openFirst_listsEveryState_openOnesFirst_acrossStateBoundaries_andInStateListsOne() {
        // GIVEN complaints of March 2021 in every state, the closed ones oldest
        var resolved = add(CaseFixtures.form("1", at("2021-03-01T09:00:00Z"), ComplaintState.NOTIFIED, ERIKA));
        cases.close(
                resolved,
                ComplaintState.NOTIFIED,
                new CaseClosure(ComplaintState.RESOLVED, Actor.named("anna"), at("2021-03-02T00:00:00Z"), "done"));
        var dismissed = add(CaseFixtures.form("1", at("2021-03-02T09:00:00Z"), ComplaintState.NOTIFIED, ERIKA));
        cases.close(
                dismissed,
                ComplaintState.NOTIFIED,
                new CaseClosure(ComplaintState.DISMISSED, Actor.named("anna"), at("2021-03-03T00:00:00Z"), "opted in"));
        var rejected = add(CaseFixtures.form("1", at("2021-03-03T09:00:00Z"), ComplaintState.REJECTED, ERIKA));
        var received1 = add(CaseFixtures.form("1", at("2021-03-04T09:00:00Z"), ComplaintState.RECEIVED, ERIKA));
        var received2 = add(CaseFixtures.form("2", at("2021-03-05T09:00:00Z"), ComplaintState.RECEIVED, ERIKA));
        var counted = add(CaseFixtures.form("1", at("2021-03-06T09:00:00Z"), ComplaintState.RECEIVED, ERIKA));
        complaints.advance(counted, ComplaintState.RECEIVED, ComplaintState.COUNTED);
        var notified = add(CaseFixtures.form("1", at("2021-03-07T09:00:00Z"), ComplaintState.NOTIFIED, ERIKA));
        var march = TimeRange.between(at("2021-03-01T00:00:00Z"), at("2021-04-01T00:00:00Z"));
        var now = at("2021-04-01T00:00:00Z");

        // WHEN all of March is listed two a page, and one state on its own
        var pages = pages(page -> listings.openFirst(march, page, now));
        var onlyReceived = listings.inState(ComplaintState.RECEIVED, march, PageRequest.first(), now);

        // THEN open cases come first, by step, then resolved, dismissed and rejected ones, each once
        assertThat(keys(pages)).containsExactly(received1, received2, counted, notified, resolved, dismissed, rejected);
        assertThat(pages).allSatisfy(p -> assertThat(p.items()).hasSizeLessThanOrEqualTo(2));
        assertThat(onlyReceived.items()).extracting(CaseSummary::key).containsExactly(received1, received2);
        assertThat(onlyReceived.next()).isEmpty();
    }

    @Test
    void aCursor_isRefused_forAnotherListing_anotherMailing_orAnotherRange() {
        // GIVEN a first page of a mailing's April 2021, with a cursor
        var april = TimeRange.between(at("2021-04-01T00:00:00Z"), at("2021-05-01T00:00:00Z"));
        var now = at("2021-05-01T00:00:00Z");
        add(CaseFixtures.form("14141611", at("2021-04-01T09:00:00Z"), ComplaintState.NOTIFIED, ERIKA));
        var second = add(CaseFixtures.form("14141611", at("2021-04-02T09:00:00Z"), ComplaintState.NOTIFIED, ERIKA));
        var cursor = listings.ofMailing(new MailingId("14141611"), april, new PageRequest(Optional.empty(), 1), now)
                .next()
                .orElseThrow();
        var forged = DynamoDbCursors.encode(
                        "cases-by-mailing:14141611:" + april.label(),
                        Map.of(
                                "mailingId",
                                AttributeValue.fromS("14141612"),
                                "complaintId",
                                AttributeValue.fromS(second.complaintId().value())))
                .orElseThrow();

        // WHEN / THEN it continues its own listing, and nothing else
        assertThat(listings.ofMailing(new MailingId("14141611"), april, new PageRequest(Optional.of(cursor), 1), now)
                        .items())
                .extracting(CaseSummary::key)
                .containsExactly(second);
        assertThatThrownBy(() -> listings.ofMailing(
                        new MailingId("14141612"), april, new PageRequest(Optional.of(cursor), 1), now))
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() ->
                        listings.inState(ComplaintState.NOTIFIED, april, new PageRequest(Optional.of(cursor), 1), now))
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> listings.ofMailing(
                        new MailingId("14141611"), TimeRange.ANY, new PageRequest(Optional.of(cursor), 1), now))
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> listings.ofMailing(
                        new MailingId("14141611"), april, new PageRequest(Optional.of(forged), 1), now))
                .isInstanceOf(InvalidCursorException.class);
    }

    private ComplaintKey add(Complaint complaint) {
        complaints.add(complaint);
        return complaint.key();
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    /** Every page of a listing, two items a page, following its cursors to the end. */
    private static List<Page<CaseSummary>> pages(Function<PageRequest, Page<CaseSummary>> listing) {
        var pages = new ArrayList<Page<CaseSummary>>();
        var page = listing.apply(new PageRequest(Optional.empty(), 2));
        pages.add(page);
        while (page.next().isPresent()) {
            assertThat(pages).as("pages").hasSizeLessThan(20);
            page = listing.apply(new PageRequest(page.next(), 2));
            pages.add(page);
        }
        return pages;
    }

    private static List<ComplaintKey> keys(List<Page<CaseSummary>> pages) {
        return pages.stream()
                .flatMap(p -> p.items().stream())
                .map(CaseSummary::key)
                .toList();
    }

    private static CaseSummary summary(List<Page<CaseSummary>> pages, ComplaintKey key) {
        return pages.stream()
                .flatMap(p -> p.items().stream())
                .filter(s -> s.key().equals(key))
                .findFirst()
                .orElseThrow();
    }
}
