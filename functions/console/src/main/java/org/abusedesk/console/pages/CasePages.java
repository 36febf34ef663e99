package org.abusedesk.console.pages;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.abusedesk.cases.CaseClosure;
import org.abusedesk.cases.CaseFile;
import org.abusedesk.cases.CloseCase;
import org.abusedesk.cases.ExportCase;
import org.abusedesk.cases.StoredEvidence;
import org.abusedesk.cases.ViewCase;
import org.abusedesk.complaint.ComplaintId;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.MailProvenance;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.console.ConsoleRequest;
import org.abusedesk.console.ConsoleResponse;
import org.abusedesk.inbound.MailParser;
import org.abusedesk.inbound.ReportedMessage;
import org.abusedesk.people.Actor;

/** A case's page, its downloads (raw mail, X-ARF, CSA bundle), and its resolve and dismiss forms. */
final class CasePages {

    private final ViewCase viewCase;
    private final CloseCase closeCase;
    private final ExportCase exportCase;
    private final StoredEvidence evidence;
    private final MailParser parser;
    private final long maxBytes;

    CasePages(ConsoleUseCases useCases) {
        this.viewCase = useCases.viewCase();
        this.closeCase = useCases.closeCase();
        this.exportCase = useCases.exportCase();
        this.evidence = useCases.evidence();
        this.parser = new MailParser(useCases.limits(), useCases.profile());
        this.maxBytes = useCases.limits().maxBytes();
    }

    ConsoleResponse show(ConsoleRequest request, String mailingId, String complaintId) {
        var file = viewCase.view(key(mailingId, complaintId)).file();
        return page(request, 200, file, Optional.empty());
    }

    /**
     * The most a download may hold: a Lambda answer carries 6 MB, and a binary body goes base64-encoded, a third
     * larger. A larger mail is opened through the admin API's short-lived link instead.
     */
    static final int MAX_DOWNLOAD_BYTES = 4 * 1024 * 1024;

    /** The raw mail as it came in, streamed by the console itself: no link to the bucket leaves the desk. */
    ConsoleResponse raw(ConsoleRequest request, String mailingId, String complaintId) {
        var key = key(mailingId, complaintId);
        var file = viewCase.view(key).file();
        var mail = downloadable(file).flatMap(location -> evidence.read(location, maxBytes));
        if (mail.isEmpty()) {
            return Problems.of(request, 404, Links.aCase(key));
        }
        if (mail.get().length > MAX_DOWNLOAD_BYTES) {
            var t = PageText.of(request.language());
            return Problems.of(
                    request,
                    413,
                    List.of(t.get("case.raw.tooLarge", MAX_DOWNLOAD_BYTES / (1024 * 1024))),
                    Links.aCase(key));
        }
        return ConsoleResponse.download("message/rfc822", key.complaintId().value() + ".eml", mail.get());
    }

    ConsoleResponse xarf(ConsoleRequest request, String mailingId, String complaintId) {
        var key = key(mailingId, complaintId);
        return ConsoleResponse.download(
                "application/json",
                key.complaintId().value() + "-xarf.json",
                exportCase.xarf(key).getBytes(StandardCharsets.UTF_8));
    }

    ConsoleResponse csa(ConsoleRequest request, String mailingId, String complaintId) {
        var key = key(mailingId, complaintId);
        return ConsoleResponse.download(
                "application/json",
                key.complaintId().value() + "-csa.json",
                exportCase.csaBundle(key).getBytes(StandardCharsets.UTF_8));
    }

    ConsoleResponse resolve(ConsoleRequest request, String mailingId, String complaintId) {
        return close(request, key(mailingId, complaintId), "resolve", closeCase::resolve);
    }

    ConsoleResponse dismiss(ConsoleRequest request, String mailingId, String complaintId) {
        return close(request, key(mailingId, complaintId), "dismiss", closeCase::dismiss);
    }

