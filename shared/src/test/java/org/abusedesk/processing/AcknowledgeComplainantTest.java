package org.abusedesk.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
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
import org.abusedesk.metrics.Measurement.AcknowledgementSkipped;
import org.abusedesk.metrics.Measurement.AcknowledgementSkipped.Reason;
import org.abusedesk.metrics.Measurement.NotificationSent;
import org.abusedesk.metrics.RecordingDeskMetrics;
import org.junit.jupiter.api.Test;

class AcknowledgeComplainantTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final ReceiptVerdicts SPF_PASS =
            new ReceiptVerdicts(Verdict.PASS, Verdict.PASS, Verdict.PASS, Verdict.FAIL, Verdict.FAIL);
    private static final ReceiptVerdicts SPF_PASS_DMARC_UNKNOWN =
            new ReceiptVerdicts(Verdict.PASS, Verdict.PASS, Verdict.PASS, Verdict.PASS, Verdict.UNKNOWN);
    private static final ReceiptVerdicts DMARC_PASS =
            new ReceiptVerdicts(Verdict.PASS, Verdict.PASS, Verdict.FAIL, Verdict.PASS, Verdict.PASS);
    private static final ReceiptVerdicts ALL_FAIL =
            new ReceiptVerdicts(Verdict.PASS, Verdict.PASS, Verdict.FAIL, Verdict.FAIL, Verdict.FAIL);

    private final List<Complaint> sent = new ArrayList<>();
    private final RecordingDeskMetrics metrics = new RecordingDeskMetrics();
    private final AcknowledgeComplainant acknowledge =
            new AcknowledgeComplainant(new InMemoryAcknowledgements(3), sent::add, metrics);

    @Test
    void aFormComplaint_isAcknowledgedOnce_andCountedAsOneAcknowledgementSent() {
        var complaint = complaint(Channel.FORM, Optional.empty());

        assertThat(acknowledge.acknowledge(complaint, NOW)).isTrue();
        assertThat(acknowledge.acknowledge(complaint, NOW)).isFalse();
        assertThat(sent).containsExactly(complaint);
        assertThat(metrics.measurements()).containsExactly(new NotificationSent(NotificationSent.Kind.ACKNOWLEDGEMENT));
    }

    @Test
    void aForwardedComplaint_fromASpoofedFromWithSpfPassing_isNotAcknowledged_andMeasuredNotAligned() {
        // SPF checks the envelope sender anybody sets: it says nothing of From: victim@bank.example
        var spoofed = complaint(
                Channel.MAIL, "victim@bank.example", Optional.of(provenance(ReportFormat.INLINE_FORWARD, SPF_PASS)));
        var unaligned = complaint(
                Channel.MAIL,
                "victim@bank.example",
                Optional.of(provenance(ReportFormat.ATTACHED_MESSAGE, SPF_PASS_DMARC_UNKNOWN)));
        var forged = complaint(Channel.MAIL, Optional.of(provenance(ReportFormat.INLINE_FORWARD, ALL_FAIL)));

        assertThat(acknowledge.acknowledge(spoofed, NOW)).isFalse();
        assertThat(acknowledge.acknowledge(unaligned, NOW)).isFalse();
        assertThat(acknowledge.acknowledge(forged, NOW)).isFalse();
        assertThat(sent).isEmpty();
        assertThat(metrics.measurements())
                .containsExactly(
                        new AcknowledgementSkipped(Reason.NOT_ALIGNED),
                        new AcknowledgementSkipped(Reason.NOT_ALIGNED),
                        new AcknowledgementSkipped(Reason.NOT_ALIGNED));
    }

    @Test
    void aForwardedComplaint_whoseFromPassedDmarc_isAcknowledgedToItsAddress() {
        var aligned = complaint(
                Channel.MAIL, "victim@bank.example", Optional.of(provenance(ReportFormat.INLINE_FORWARD, DMARC_PASS)));

        assertThat(acknowledge.acknowledge(aligned, NOW)).isTrue();
        assertThat(sent).extracting(c -> c.complainant().email()).containsExactly("victim@bank.example");
    }

    @Test
    void anAddressPastItsDailyShare_isSkipped_andMeasuredAsAddressLimit() {
        var limited = new AcknowledgeComplainant(new InMemoryAcknowledgements(1), sent::add, metrics);

        assertThat(limited.acknowledge(complaint(Channel.FORM, "Erika+a@Example.net", Optional.empty()), NOW))
                .isTrue();
        assertThat(limited.acknowledge(complaint(Channel.FORM, "erika@example.net", Optional.empty()), NOW))
                .isFalse();
        assertThat(metrics.measurements())
                .containsExactly(
                        new NotificationSent(NotificationSent.Kind.ACKNOWLEDGEMENT),
                        new AcknowledgementSkipped(Reason.ADDRESS_LIMIT));
    }

    @Test
    void aProvidersReport_isNeverAcknowledged() {
        assertThat(acknowledge.acknowledge(
                        complaint(Channel.MAIL, Optional.of(provenance(ReportFormat.ARF, SPF_PASS))), NOW))
                .isFalse();
        assertThat(acknowledge.acknowledge(
                        complaint(Channel.MAIL, Optional.of(provenance(ReportFormat.XARF, SPF_PASS))), NOW))
                .isFalse();
        assertThat(sent).isEmpty();
    }

    @Test
    void aComplaintWithoutAddress_isNeverAcknowledged_asAfterItsComplainantWasErased() {
        var base = complaint(Channel.FORM, Optional.empty());
        var erased = new Complaint(
                base.key(),
                base.channel(),
                base.classification(),
                base.state(),
                base.receivedAt(),
                new Complainant("", Optional.empty(), Salutation.NONE, Language.DE),
                "",
                base.attribution(),
                base.expiresAt());

        assertThat(acknowledge.acknowledge(erased, NOW)).isFalse();
        assertThat(sent).isEmpty();
        assertThat(metrics.measurements()).isEmpty();
    }

    @Test
    void aFailingAcknowledgement_isNotRetried_andDoesNotFailTheComplaint() {
        var failing = new AcknowledgeComplainant(
                new InMemoryAcknowledgements(3),
                c -> {
                    throw new IllegalStateException("MessageRejected");
                },
                metrics);
        var complaint = complaint(Channel.FORM, Optional.empty());

        assertThat(failing.acknowledge(complaint, NOW)).isFalse();
        assertThat(failing.acknowledge(complaint, NOW)).isFalse();
        assertThat(metrics.measurements()).isEmpty();
    }

    private static MailProvenance provenance(ReportFormat format, ReceiptVerdicts verdicts) {
        return new MailProvenance(
                "ses-1",
                0,
                format,
                Optional.empty(),
                List.of(),
                false,
                false,
                Optional.empty(),
                List.of(),
                Optional.empty(),
                verdicts,
                false);
    }

    private static Complaint complaint(Channel channel, Optional<MailProvenance> provenance) {
        return complaint(channel, "a@example.net", provenance);
    }

    private static Complaint complaint(Channel channel, String email, Optional<MailProvenance> provenance) {
        return new Complaint(
                new ComplaintKey(new MailingId("14141611"), ComplaintId.generate()),
                channel,
                Classification.COMPLAINT,
                ComplaintState.COUNTED,
                NOW,
                new Complainant(email, Optional.empty(), Salutation.NONE, Language.DE),
                "spam",
                new Attribution(Optional.empty(), false, Verification.NOT_SIGNED, provenance),
                NOW.plusSeconds(3600));
    }
}
