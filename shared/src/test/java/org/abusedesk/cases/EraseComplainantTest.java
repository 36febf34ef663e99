package org.abusedesk.cases;

import static org.abusedesk.cases.CaseFixtures.ERIKA;
import static org.abusedesk.cases.CaseFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.abusedesk.account.AccountId;
import org.abusedesk.account.InMemoryAccounts;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.InMemoryComplaints;
import org.abusedesk.logging.CapturedLog;
import org.abusedesk.suppression.AddressHash;
import org.abusedesk.suppression.Suppression;
import org.junit.jupiter.api.Test;

class EraseComplainantTest {

    private static final String KARL = "karl.beispiel@example.org";
    private static final AccountId ACCOUNT = new AccountId("121070");

    private final InMemoryComplaints complaints = new InMemoryComplaints();
    private final InMemoryCases cases = new InMemoryCases(complaints);
    private final InMemoryStoredEvidence evidence = new InMemoryStoredEvidence();
    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final EraseComplainant erase =
            new EraseComplainant(cases, cases, evidence, accounts, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void erase_removesThePersonsDataFromEveryComplaint_deletesHerOwnMail_keepsOneSomeoneElseNeeds_andTheSuppression() {
        // GIVEN Erika's form complaint (counted, so suppressed for the account), a mail only she sent, and a mail
        // that gave a complaint of hers and one of Karl's
        var form = add(CaseFixtures.form("14141611", hoursAgo(5), ComplaintState.NOTIFIED, ERIKA));
        counted(form, ERIKA);
        var ownMail = addMailed(ERIKA, "ses-own", hoursAgo(4));
        var sharedMail = addMailed(ERIKA, "ses-shared", hoursAgo(3));
        var karlsPart = addMailed(KARL, "ses-shared", hoursAgo(3));
        var karlsForm = add(CaseFixtures.form("14141611", hoursAgo(2), ComplaintState.NOTIFIED, KARL));

        // WHEN Erika asks to be erased
        var report = erase.erase(ERIKA);

        // THEN her three complaints are erased, her own mail deleted, the shared one kept, her suppression kept
        assertThat(report.complaints()).containsExactlyInAnyOrder(form.key(), ownMail.key(), sharedMail.key());
        assertThat(report.rawMailsDeleted()).isEqualTo(1);
        assertThat(report.rawMailsKept()).isEqualTo(1);
        assertThat(report.suppressionsKept()).isEqualTo(1);
        assertThat(evidence.deleted()).containsExactly("memory://ses-own");
        assertThat(evidence.holds("memory://ses-shared")).isTrue();
        for (var erased : report.complaints()) {
            var file = cases.find(erased, NOW).orElseThrow();
            assertThat(file.erasedAt()).contains(NOW);
            assertThat(file.complaint().complainant().email()).isEmpty();
            assertThat(file.complaint().complainant().name()).isEmpty();
            assertThat(file.complaint().message()).isEmpty();
            assertThat(file.complaint().attribution().provenance().flatMap(p -> p.evidence()))
                    .isEmpty();
        }
        assertThat(cases.find(form.key(), NOW).orElseThrow().state()).isEqualTo(ComplaintState.NOTIFIED);
        assertThat(accounts.find(ACCOUNT, AddressHash.of(ERIKA))).isPresent();
        // Karl's complaints are as they were
        assertThat(complaints.find(karlsPart.key(), NOW)).contains(karlsPart);
        assertThat(complaints.find(karlsForm.key(), NOW)).contains(karlsForm);
        assertThat(report.toString())
                .doesNotContainIgnoringCase("erika")
                .doesNotContain(AddressHash.of(ERIKA).value());
    }

    @Test
    void erase_findsTheAddressWrittenOtherwise_andAgainFindsNothingMore_whileAMailBothNeededGoesWithTheLastOfThem() {
        var first = addMailed(ERIKA, "ses-shared", hoursAgo(3));
        var karls = addMailed(KARL, "ses-shared", hoursAgo(3));

        var karlErased = erase.erase(KARL);
        var erikaErased = erase.erase("  Erika.MUSTER@Example.net ");
        var again = erase.erase(ERIKA);

        assertThat(karlErased.complaints()).containsExactly(karls.key());
        assertThat(karlErased.rawMailsKept()).isEqualTo(1);
        assertThat(erikaErased.complaints()).containsExactly(first.key());
        assertThat(erikaErased.rawMailsDeleted()).isEqualTo(1);
        assertThat(evidence.deleted()).containsExactly("memory://ses-shared");
        assertThat(again).isEqualTo(new ErasureReport(List.of(), 0, 0, 0));
    }

    @Test
    void erase_logsCountsOnly_neitherTheAddressNorItsHash() {
        add(CaseFixtures.form("14141611", hoursAgo(5), ComplaintState.NOTIFIED, ERIKA));

        try (var log = CapturedLog.start()) {
            erase.erase(ERIKA);

            assertThat(log.text()).contains("complainant erased", "complaints=1");
            assertThat(log.text())
                    .doesNotContainIgnoringCase("erika")
                    .doesNotContain(AddressHash.of(ERIKA).value());
        }
    }

    @Test
    void erase_ofABlankOrUnreadableAddress_isRefused() {
        assertThatThrownBy(() -> erase.erase(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("address is blank");
        assertThatThrownBy(() -> erase.erase("a@" + "x".repeat(64) + ".example"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Complaint add(Complaint complaint) {
        complaints.add(complaint);
        return complaint;
    }

    private Complaint addMailed(String email, String receiptId, Instant at) {
        var complaint = add(CaseFixtures.mailed("14141611", at, ComplaintState.NOTIFIED, email, receiptId, false));
        evidence.put("memory://" + receiptId, ("From: " + email + "\r\n\r\nspam").getBytes());
        return complaint;
    }

    /** What counting writes: the account on the complaint, and its suppression of the address's hash. */
    private void counted(Complaint complaint, String email) {
        cases.attribute(complaint.key(), ACCOUNT);
        accounts.count(
                ACCOUNT,
                false,
                Optional.of(new Suppression(
                        ACCOUNT,
                        AddressHash.of(email),
                        complaint.receivedAt(),
                        complaint.id().value())));
    }

    private static Instant hoursAgo(int hours) {
        return NOW.minus(Duration.ofHours(hours));
    }
}
