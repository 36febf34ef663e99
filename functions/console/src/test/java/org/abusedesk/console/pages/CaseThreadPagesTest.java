package org.abusedesk.console.pages;

import static org.abusedesk.console.pages.ConsoleDesk.CSRF;
import static org.abusedesk.console.pages.ConsoleDesk.NOW;
import static org.abusedesk.console.pages.ConsoleDesk.WRITER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.abusedesk.account.AccountContact;
import org.abusedesk.account.AccountId;
import org.abusedesk.cases.CaseFixtures;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.Language;
import org.abusedesk.console.ConsoleResponse;
import org.abusedesk.evidence.OptInEvidence;
import org.abusedesk.people.Actor;
import org.abusedesk.thread.ThreadEntry;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The case's thread on its page, the follow-up, note and outcome forms, and waiting and overdue cases. */
class CaseThreadPagesTest {

    private static final AccountId ACCOUNT = new AccountId("121070");
    private static final String CUSTOMER = "abuse@shop.example.org";
    private static final Actor ANNA = new Actor("sub-anna", "Anna Team");

    private final ConsoleDesk desk = new ConsoleDesk();
    private Complaint notified;

    @BeforeEach
    void givenANotifiedCaseCountedAgainstAnAccount() {
        notified = CaseFixtures.form(
                "14141611", NOW.minus(Duration.ofDays(2)), ComplaintState.NOTIFIED, CaseFixtures.ERIKA);
        desk.complaints.add(notified);
        desk.cases.attribute(notified.key(), ACCOUNT);
    }

    @Test
    void thread_showsEveryEntryInOrder_withTheOptInEvidenceAtItsTime_andANoteMarkedInternal() {
        var start = NOW.minus(Duration.ofDays(2));
        entry(ThreadEntry.Kind.NOTICE, start.plus(Duration.ofHours(1)), Optional.empty(), CUSTOMER, "Notice text");
        entry(ThreadEntry.Kind.REPLY, start.plus(Duration.ofHours(5)), Optional.empty(), CUSTOMER, "Reply text");
        entry(ThreadEntry.Kind.NOTE, start.plus(Duration.ofHours(6)), Optional.of(ANNA), "", "Called them.");
        desk.cases.record(
                notified.key(),
                new OptInEvidence(
                        OptInEvidence.Status.NO_RECORD,
                        Optional.empty(),
                        1,
                        start.plus(Duration.ofHours(3)),
                        "status 404"));

        var html = html(desk.get(WRITER, Language.EN, path()));

        var items = html.select("ol.thread > li");
        assertThat(items.eachText())
                .satisfiesExactly(
                        notice -> assertThat(notice)
                                .startsWith("Notice to the customer")
                                .contains("from the desk", "to " + CUSTOMER, "Notice text"),
                        optIn -> assertThat(optIn)
                                .startsWith("Opt-in evidence")
                                .contains("from the sending platform", "status 404"),
                        reply -> assertThat(reply)
                                .startsWith("Reply of the customer")
                                .contains("from " + CUSTOMER, "Reply text"),
                        note -> assertThat(note)
                                .startsWith("Note (internal, seen by the team only)")
                                .contains("from Anna Team", "Called them."));
        assertThat(items.stream().map(item -> item.hasClass("internal")).toList())
                .containsExactly(false, false, false, true);
    }

    @Test
    void aRepliesMarkupAndLinks_areShownAsText() {
        String hostile = "<script>alert(1)</script> Proof: <a href=\"https://evil.example/x\">here</a>"
                + " https://evil.example/y";
        entry(ThreadEntry.Kind.REPLY, NOW.minus(Duration.ofHours(1)), Optional.empty(), CUSTOMER, hostile);

        var response = desk.get(WRITER, Language.EN, path());

        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("<script>alert(1)</script>").doesNotContain("<a href=\"https://evil");
        var html = Jsoup.parse(body);
        assertThat(html.select("script")).isEmpty();
        assertThat(html.select("a[href*=evil]")).isEmpty();
        assertThat(html.select("ol.thread pre.text").eachText()).containsExactly(hostile);
    }

