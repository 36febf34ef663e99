package org.abusedesk.admin.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.abusedesk.account.AccountId;
import org.abusedesk.cases.CaseClosure;
import org.abusedesk.cases.CaseFile;
import org.abusedesk.complaint.Complainant;
import org.abusedesk.complaint.DkimCheck;
import org.abusedesk.complaint.MailProvenance;
import org.abusedesk.complaint.MailingIdCandidate;
import org.abusedesk.complaint.ReceiptVerdicts;

/** One case file as the admin API shows it: the complaint, where it came from, and what became of it. */
final class CaseViews {

    private CaseViews() {}

    static Map<String, Object> file(CaseFile file) {
        var complaint = file.complaint();
        var attribution = complaint.attribution();
        boolean erased = file.erasedAt().isPresent();
        var view = new LinkedHashMap<String, Object>();
        view.put("mailingId", complaint.key().mailingId().value());
        view.put("complaintId", complaint.key().complaintId().value());
        view.put("state", complaint.state().name());
        view.put("classification", complaint.classification().name());
        view.put("channel", complaint.channel().name());
        view.put("receivedAt", complaint.receivedAt().toString());
        view.put("expiresAt", complaint.expiresAt().toString());
        view.put("accountId", file.account().map(AccountId::value).orElse(null));
        view.put("claimedAccountId", attribution.claimedAccountId().orElse(null));
        view.put("verified", attribution.verified());
        view.put("verification", attribution.verification().name());
        view.put("verificationReason", attribution.verification().explanation());
        view.put("accountSigned", attribution.accountSigned());
        // After erasure the complaint keeps nothing of the person: show that, not empty strings.
        view.put("complainant", erased ? null : complainant(complaint.complainant()));
        view.put("message", erased ? null : complaint.message());
        view.put(
                "provenance",
                attribution.provenance().map(CaseViews::provenance).orElse(null));
        view.put("acknowledgedAt", file.acknowledgedAt().map(Instant::toString).orElse(null));
        view.put("closure", file.closure().map(CaseViews::closure).orElse(null));
        view.put("erasedAt", file.erasedAt().map(Instant::toString).orElse(null));
        return view;
    }

    private static Map<String, Object> complainant(Complainant complainant) {
        var view = new LinkedHashMap<String, Object>();
        view.put("email", complainant.email());
        view.put("name", complainant.name().orElse(null));
        view.put("salutation", complainant.salutation().name());
        view.put("language", complainant.language().name());
        return view;
    }

    private static Map<String, Object> provenance(MailProvenance provenance) {
        var view = new LinkedHashMap<String, Object>();
        view.put("receiptId", provenance.receiptId());
        view.put("part", provenance.part());
        view.put("format", provenance.format().name());
        view.put("mailingIdSource", provenance.mailingIdSource().orElse(null));
        view.put(
                "candidates",
                provenance.candidates().stream().map(CaseViews::candidate).toList());
        view.put("conflict", provenance.conflict());
        view.put("truncated", provenance.truncated());
        view.put("quarantined", provenance.quarantined());
        view.put("evidence", provenance.evidence().orElse(null));
        view.put("dkim", provenance.dkim().stream().map(CaseViews::dkim).toList());
        view.put("verdicts", verdicts(provenance.verdicts()));
        return view;
    }

    private static Map<String, Object> candidate(MailingIdCandidate candidate) {
        var view = new LinkedHashMap<String, Object>();
        view.put("mailingId", candidate.mailingId());
        view.put("accountId", candidate.accountId().orElse(null));
        view.put("source", candidate.source());
        view.put("dkimSigned", candidate.dkimSigned());
        return view;
    }

    private static Map<String, Object> dkim(DkimCheck check) {
        var view = new LinkedHashMap<String, Object>();
        view.put("domain", check.domain());
        view.put("selector", check.selector());
        view.put("headerValid", check.headerValid());
        view.put("bodyHashValid", check.bodyHashValid());
        return view;
    }

    private static Map<String, Object> verdicts(ReceiptVerdicts verdicts) {
        var view = new LinkedHashMap<String, Object>();
        view.put("spam", verdicts.spam().name());
        view.put("virus", verdicts.virus().name());
        view.put("spf", verdicts.spf().name());
        view.put("dkim", verdicts.dkim().name());
        view.put("dmarc", verdicts.dmarc().name());
        return view;
    }

    private static Map<String, Object> closure(CaseClosure closure) {
        var view = new LinkedHashMap<String, Object>();
        view.put("state", closure.outcome().name());
        view.put("by", closure.actor());
        view.put("at", closure.at().toString());
        view.put("note", closure.note());
        return view;
    }
}