    /** How a case is closed: by whom, with which note. */
    @FunctionalInterface
    private interface Closing {
        CaseFile close(ComplaintKey key, Actor actor, String note);
    }

    private ConsoleResponse close(ConsoleRequest request, ComplaintKey key, String action, Closing closing) {
        String note = request.field("note").orElse("");
        var t = PageText.of(request.language());
        if (note.isBlank()) {
            return again(request, key, action, t.get("case.note.required"), note);
        }
        if (note.length() > CaseClosure.MAX_NOTE_CHARS) {
            return again(request, key, action, t.get("case.note.tooLong", CaseClosure.MAX_NOTE_CHARS), note);
        }
        try {
            closing.close(key, Actors.of(request.person()), note);
        } catch (IllegalArgumentException e) {
            // The note is checked above: what is left is the actor, which is the sign-in's, not the person's typing.
            return Problems.of(request, 400, List.of(t.get("case.actor.invalid")), Links.aCase(key));
        }
        return ConsoleResponse.seeOther(Links.aCase(key));
    }

    /** The case again, 400, with the closing form's error next to its note and what was typed in it. */
    private ConsoleResponse again(
            ConsoleRequest request, ComplaintKey key, String action, String message, String note) {
        var file = viewCase.view(key).file();
        return page(request, 400, file, Optional.of(new CasePageView.NoteError(action, message, note)));
    }

    private ConsoleResponse page(
            ConsoleRequest request, int status, CaseFile file, Optional<CasePageView.NoteError> noteError) {
        var t = PageText.of(request.language());
        String title = t.get("case.title", file.complaint().id().value());
        var frame = Frame.of(request, status == 200 ? title : t.get("page.error") + ": " + title, "cases");
        var view =
                new CasePageView(frame, file, reported(file), downloadable(file).isPresent(), noteError);
        return Templates.page(status, "case.jte", view);
    }

    /** Where the raw mail may be read from: stored, not erased, and no virus found in it. */
    private static Optional<String> downloadable(CaseFile file) {
        if (file.erasedAt().isPresent() || file.complaint().attribution().quarantined()) {
            return Optional.empty();
        }
        return file.complaint().attribution().provenance().flatMap(MailProvenance::evidence);
    }

    /** The reported message read again from the stored mail with the inbound function's own parser. */
    private Optional<CasePageView.Reported> reported(CaseFile file) {
        if (file.erasedAt().isPresent()) {
            return Optional.empty();
        }
        var provenance = file.complaint().attribution().provenance();
        var location = provenance.flatMap(MailProvenance::evidence);
        if (location.isEmpty()) {
            return Optional.empty();
        }
        int part = provenance.get().part();
        return evidence.read(location.get(), maxBytes)
                .map(parser::parse)
                .filter(mail -> part < mail.reports().size())
                .map(mail -> reported(mail.reports().get(part)));
    }

    /** The same order of header sources as the exports: the message's own, pasted ones, a forward's block. */
    private static CasePageView.Reported reported(ReportedMessage message) {
        if (!message.headers().isEmpty()) {
            return new CasePageView.Reported("MESSAGE", message.headers().fields(), message.text());
        }
        if (!message.pastedHeaders().isEmpty()) {
            return new CasePageView.Reported("PASTED", message.pastedHeaders().fields(), message.text());
        }
        if (!message.forwardedHeaders().isEmpty()) {
            return new CasePageView.Reported(
                    "FORWARD_BLOCK", message.forwardedHeaders().fields(), message.text());
        }
        return new CasePageView.Reported("NONE", List.of(), message.text());
    }

    /** The case's key from the path; a value that is no Mailing ID or complaint id names no case. */
    static ComplaintKey key(String mailingId, String complaintId) {
        try {
            return new ComplaintKey(new MailingId(mailingId), new ComplaintId(complaintId));
        } catch (IllegalArgumentException e) {
            throw new NoSuchPage();
        }
    }
}
