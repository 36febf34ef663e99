package org.abusedesk.cases;

import static org.abusedesk.cases.CaseFixtures.ERIKA;
import static org.abusedesk.cases.CaseFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.abusedesk.account.AccountId;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.InMemoryComplaints;
import org.abusedesk.complaint.MailProvenance;
import org.abusedesk.processing.EvidenceLinks;
import org.junit.jupiter.api.Test;

class ViewCaseTest {

    /** Links as the S3 adapter signs them: one for every stored mail, none for a quarantined one. */
    private static final EvidenceLinks LINKS =
            complaint -> complaint.attribution().quarantined()
                    ? Optional.empty()
                    : complaint
                            .attribution()
                            .provenance()
                            .flatMap(MailProvenance::evidence)
                            .map(location ->
                                    URI.create("https://evidence.example/" + location.substring(9) + "?sig=1"));

    private final InMemoryComplaints complaints = new InMemoryComplaints();
    private final InMemoryCases cases = new InMemoryCases(complaints);
    private final ViewCase view = new ViewCase(cases, LINKS, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void view_givesEverythingStored_withTheProvenance_theAccount_andALinkToTheRawMail() {
        // GIVEN a mailed complaint, counted against account 121070 and acknowledged
        var complaint =
                CaseFixtures.mailed("14141611", NOW.minusSeconds(600), ComplaintState.NOTIFIED, ERIKA, "ses-1", false);
        complaints.add(complaint);
        cases.attribute(complaint.key(), new AccountId("121070"));
        cases.acknowledged(complaint.key(), NOW.minusSeconds(590));

        // WHEN the abuse team opens it
        var seen = view.view(complaint.key());

        // THEN it has the complaint as stored, what was done with it, and a link to the mail
        assertThat(seen.file().complaint()).isEqualTo(complaint);
        assertThat(seen.file().account()).contains(new AccountId("121070"));
        assertThat(seen.file().acknowledgedAt()).contains(NOW.minusSeconds(590));
        assertThat(seen.file().closure()).isEmpty();
        assertThat(seen.file().erasedAt()).isEmpty();
        assertThat(seen.evidenceLink()).contains(URI.create("https://evidence.example/ses-1?sig=1"));
    }

    @Test
    void view_ofAQuarantinedMail_givesNoLink() {
        var complaint =
                CaseFixtures.mailed("14141611", NOW.minusSeconds(600), ComplaintState.NOTIFIED, ERIKA, "ses-2", true);
        complaints.add(complaint);

        assertThat(view.view(complaint.key()).evidenceLink()).isEmpty();
    }

    @Test
    void view_ofAnErasedCase_givesNoLink_andNothingOfTheComplainant() {
        var complaint =
                CaseFixtures.mailed("14141611", NOW.minusSeconds(600), ComplaintState.NOTIFIED, ERIKA, "ses-3", false);
        complaints.add(complaint);
        cases.erase(complaint.key(), NOW.minusSeconds(60));

        var seen = view.view(complaint.key());

        assertThat(seen.evidenceLink()).isEmpty();
        assertThat(seen.file().erasedAt()).contains(NOW.minusSeconds(60));
        assertThat(seen.file().complaint().complainant().email()).isEmpty();
        assertThat(seen.file().complaint().message()).isEmpty();
    }

    @Test
    void view_ofAMissingOrExpiredCase_isRefusedAsNotFound() {
        var expired = CaseFixtures.expiringAt(
                CaseFixtures.form("14141611", NOW.minus(Duration.ofDays(200)), ComplaintState.NOTIFIED, ERIKA),
                NOW.minusSeconds(1));
        complaints.add(expired);
        var missing =
                ComplaintKey.of("14141611", CaseFixtures.idAt(Instant.EPOCH).value());

        assertThatThrownBy(() -> view.view(expired.key()))
                .isInstanceOf(CaseNotFoundException.class)
                .hasMessage("no case 14141611/" + expired.id());
        assertThatThrownBy(() -> view.view(missing)).isInstanceOf(CaseNotFoundException.class);
    }
}