    @Test
    void aFreeTextFollowUp_withoutText_showsTheCaseAgainWithTheErrorAtTheText_andSendsNothing() {
        desk.contacts.put(ACCOUNT, new AccountContact(CUSTOMER, "Shop GmbH", Language.DE));

        var response = desk.post(
                WRITER, path() + "/followup", Map.of("kind", "FREE_TEXT", "text", "  ", "days", "10", "csrf", CSRF));

        assertThat(response.status()).isEqualTo(400);
        var html = html(response);
        assertThat(html.selectFirst("#followup-text-error").text()).contains("Please write the message.");
        assertThat(html.selectFirst("#followup-text").attr("aria-describedby")).contains("followup-text-error");
        assertThat(html.selectFirst("#followup-kind option[selected]").val()).isEqualTo("FREE_TEXT");
        assertThat(desk.mails.sent).isEmpty();
        assertThat(desk.threads.all()).isEmpty();
        assertThat(desk.cases.find(notified.key(), NOW).orElseThrow().state()).isEqualTo(ComplaintState.NOTIFIED);
    }

    @Test
    void aFollowUp_withDaysOutOfRange_isRefusedAtTheDays() {
        desk.contacts.put(ACCOUNT, new AccountContact(CUSTOMER, "Shop GmbH", Language.DE));

        var response = desk.post(WRITER, path() + "/followup", Map.of("kind", "REMINDER", "days", "61"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(html(response).selectFirst("#followup-days-error").text())
                .contains("Please give a whole number of days from 1 to 60.");
        assertThat(desk.mails.sent).isEmpty();
    }

    @Test
    void aFollowUp_goesToTheAccountsContact_andTheCaseWaitsUntilItsDueDate() {
        desk.contacts.put(ACCOUNT, new AccountContact(CUSTOMER, "Shop GmbH", Language.DE));

        var response = desk.post(WRITER, path() + "/followup", Map.of("kind", "REMINDER", "text", "", "days", "10"));

        assertThat(response.status()).isEqualTo(303);
        assertThat(response.headers()).containsEntry("location", "/console" + path());
        assertThat(desk.mails.sent)
                .singleElement()
                .satisfies(mail -> assertThat(mail.to()).containsExactly(CUSTOMER));
        var file = desk.cases.find(notified.key(), NOW).orElseThrow();
        assertThat(file.state()).isEqualTo(ComplaintState.WAITING_FOR_CUSTOMER);
        assertThat(file.dueAt()).contains(NOW.plus(Duration.ofDays(10)));
        var html = html(desk.get(WRITER, Language.EN, path()));
        assertThat(html.selectFirst("p.state").text())
                .isEqualTo("State: waiting for the customer, answer due by 2026-12-07 11:00");
        assertThat(html.select("ol.thread > li").eachText())
                .singleElement()
                .asString()
                .startsWith("Follow-up to the customer")
                .contains("from Walter Writer", "to " + CUSTOMER, "answer asked by 2026-12-07 11:00");
    }

    @Test
    void aFollowUp_toAnAccountWithoutContact_is409_andSendsNothing() {
        var response = desk.post(WRITER, path() + "/followup", Map.of("kind", "REMINDER", "days", "10"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(html(response).select("ul.errors li").eachText())
                .containsExactly("The follow-up was not sent: the case's account has no contact to write to.");
        assertThat(desk.mails.sent).isEmpty();
        assertThat(desk.cases.find(notified.key(), NOW).orElseThrow().state()).isEqualTo(ComplaintState.NOTIFIED);
    }

    @Test
    void aNote_isAddedInThePersonsName_andABlankOneIsRefused() {
        var blank = desk.post(WRITER, path() + "/note", Map.of("note", " "));
        var written = desk.post(WRITER, path() + "/note", Map.of("note", "Called the customer."));

        assertThat(blank.status()).isEqualTo(400);
        assertThat(html(blank).selectFirst("#note-text-error").text()).contains("Please write a note.");
        assertThat(written.status()).isEqualTo(303);
        assertThat(desk.threads.all()).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(ThreadEntry.Kind.NOTE);
            assertThat(entry.text()).isEqualTo("Called the customer.");
            assertThat(entry.actor().orElseThrow().name()).isEqualTo("Walter Writer");
        });
        assertThat(desk.mails.sent).isEmpty();
    }

    @Test
    void resolvingAnAcknowledgedCase_withAnOutcome_tellsTheComplainantOnce_andASecondResolveTellsNobody() {
        desk.cases.acknowledged(notified.key(), NOW.minus(Duration.ofDays(1)));
        assertThat(html(desk.get(WRITER, Language.EN, path()))
                        .select("#resolve-outcome option")
                        .eachAttr("value"))
                .containsExactly("", "ASKED_SENDER", "SENDER_PAUSED", "NO_FAULT");

        var first = desk.post(WRITER, path() + "/resolve", Map.of("note", "Sender warned.", "outcome", "ASKED_SENDER"));
        var second =
                desk.post(WRITER, path() + "/resolve", Map.of("note", "Sender warned.", "outcome", "ASKED_SENDER"));

        assertThat(first.status()).isEqualTo(303);
        assertThat(first.headers()).containsEntry("location", "/console" + path() + "?notice=outcome-told");
        assertThat(second.status()).isEqualTo(409);
        assertThat(desk.mails.sent)
                .singleElement()
                .satisfies(mail -> assertThat(mail.to()).containsExactly(CaseFixtures.ERIKA));
        var html = html(desk.get(WRITER, Language.EN, path(), Map.of("notice", "outcome-told")));
        assertThat(html.selectFirst("p.notice").text())
                .isEqualTo("The case is closed, and the complainant was told the outcome.");
        assertThat(html.select("#resolve-outcome, #dismiss-outcome")).isEmpty();
        assertThat(html.select("ol.thread > li").eachText())
                .singleElement()
                .asString()
                .startsWith("Outcome told to the complainant");
    }

    @Test
    void theOutcomeSelect_isNotOfferedForACaseNeverAcknowledged_andATellAnywayIsANoticeNotAFailure() {
        assertThat(html(desk.get(WRITER, Language.EN, path())).select("#resolve-outcome"))
                .isEmpty();

        var response = desk.post(WRITER, path() + "/dismiss", Map.of("note", "Opted in.", "outcome", "NO_FAULT"));

        assertThat(response.status()).isEqualTo(303);
        assertThat(response.headers()).containsEntry("location", "/console" + path() + "?notice=outcome-refused");
        assertThat(desk.cases.find(notified.key(), NOW).orElseThrow().state()).isEqualTo(ComplaintState.DISMISSED);
        assertThat(desk.mails.sent).isEmpty();
        assertThat(html(desk.get(WRITER, Language.DE, path(), Map.of("notice", "outcome-refused")))
                        .selectFirst("p.notice")
                        .text())
                .startsWith("Der Fall ist geschlossen, aber der Beschwerdeführer hat das Ergebnis nicht erfahren");
    }

    @Test
    void anOutcomeThatIsNoChoice_isRefusedAtTheSelect_andClosesNothing() {
        desk.cases.acknowledged(notified.key(), NOW.minus(Duration.ofDays(1)));

        var response = desk.post(WRITER, path() + "/resolve", Map.of("note", "done", "outcome", "TELL_EVERYONE"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(html(response).selectFirst("#resolve-outcome-error").text()).contains("is not one of the choices");
        assertThat(desk.cases.find(notified.key(), NOW).orElseThrow().state()).isEqualTo(ComplaintState.NOTIFIED);
        assertThat(desk.mails.sent).isEmpty();
    }

    @Test
    void erasingTheComplainant_clearsTheWordsOfTheCasesThread_andItsPageShowsWhatAndWhenOnly() {
        entry(ThreadEntry.Kind.REPLY, NOW.minus(Duration.ofHours(3)), Optional.empty(), CUSTOMER, "Erika opted in.");

        var done = desk.post(WRITER, "/erase", Map.of("address", CaseFixtures.ERIKA, "confirm", "yes"));

        assertThat(done.status()).isEqualTo(200);
        assertThat(desk.threads.all()).singleElement().satisfies(entry -> {
            assertThat(entry.text()).isEmpty();
            assertThat(entry.counterpart()).isEmpty();
        });
        var html = html(desk.get(WRITER, Language.EN, path()));
        assertThat(html.select("ol.thread > li").eachText())
                .singleElement()
                .asString()
                .startsWith("Reply of the customer")
                .contains("from the customer")
                .doesNotContain("Erika opted in.", CUSTOMER);
    }

    @Test
    void overdueCases_areListedFirstAndMarked_andCountedInTheOverview() {
        var overdue = waiting(NOW.minus(Duration.ofDays(5)), NOW.minus(Duration.ofHours(1)));
        var due = waiting(NOW.minus(Duration.ofDays(6)), NOW.plus(Duration.ofDays(3)));

        var queue = html(desk.get(WRITER, Language.EN, "/cases"));
        var overview = html(desk.get(WRITER, Language.EN, "/"));

        var rows = queue.select("tbody tr");
        assertThat(rows.first().selectFirst("th a").attr("href")).isEqualTo(Links.aCase(overdue.key()));
        assertThat(rows.first().select("strong.overdue").text()).isEqualTo("overdue");
        assertThat(rows.select("strong.overdue")).hasSize(1);
        var dueRow = rows.stream()
                .filter(row -> row.selectFirst("th a").attr("href").equals(Links.aCase(due.key())))
                .findFirst()
                .orElseThrow();
        assertThat(dueRow.select("td").get(0).text()).isEqualTo("waiting for the customer, due 2026-11-30 11:00");
        assertThat(overview.selectFirst("#overdue").text()).isEqualTo("1 of them overdue");
    }

    @Test
    void theOverview_readsABoundedNumberOfWaitingCases_andSaysAtLeastBeyondThem() {
        for (int i = 0; i <= WaitingCases.MAX_READ; i++) {
            waiting(NOW.minus(Duration.ofDays(20)).plus(Duration.ofMinutes(i)), NOW.minus(Duration.ofDays(1)));
        }

        var overview = html(desk.get(WRITER, Language.EN, "/"));

        assertThat(overview.selectFirst("#overdue").text())
                .isEqualTo("at least " + WaitingCases.MAX_READ + " of them overdue");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void
            aCasePageWithAThread_andAWaitingQueue_labelEveryField_andWriteEveryTimeMachineReadably_andShowNoNoticeOfTheirOwn(
                    Language language) {
        entry(ThreadEntry.Kind.NOTICE, NOW.minus(Duration.ofDays(1)), Optional.empty(), CUSTOMER, "Notice");
        entry(ThreadEntry.Kind.NOTE, NOW.minus(Duration.ofHours(2)), Optional.of(ANNA), "", "Note");
        desk.cases.acknowledged(notified.key(), NOW.minus(Duration.ofDays(1)));
        waiting(NOW.minus(Duration.ofDays(5)), NOW.minus(Duration.ofHours(1)));

        for (String page : List.of(path(), "/cases", "/")) {
            var response = desk.get(WRITER, language, page, Map.of("notice", "<script>alert(1)</script>"));

            assertThat(response.status()).as(page).isEqualTo(200);
            var html = html(response);
            assertThat(html.select("p.notice, script, [style]")).as(page).isEmpty();
            for (Element field : html.select("input:not([type=hidden]), select, textarea")) {
                assertThat(html.select("label[for=" + field.id() + "]"))
                        .as(page + " " + field.id())
                        .hasSize(1);
            }
            for (Element time : html.select("time")) {
                // a moment in UTC, or a day
                assertThat(time.attr("datetime"))
                        .as(page)
                        .matches("\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z)?");
            }
        }
    }

    private Complaint waiting(Instant received, Instant dueAt) {
        var complaint = CaseFixtures.form("14141611", received, ComplaintState.NOTIFIED, CaseFixtures.ERIKA);
        desk.complaints.add(complaint);
        desk.cases.await(complaint.key(), ComplaintState.NOTIFIED, dueAt);
        return complaint;
    }

    private void entry(ThreadEntry.Kind kind, Instant at, Optional<Actor> actor, String counterpart, String text) {
        desk.threads.add(
                new ThreadEntry(
                        CaseFixtures.idAt(at).value(),
                        notified.key(),
                        kind,
                        at,
                        actor,
                        counterpart,
                        kind == ThreadEntry.Kind.NOTE ? "" : "Subject of " + kind,
                        text,
                        Optional.empty(),
                        Optional.empty(),
                        false),
                notified.expiresAt());
    }

    private String path() {
        return "/cases/" + notified.mailingId().value() + "/" + notified.id().value();
    }

    private static Document html(ConsoleResponse response) {
        return Jsoup.parse(new String(response.body(), StandardCharsets.UTF_8));
    }
}
