package org.abusedesk.console.pages;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.abusedesk.cases.AddNote;
import org.abusedesk.cases.CaseActionRefusedException;
import org.abusedesk.cases.CaseClosure;
import org.abusedesk.cases.CaseFile;
import org.abusedesk.cases.CaseStateException;
import org.abusedesk.cases.CaseView;
import org.abusedesk.cases.CloseCase;
import org.abusedesk.cases.ExportCase;
import org.abusedesk.cases.SendFollowUp;
import org.abusedesk.cases.StoredEvidence;
import org.abusedesk.cases.TellOutcome;
import org.abusedesk.cases.ViewCase;
import org.abusedesk.complaint.ComplaintId;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.MailProvenance;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.console.ConsoleRequest;
import org.abusedesk.console.ConsoleResponse;
import org.abusedesk.inbound.MailParser;
import org.abusedesk.inbound.ReportedMessage;
import org.abusedesk.outgoing.CustomerMailComposer.FollowUp;
import org.abusedesk.outgoing.CustomerMailComposer.Outcome;
import org.abusedesk.people.Actor;
import org.abusedesk.thread.ThreadEntry;

/**
 * A case's page with its thread, its downloads (raw mail, X-ARF, CSA bundle), its resolve and dismiss forms (with
 * the outcome told to the complainant), and its follow-up and note forms.
 */
final class CasePages {

    /** The notices a case page shows after a redirect, by the query's {@code notice}: nothing else is shown. */
    static final List<String> NOTICES = List.of("outcome-told", "outcome-refused");

    /** Longer than any name of a choice: what a select sends is compared only after this gate. */
    private static final int MAX_CHOICE_CHARS = 32;

    private static final int MAX_DAYS_CHARS = 3;

    private final ViewCase viewCase;
    private final CloseCase closeCase;
    private final SendFollowUp sendFollowUp;
    private final AddNote addNote;
    private final TellOutcome tellOutcome;
    private final int answerDays;
    private final Clock clock;
    private final ExportCase exportCase;
    private final StoredEvidence evidence;
    private final MailParser parser;
    private final long maxBytes;

    CasePages(ConsoleUseCases useCases) {
        this.viewCase = useCases.viewCase();
        this.closeCase = useCases.closeCase();
        this.sendFollowUp = useCases.sendFollowUp();
        this.addNote = useCases.addNote();
        this.tellOutcome = useCases.tellOutcome();
        this.answerDays = useCases.customerAnswerDays();
        this.clock = useCases.clock();
        this.exportCase = useCases.exportCase();
        this.evidence = useCases.evidence();
        this.parser = new MailParser(useCases.limits(), useCases.profile());
        this.maxBytes = useCases.limits().maxBytes();
    }

    ConsoleResponse show(ConsoleRequest request, String mailingId, String complaintId) {
        var view = viewCase.view(key(mailingId, complaintId));
        var notice = request.query("notice")
                .filter(NOTICES::contains)
                .map(name -> PageText.of(request.language()).get("case.notice." + name));
        return page(request, 200, view, Optional.empty(), notice);
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
        String told = request.field("outcome").orElse("");
        var typed = Map.of("note", note, "outcome", told);
        var t = PageText.of(request.language());
        if (note.isBlank()) {
            return again(request, key, action, "note", t.get("case.note.required"), typed);
        }
        if (note.length() > CaseClosure.MAX_NOTE_CHARS) {
            return again(request, key, action, "note", t.get("case.note.tooLong", CaseClosure.MAX_NOTE_CHARS), typed);
        }
        var outcome = Optional.<Outcome>empty();
        if (!told.isEmpty()) {
            outcome = choice(told, Outcome.class);
            if (outcome.isEmpty()) {
                return again(request, key, action, "outcome", t.get("case.choice.invalid"), typed);
            }
        }
        var actor = Actors.of(request.person());
        try {
            closing.close(key, actor, note);
        } catch (IllegalArgumentException e) {
            // The note is checked above: what is left is the actor, which is the sign-in's, not the person's typing.
            return Problems.of(request, 400, List.of(t.get("case.actor.invalid")), Links.aCase(key));
        }
        if (outcome.isEmpty()) {
            return ConsoleResponse.seeOther(Links.aCase(key));
        }
        try {
            tellOutcome.tell(key, actor, outcome.get());
        } catch (CaseActionRefusedException | CaseStateException e) {
            // The case is closed either way: the person learns on its page that nobody was written to.
            return ConsoleResponse.seeOther(Links.aCase(key) + "?notice=outcome-refused");
        }
        return ConsoleResponse.seeOther(Links.aCase(key) + "?notice=outcome-told");
    }

