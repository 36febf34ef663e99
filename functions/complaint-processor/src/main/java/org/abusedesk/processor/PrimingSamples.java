package org.abusedesk.processor;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.abusedesk.account.AccountId;
import org.abusedesk.account.AccountStatus;
import org.abusedesk.account.ComplaintStatistics;
import org.abusedesk.account.StatusChange;
import org.abusedesk.complaint.Attribution;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.Complainant;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintId;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.DkimCheck;
import org.abusedesk.complaint.Language;
import org.abusedesk.complaint.MailProvenance;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.complaint.MailingIdCandidate;
import org.abusedesk.complaint.ReceiptVerdicts;
import org.abusedesk.complaint.ReportFormat;
import org.abusedesk.complaint.Salutation;
import org.abusedesk.complaint.Verdict;
import org.abusedesk.complaint.Verification;
import org.abusedesk.processing.Notification;
import org.abusedesk.registration.Mailing;

/**
 * Made-up complaints and a notification about them, which the processor composes before its snapshot: every part of
 * the mail templates gets rendered once. Nothing of them is stored or sent; no address in them can receive mail.
 */
final class PrimingSamples {

    /** The mailing priming reads and composes mail about; were one ever registered under it, reading changes nothing. */
    static final MailingId MAILING = new MailingId("snapstart-priming");

    static final String QUEUE_MESSAGE =
            "{\"mailingId\":\"snapstart-priming\",\"complaintId\":\"00000000000000000000000000\"}";

    private static final Instant AT = Instant.parse("2000-01-01T00:00:00Z");
    private static final AccountId ACCOUNT = new AccountId("snapstart-priming");

    private PrimingSamples() {}

    /** A form complaint, in German or English. */
    static Complaint formComplaint(Language language) {
        return complaint(
                "00000000000000000000000000",
                Channel.FORM,
                new Complainant("priming@example.invalid", Optional.of("Priming"), Salutation.FRAU, language),
                Attribution.NONE);
    }

    /** A forwarded mail whose Mailing ID came from a header, with its evidence in the bucket. */
    static Complaint mailedComplaint() {
        var provenance = new MailProvenance(
                "snapstart-priming",
                0,
                ReportFormat.ATTACHED_MESSAGE,
                Optional.of("header:X-Mailing"),
                List.of(new MailingIdCandidate(
                        MAILING.value(), Optional.of(ACCOUNT.value()), "header:X-Mailing", false)),
                false,
                false,
                Optional.of("s3://snapstart-priming/inbound/snapstart-priming"),
                List.of(new DkimCheck("example.invalid", "priming", true, true)),
                Optional.empty(),
                new ReceiptVerdicts(Verdict.PASS, Verdict.PASS, Verdict.PASS, Verdict.PASS, Verdict.PASS),
                false);
        return complaint(
                "00000000000000000000000001",
                Channel.MAIL,
                new Complainant("priming@example.invalid", Optional.empty(), Salutation.NONE, Language.EN),
                new Attribution(
                        Optional.of(ACCOUNT.value()), false, Verification.SIGNED_BY_SENDER, Optional.of(provenance)));
    }

    /** The abuse team's mail about both, on an escalated account. */
    static Notification notification() {
        var statistics = new ComplaintStatistics(2, 1, 1000, 0);
        var escalation = new StatusChange(
                ACCOUNT,
                AccountStatus.ACTIVE,
                AccountStatus.FLAGGED,
                AT,
                "complaint rate 0.2000 % >= 0.1 % with 2 complaints on 1000 recipients",
                StatusChange.AUTOMATIC,
                statistics,
                List.of("00000000000000000000000000"));
        return new Notification(
                MAILING,
                Optional.of(new Mailing(
                        MAILING,
                        ACCOUNT,
                        OptionalLong.of(1000),
                        AT.minus(Duration.ofHours(1)),
                        Optional.of("Priming"),
                        Optional.of("news@example.invalid"),
                        Optional.of("double opt-in"),
                        2,
                        1)),
                Optional.of(ACCOUNT),
                AccountStatus.FLAGGED,
                Optional.of(escalation),
                List.of(formComplaint(Language.DE), mailedComplaint()),
                2,
                Optional.of(new BigDecimal("0.2000")),
                Notification.Paging.ONLY);
    }

    private static Complaint complaint(
            String complaintId, Channel channel, Complainant complainant, Attribution attribution) {
        return new Complaint(
                new ComplaintKey(MAILING, new ComplaintId(complaintId)),
                channel,
                Classification.COMPLAINT,
                ComplaintState.COUNTED,
                AT,
                complainant,
                "Priming.",
                attribution,
                AT.plus(Duration.ofDays(1)));
    }
}
