package org.abusedesk.cases;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.abusedesk.complaint.MailProvenance;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.evidence.OptInEvidence;
import org.abusedesk.registration.Mailing;
import org.abusedesk.thread.ThreadEntry;

/**
 * What the abuse team answers a complaint forwarded by the Certified Senders Alliance with: the case as stored, the
 * original header fields of the reported message, the evidence of the opt-in (the recipient's record from the
 * sending platform, else the mailing registry's text for all its recipients), and the deadline for the answer.
 *
 * <p>The bundle is the case file itself, complainant and message included, for the abuse team to send: it is
 * never logged.
 */
final class CsaEvidenceBundle {

    static final String KIND = "csa-evidence-bundle";

    private CsaEvidenceBundle() {}

    static ObjectNode of(
            CaseFile file,
            Optional<Mailing> mailing,
            Optional<ReportedOriginal> original,
            AnswerDeadline deadline,
            List<ThreadEntry> thread,
            Instant now) {
        var bundle = JsonNodeFactory.instance.objectNode();
        bundle.put("kind", KIND);
        bundle.put("generatedAt", now.toString());
        var due = bundle.putObject("deadline");
        due.put(
                "rule",
                AnswerDeadline.WORKING_DAYS + " working days (Monday to Friday) after the day of receipt, "
                        + AnswerDeadline.BERLIN);
        due.put("lastWorkingDay", deadline.lastDay().toString());
        due.put("endsAt", deadline.endsAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        complaint(bundle.putObject("complaint"), file);
        var reported = bundle.putObject("reportedMessage");
        reported.put(
                "headersFrom",
                original.map(ReportedOriginal::origin)
                        .orElse(ReportedOriginal.HeaderOrigin.NONE)
                        .name());
        var headers = reported.putArray("headers");
        original.ifPresent(o -> o.headers()
                .fields()
                .forEach(f -> headers.addObject().put("name", f.name()).put("value", f.value())));
        // The recipient's own record, where the platform had one, replaces the registry's text for the mailing.
        boolean recordFound =
                file.optInEvidence().flatMap(OptInEvidence::record).isPresent();
        mailing(bundle.putObject("mailing"), file.complaint().mailingId(), mailing, !recordFound);
        optIn(bundle.putObject("optIn"), file, mailing, recordFound);
        conversation(bundle.putArray("thread"), thread);
        return bundle;
    }

    /**
     * What the desk asked the sending customer and what it answered, with the times: the notices, follow-ups and
     * replies of the thread. The team's own notes stay out: they are internal.
     */
    private static void conversation(ArrayNode node, List<ThreadEntry> thread) {
        for (var entry : thread) {
            if (!entry.kind().toCustomer() && entry.kind() != ThreadEntry.Kind.REPLY) {
                continue;
            }
            var written = node.addObject();
            written.put("kind", entry.kind().name());
            written.put("at", entry.at().toString());
            written.put(entry.kind() == ThreadEntry.Kind.REPLY ? "from" : "to", entry.counterpart());
            written.put(
                    "sentBy",
                    entry.kind() == ThreadEntry.Kind.REPLY
                            ? "customer"
                            : entry.actor().map(actor -> actor.name()).orElse("abuse-desk"));
            written.put("subject", entry.subject());
            written.put("text", entry.text());
            entry.dueAt().ifPresent(due -> written.put("answerDueAt", due.toString()));
        }
    }

    private static void complaint(ObjectNode node, CaseFile file) {
        var complaint = file.complaint();
        node.put("mailingId", complaint.mailingId().value());
        node.put("complaintId", complaint.id().value());
        node.put("state", complaint.state().name());
        node.put("classification", complaint.classification().name());
        node.put("channel", complaint.channel().name());
        node.put("receivedAt", complaint.receivedAt().toString());
        file.account().ifPresent(a -> node.put("account", a.value()));
        complaint.attribution().claimedAccountId().ifPresent(a -> node.put("claimedAccount", a));
        node.put("verified", complaint.attribution().verified());
        var complainant = node.putObject("complainant");
        complainant.put("email", complaint.complainant().email());
        complaint.complainant().name().ifPresent(name -> complainant.put("name", name));
        complainant.put("salutation", complaint.complainant().salutation().name());
        complainant.put("language", complaint.complainant().language().name());
        node.put("message", complaint.message());
        complaint.attribution().provenance().ifPresent(p -> provenance(node.putObject("provenance"), p));
        file.acknowledgedAt().ifPresent(at -> node.put("acknowledgedAt", at.toString()));
        file.closure()
                .ifPresent(closure -> node.putObject("closure")
                        .put("outcome", closure.outcome().name())
                        .put("actor", closure.actor().name())
                        .put("at", closure.at().toString())
                        .put("note", closure.note()));
        file.erasedAt().ifPresent(at -> node.put("erasedAt", at.toString()));
    }

    private static void provenance(ObjectNode node, MailProvenance provenance) {
        node.put("receiptId", provenance.receiptId());
        node.put("part", provenance.part());
        node.put("format", provenance.format().name());
        provenance.mailingIdSource().ifPresent(source -> node.put("mailingIdSource", source));
        var candidates = node.putArray("candidates");
        provenance.candidates().forEach(c -> {
            var candidate = candidates
                    .addObject()
                    .put("mailingId", c.mailingId())
                    .put("source", c.source())
                    .put("dkimSigned", c.dkimSigned());
            c.accountId().ifPresent(a -> candidate.put("accountId", a));
        });
        node.put("conflict", provenance.conflict());
        node.put("truncated", provenance.truncated());
        var dkim = node.putArray("dkim");
        provenance
                .dkim()
                .forEach(d -> dkim.addObject()
                        .put("domain", d.domain())
                        .put("selector", d.selector())
                        .put("headerValid", d.headerValid())
                        .put("bodyHashValid", d.bodyHashValid()));
        var verdicts = provenance.verdicts();
        node.putObject("verdicts")
                .put("spam", verdicts.spam().name())
                .put("virus", verdicts.virus().name())
                .put("spf", verdicts.spf().name())
                .put("dkim", verdicts.dkim().name())
                .put("dmarc", verdicts.dmarc().name());
        node.put("quarantined", provenance.quarantined());
    }

    /** The proof of the opt-in the answer rests on: the recipient's record, else the mailing's text, else none. */
    private static void optIn(ObjectNode node, CaseFile file, Optional<Mailing> mailing, boolean recordFound) {
        boolean mailingText = mailing.flatMap(Mailing::optInEvidence).isPresent();
        node.put("basis", recordFound ? "RECIPIENT_RECORD" : mailingText ? "MAILING_TEXT" : "NONE");
        var asked = file.optInEvidence();
        if (asked.isEmpty()) {
            node.putNull("platformAnswer");
            return;
        }
        var evidence = asked.get();
        var answer = node.putObject("platformAnswer");
        answer.put("status", evidence.status().name());
        answer.put("attempts", evidence.attempts());
        answer.put("at", evidence.at().toString());
        answer.put("reason", evidence.reason());
        if (evidence.record().isEmpty()) {
            answer.putNull("record");
            return;
        }
        var record = evidence.record().get();
        var written = answer.putObject("record");
        written.put("sourceType", record.sourceType().name());
        written.put("source", record.source());
        written.put("optedInAt", record.optedInAt().toString());
        written.put("confirmedAt", record.confirmedAt().map(Instant::toString).orElse(null));
        written.put("ip", record.ip().orElse(null));
        written.put("userAgent", record.userAgent().orElse(null));
        written.put("consentText", record.consentText().orElse(null));
        written.put("consentVersion", record.consentVersion().orElse(null));
    }

    private static void mailing(ObjectNode node, MailingId id, Optional<Mailing> registered, boolean withText) {
        node.put("mailingId", id.value());
        node.put("registered", registered.isPresent());
        registered.ifPresent(m -> {
            node.put("accountId", m.accountId().value());
            if (m.recipients().isPresent()) {
                node.put("recipients", m.recipients().getAsLong());
            }
            node.put("sentAt", m.sentAt().toString());
            m.subject().ifPresent(s -> node.put("subject", s));
            m.sender().ifPresent(s -> node.put("sender", s));
        });
        // Present and null when the registry has none, or the recipient's record replaces it (see optIn).
        var evidence = registered.flatMap(Mailing::optInEvidence).filter(text -> withText);
        if (evidence.isPresent()) {
            node.put("optInEvidence", evidence.get());
        } else {
            node.putNull("optInEvidence");
        }
    }
}