    /** A follow-up to the case's sending customer: a template or the person's words, and the days to answer. */
    ConsoleResponse followUp(ConsoleRequest request, String mailingId, String complaintId) {
        var key = key(mailingId, complaintId);
        String kindTyped = request.field("kind").orElse("");
        String text = request.field("text").orElse("");
        String daysTyped = request.field("days").orElse("").strip();
        var typed = Map.of("kind", kindTyped, "text", text, "days", daysTyped);
        var t = PageText.of(request.language());
        var kind = choice(kindTyped, FollowUp.class);
        if (kind.isEmpty()) {
            return again(request, key, "followup", "kind", t.get("case.choice.invalid"), typed);
        }
        if (kind.get() == FollowUp.FREE_TEXT && text.isBlank()) {
            return again(request, key, "followup", "text", t.get("case.followUp.text.required"), typed);
        }
        if (kind.get() == FollowUp.FREE_TEXT && text.length() > SendFollowUp.MAX_TEXT_CHARS) {
            return again(
                    request,
                    key,
                    "followup",
                    "text",
                    t.get("case.followUp.text.tooLong", SendFollowUp.MAX_TEXT_CHARS),
                    typed);
        }
        var days = days(daysTyped);
        if (days.isEmpty()) {
            String message = t.get("case.followUp.days.invalid", SendFollowUp.MIN_DAYS, SendFollowUp.MAX_DAYS);
            return again(request, key, "followup", "days", message, typed);
        }
        try {
            sendFollowUp.send(key, Actors.of(request.person()), kind.get(), text, days.get());
        } catch (CaseActionRefusedException e) {
            return Problems.of(request, 409, List.of(t.get("case.followUp.refused")), Links.aCase(key));
        } catch (IllegalArgumentException e) {
            // The fields are checked above: what is left is the actor, which is the sign-in's.
            return Problems.of(request, 400, List.of(t.get("case.actor.invalid")), Links.aCase(key));
        }
        return ConsoleResponse.seeOther(Links.aCase(key));
    }

    /** A note of the team in the case's thread, never sent. */
    ConsoleResponse note(ConsoleRequest request, String mailingId, String complaintId) {
        var key = key(mailingId, complaintId);
        String note = request.field("note").orElse("");
        var typed = Map.of("note", note);
        var t = PageText.of(request.language());
        if (note.isBlank()) {
            return again(request, key, "note", "note", t.get("case.note.required"), typed);
        }
        if (note.length() > AddNote.MAX_TEXT_CHARS) {
            return again(request, key, "note", "note", t.get("case.note.tooLong", AddNote.MAX_TEXT_CHARS), typed);
        }
        try {
            addNote.add(key, Actors.of(request.person()), note);
        } catch (IllegalArgumentException e) {
            return Problems.of(request, 400, List.of(t.get("case.actor.invalid")), Links.aCase(key));
        }
        return ConsoleResponse.seeOther(Links.aCase(key));
    }

    /** One of an enum's names as a select sends it; anything else, however long, is none. */
    private static <E extends Enum<E>> Optional<E> choice(String value, Class<E> type) {
        if (value.length() > MAX_CHOICE_CHARS) {
            return Optional.empty();
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    /** The days to answer: a few digits, within what a follow-up allows. */
    private static Optional<Integer> days(String value) {
        if (value.isEmpty() || value.length() > MAX_DAYS_CHARS || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int days = Integer.parseInt(value);
        return days < SendFollowUp.MIN_DAYS || days > SendFollowUp.MAX_DAYS ? Optional.empty() : Optional.of(days);
    }

    /** The case again, 400, with the form's error next to its field and what was typed in the form. */
    private ConsoleResponse again(
            ConsoleRequest request,
            ComplaintKey key,
            String form,
            String field,
            String message,
            Map<String, String> typed) {
        var view = viewCase.view(key);
        return page(
                request,
                400,
                view,
                Optional.of(new CasePageView.FormError(form, field, message, typed)),
                Optional.empty());
    }

    private ConsoleResponse page(
            ConsoleRequest request,
            int status,
            CaseView caseView,
            Optional<CasePageView.FormError> formError,
            Optional<String> notice) {
        var t = PageText.of(request.language());
        var file = caseView.file();
        String title = t.get("case.title", file.complaint().id().value());
        var frame = Frame.of(request, status == 200 ? title : t.get("page.error") + ": " + title, "cases");
        var view = new CasePageView(
                frame,
                file,
                reported(file),
                downloadable(file).isPresent(),
                thread(t, caseView),
                formError,
                notice,
                answerDays,
                clock.instant());
        return Templates.page(status, "case.jte", view);
    }

    /** The thread's entries with the platform's opt-in answer placed at its time, oldest first. */
    static List<CasePageView.ThreadItem> thread(PageText t, CaseView caseView) {
        var items = new ArrayList<CasePageView.ThreadItem>();
        for (var entry : caseView.thread()) {
            items.add(item(t, entry));
        }
        caseView.file()
                .optInEvidence()
                .ifPresent(o -> items.add(new CasePageView.ThreadItem(
                        "OPT_IN",
                        o.at(),
                        t.get("case.thread.platform"),
                        Optional.empty(),
                        t.get("case.optIn") + ": " + t.name("optIn", o.status()),
                        o.reason(),
                        Optional.empty(),
                        false,
                        false)));
        // A stable sort: entries of the same moment stay in the thread's own order.
        items.sort(Comparator.comparing(CasePageView.ThreadItem::at));
        return items;
    }

    private static CasePageView.ThreadItem item(PageText t, ThreadEntry entry) {
        String who = entry.actor().map(Actor::name).orElseGet(() -> {
            if (entry.kind() != ThreadEntry.Kind.REPLY) {
                return t.get("case.thread.desk");
            }
            // An erased reply keeps no address: it was still the customer's.
            return entry.counterpart().isEmpty() ? t.get("case.thread.customer") : entry.counterpart();
        });
        var to = entry.kind().toCustomer() && !entry.counterpart().isEmpty()
                ? Optional.of(entry.counterpart())
                : Optional.<String>empty();
        return new CasePageView.ThreadItem(
                entry.kind().name(),
                entry.at(),
                who,
                to,
                entry.subject(),
                entry.text(),
                entry.dueAt(),
                entry.automatic(),
                entry.kind() == ThreadEntry.Kind.NOTE);
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
