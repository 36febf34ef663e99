package org.abusedesk.admin.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.abusedesk.account.AccountId;
import org.abusedesk.cases.CaseClosure;
import org.abusedesk.cases.CaseFile;
import org.abusedesk.complaint.Complainant;
import org.abusedesk.complaint.DkimCheck;
import org.abusedesk.complaint.MailProvenance;
import org.abusedesk.complaint.MailingIdCandidate;
import org.abusedesk.complaint.ReceiptVerdicts;
import org.abusedesk.evidence.OptInEvidence;
import org.abusedesk.evidence.OptInRecord;
import org.abusedesk.people.Actor;
import org.abusedesk.thread.ThreadEntry;

/**
 * One case file as the admin API shows it: the complaint, where it came from, what became of it, and a short-lived
 * link to its raw mail. The document's {@code Case}.
 */
record CaseFileView(
        String mailingId,
        String complaintId,
        String state,
        String classification,
        String channel,
        String receivedAt,
        String expiresAt,
        String accountId,
        String claimedAccountId,
        boolean verified,
        String verification,
        String verificationReason,
        boolean accountSigned,
        ComplainantView complainant,
        String message,
        ProvenanceView provenance,
        String acknowledgedAt,
        ClosureView closure,
        String erasedAt,
        OptInEvidenceView optInEvidence,
        String dueAt,
        String outcomeToldAt,
        List<ThreadEntryView> thread,
        String evidenceLink) {

    static CaseFileView of(CaseFile file, Optional<URI> evidenceLink) {
        return of(file, evidenceLink, List.of());
    }

    static CaseFileView of(CaseFile file, Optional<URI> evidenceLink, List<ThreadEntry> thread) {
        var complaint = file.complaint();
        var attribution = complaint.attribution();
        // After erasure the complaint keeps nothing of the person: show that, not empty strings.
        boolean erased = file.erasedAt().isPresent();
        return new CaseFileView(
                complaint.key().mailingId().value(),
                complaint.key().complaintId().value(),
                complaint.state().name(),
                complaint.classification().name(),
                complaint.channel().name(),
                complaint.receivedAt().toString(),
                complaint.expiresAt().toString(),
                file.account().map(AccountId::value).orElse(null),
                attribution.claimedAccountId().orElse(null),
                attribution.verified(),
                attribution.verification().name(),
                attribution.verification().explanation(),
                attribution.accountSigned(),
                erased ? null : ComplainantView.of(complaint.complainant()),
                erased ? null : complaint.message(),
                attribution.provenance().map(ProvenanceView::of).orElse(null),
                file.acknowledgedAt().map(Instant::toString).orElse(null),
                file.closure().map(ClosureView::of).orElse(null),
                file.erasedAt().map(Instant::toString).orElse(null),
                erased ? null : file.optInEvidence().map(OptInEvidenceView::of).orElse(null),
                file.dueAt().map(Instant::toString).orElse(null),
                file.outcomeToldAt().map(Instant::toString).orElse(null),
                thread.stream().map(ThreadEntryView::of).toList(),
                evidenceLink.map(URI::toString).orElse(null));
    }

    /** One entry of the case's thread with the sending customer; {@code actor} is null for the desk or a reply. */
    record ThreadEntryView(
            String id,
            String kind,
            String at,
            String actor,
            String actorName,
            String counterpart,
            String subject,
            String text,
            String dueAt,
            boolean automatic) {

        static ThreadEntryView of(ThreadEntry entry) {
            return new ThreadEntryView(
                    entry.id(),
                    entry.kind().name(),
                    entry.at().toString(),
                    entry.actor().map(Actor::subject).orElse(null),
                    entry.actor().map(Actor::name).orElse(null),
                    entry.counterpart(),
                    entry.subject(),
                    entry.text(),
                    entry.dueAt().map(Instant::toString).orElse(null),
                    entry.automatic());
        }
    }

    /** Who complained, until erased. */
    record ComplainantView(String email, String name, String salutation, String language, boolean consentToShare) {

        static ComplainantView of(Complainant complainant) {
            return new ComplainantView(
                    complainant.email(),
                    complainant.name().orElse(null),
                    complainant.salutation().name(),
                    complainant.language().name(),
                    complainant.consentToShare());
        }
    }

    /** Where a mailed complaint came from and what its receipt found. */
    record ProvenanceView(
            String receiptId,
            int part,
            String format,
            String mailingIdSource,
            List<CandidateView> candidates,
            boolean conflict,
            boolean truncated,
            boolean quarantined,
            String evidence,
            List<DkimView> dkim,
            VerdictsView verdicts) {

        static ProvenanceView of(MailProvenance provenance) {
            return new ProvenanceView(
                    provenance.receiptId(),
                    provenance.part(),
                    provenance.format().name(),
                    provenance.mailingIdSource().orElse(null),
                    provenance.candidates().stream().map(CandidateView::of).toList(),
                    provenance.conflict(),
                    provenance.truncated(),
                    provenance.quarantined(),
                    provenance.evidence().orElse(null),
                    provenance.dkim().stream().map(DkimView::of).toList(),
                    VerdictsView.of(provenance.verdicts()));
        }
    }

    /** A Mailing ID the mail named, and where. */
    record CandidateView(String mailingId, String accountId, String source, boolean dkimSigned) {

        static CandidateView of(MailingIdCandidate candidate) {
            return new CandidateView(
                    candidate.mailingId(),
                    candidate.accountId().orElse(null),
                    candidate.source(),
                    candidate.dkimSigned());
        }
    }

    /** One DKIM signature of the reported message, its header and body checked apart. */
    record DkimView(String domain, String selector, boolean headerValid, boolean bodyHashValid) {

        static DkimView of(DkimCheck check) {
            return new DkimView(check.domain(), check.selector(), check.headerValid(), check.bodyHashValid());
        }
    }

    /** The receipt's verdicts, as SES gave them. */
    record VerdictsView(String spam, String virus, String spf, String dkim, String dmarc) {

        static VerdictsView of(ReceiptVerdicts verdicts) {
            return new VerdictsView(
                    verdicts.spam().name(),
                    verdicts.virus().name(),
                    verdicts.spf().name(),
                    verdicts.dkim().name(),
                    verdicts.dmarc().name());
        }
    }

    /** What the sending platform answered about the recipient's opt-in, and its record where it had one. */
    record OptInEvidenceView(String status, int attempts, String at, String reason, OptInRecordView record) {

        static OptInEvidenceView of(OptInEvidence evidence) {
            return new OptInEvidenceView(
                    evidence.status().name(),
                    evidence.attempts(),
                    evidence.at().toString(),
                    evidence.reason(),
                    evidence.record().map(OptInRecordView::of).orElse(null));
        }
    }

    /** The recipient's opt-in as the platform recorded it. */
    record OptInRecordView(
            String sourceType,
            String source,
            String optedInAt,
            String confirmedAt,
            String ip,
            String userAgent,
            String consentText,
            String consentVersion) {

        static OptInRecordView of(OptInRecord record) {
            return new OptInRecordView(
                    record.sourceType().name(),
                    record.source(),
                    record.optedInAt().toString(),
                    record.confirmedAt().map(Instant::toString).orElse(null),
                    record.ip().orElse(null),
                    record.userAgent().orElse(null),
                    record.consentText().orElse(null),
                    record.consentVersion().orElse(null));
        }
    }

    /** How the case was closed, by whom, when, with which note. */
    record ClosureView(String state, String by, String bySubject, String at, String note) {

        static ClosureView of(CaseClosure closure) {
            return new ClosureView(
                    closure.outcome().name(),
                    closure.actor().name(),
                    closure.actor().subject(),
                    closure.at().toString(),
                    closure.note());
        }
    }
}
