package org.abusedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.abusedesk.complaint.Attribution;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.Complainant;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintId;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.Language;
import org.abusedesk.complaint.MailProvenance;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.complaint.ReceiptVerdicts;
import org.abusedesk.complaint.ReportFormat;
import org.abusedesk.complaint.Salutation;
import org.abusedesk.complaint.Verdict;
import org.abusedesk.complaint.Verification;
import org.junit.jupiter.api.Test;

class CsaForwardsTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void forwardedByCsa_isAMailFromTheCsasDomainOrASubdomain_withDmarcPassed() {
        assertThat(CsaForwards.forwardedByCsa(mail("complaints@certified-senders.org", Verdict.PASS)))
                .isTrue();
        assertThat(CsaForwards.forwardedByCsa(mail("Beschwerde@Team.Certified-Senders.EU", Verdict.PASS)))
                .isTrue();
    }

    @Test
    void forwardedByCsa_isNotAForgedFrom_aLookalikeDomain_orAFormComplaint() {
        // GIVEN the CSA's address in a From: that DMARC failed or did not check
        assertThat(CsaForwards.forwardedByCsa(mail("complaints@certified-senders.org", Verdict.FAIL)))
                .isFalse();
        assertThat(CsaForwards.forwardedByCsa(mail("complaints@certified-senders.org", Verdict.UNKNOWN)))
                .isFalse();
        // AND domains that only end in the CSA's name, or contain it
        assertThat(CsaForwards.forwardedByCsa(mail("x@notcertified-senders.org", Verdict.PASS)))
                .isFalse();
        assertThat(CsaForwards.forwardedByCsa(mail("x@certified-senders.org.example.net", Verdict.PASS)))
                .isFalse();
        // AND a form complaint typed with the CSA's address
        var form = new Complaint(
                new ComplaintKey(new MailingId("1"), ComplaintId.generate()),
                Channel.FORM,
                Classification.COMPLAINT,
                ComplaintState.RECEIVED,
                NOW,
                new Complainant("complaints@certified-senders.org", Optional.empty(), Salutation.NONE, Language.DE),
                "spam",
                Attribution.NONE,
                NOW.plus(Duration.ofDays(180)));
        assertThat(CsaForwards.forwardedByCsa(form)).isFalse();
    }

    @Test
    void inCsaDomain_ofHostileAddresses_isFalse() {
        assertThat(CsaForwards.inCsaDomain("")).isFalse();
        assertThat(CsaForwards.inCsaDomain("@certified-senders.org")).isFalse();
        assertThat(CsaForwards.inCsaDomain("a".repeat(1_000_000) + "@certified-senders.org"))
                .isFalse();
        assertThat(CsaForwards.inCsaDomain("x@certified-senders.org.")).isTrue();
    }

    static Complaint mail(String from, Verdict dmarc) {
        var verdicts = new ReceiptVerdicts(Verdict.PASS, Verdict.PASS, Verdict.PASS, Verdict.PASS, dmarc);
        var provenance = new MailProvenance(
                "ses-csa",
                0,
                ReportFormat.ATTACHED_MESSAGE,
                Optional.empty(),
                List.of(),
                false,
                false,
                Optional.empty(),
                List.of(),
                Optional.empty(),
                verdicts,
                false);
        return new Complaint(
                new ComplaintKey(new MailingId("1"), ComplaintId.generate()),
                Channel.MAIL,
                Classification.COMPLAINT,
                ComplaintState.RECEIVED,
                NOW,
                new Complainant(from, Optional.empty(), Salutation.NONE, Language.DE),
                "spam",
                new Attribution(Optional.empty(), false, Verification.NOT_SIGNED, Optional.of(provenance)),
                NOW.plus(Duration.ofDays(180)));
    }
}
