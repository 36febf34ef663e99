package org.abusedesk.outgoing;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.complaint.Language;
import org.apache.james.mime4j.dom.address.Mailbox;

/**
 * Composes what the desk writes about a case outside the abuse team: the notice and follow-ups to the sending
 * customer, with the Reply-To that threads its answer into the case, and the outcome told to the complainant.
 *
 * <p>Every text here is the desk's own, or a person's of the abuse team: neither the complainant's message nor the
 * customer's reply is ever quoted, so that nobody can have the desk carry their words to somebody else.
 */
public final class CustomerMailComposer {

    /** What a notice shows, formatted for its language; empty strings where there is nothing to show. */
    public record NoticeView(
            Language language,
            String greeting,
            String mailingId,
            String mailingSubject,
            String sentAt,
            String recipients,
            long complaints,
            String rate,
            String status,
            String escalatedTo,
            String watchRate,
            String flaggedRate,
            String pausedRate,
            long pausedMinVerified,
            String window,
            String reference,
            String channel,
            String receivedAt,
            String disclosedAddress,
            boolean evidenceSupplied,
            String due) {}

    /** The predefined follow-ups a person may send, beside their own words. */
    public enum FollowUp {
        /** No answer yet: the request again, with a new date. */
        REMINDER,
        /** The answer came, but its evidence does not show a confirmed opt-in. */
        EVIDENCE_INCOMPLETE,
        /** The person's own words. */
        FREE_TEXT
    }

    /** What a follow-up shows. */
    public record FollowUpView(
            Language language,
            FollowUp kind,
            String greeting,
            String mailingId,
            String reference,
            String text,
            String due) {}

    /** What the complainant is told of a case's outcome, from the desk's templates only. */
    public enum Outcome {
        ASKED_SENDER,
        SENDER_PAUSED,
        NO_FAULT
    }

    /** What the outcome mail shows: only what the desk made or validated. */
    public record OutcomeView(Language language, Outcome outcome, String reference, String mailingId) {}

    /** A composed mail with its subject and text as the thread keeps them. */
    public record Written(OutgoingMail mail, String subject, String text) {}

    private final Mailbox sender;

    public CustomerMailComposer(String senderAddress) {
        this.sender = MimeMail.mailbox("senderAddress", senderAddress);
    }

    /** The notice to the customer's contact; replies to {@code replyTo} come back into the case. */
    public Written notice(String contactAddress, String replyTo, NoticeView view) {
        String subject = switch (view.language()) {
            case DE -> "Beschwerde zu Ihrem Mailing " + view.mailingId() + " (Vorgang " + view.reference() + ")";
            case EN -> "Complaint about your mailing " + view.mailingId() + " (case " + view.reference() + ")";
        };
        return written(
                sender,
                contactAddress,
                Optional.of(replyTo),
                subject,
                "<notice." + view.reference() + "." + System.nanoTime() + "@abuse-desk>",
                List.of(
                        // RFC 3834: sent by the desk by itself; auto-responders keep quiet, people still answer.
                        Map.entry("Auto-Submitted", "auto-generated"),
                        Map.entry("X-Abuse-Desk-Reference", view.reference())),
                NotificationComposer.render(NotificationComposer.TEXT, template("notice", view.language()), view));
    }

    /** A person's follow-up to the customer's contact. */
    public Written followUp(String contactAddress, String replyTo, FollowUpView view) {
        Objects.requireNonNull(view, "view == null");
        String subject = switch (view.language()) {
            case DE -> "Ihr Mailing " + view.mailingId() + ": Rückfrage zum Vorgang " + view.reference();
            case EN -> "Your mailing " + view.mailingId() + ": follow-up on case " + view.reference();
        };
        return written(
                sender,
                contactAddress,
                Optional.of(replyTo),
                subject,
                "<follow-up." + view.reference() + "." + System.nanoTime() + "@abuse-desk>",
                List.of(Map.entry("X-Abuse-Desk-Reference", view.reference())),
                NotificationComposer.render(NotificationComposer.TEXT, template("follow-up", view.language()), view));
    }

    /** The outcome, to the complainant who was acknowledged. */
    public Written outcome(String complainantAddress, OutcomeView view) {
        String subject = switch (view.language()) {
            case DE -> "Ihre Beschwerde: Ergebnis (Vorgang " + view.reference() + ")";
            case EN -> "Your complaint: outcome (case " + view.reference() + ")";
        };
        return written(
                sender,
                complainantAddress,
                Optional.empty(),
                subject,
                "<outcome." + view.reference() + "@abuse-desk>",
                List.of(
                        Map.entry("Auto-Submitted", "auto-generated"),
                        Map.entry("X-Abuse-Desk-Reference", view.reference())),
                NotificationComposer.render(NotificationComposer.TEXT, template("outcome", view.language()), view));
    }

    private static Written written(
            Mailbox sender,
            String to,
            Optional<String> replyTo,
            String subject,
            String messageId,
            List<Map.Entry<String, String>> headers,
            String text) {
        var mail = MimeMail.writeText(
                sender,
                AcknowledgementComposer.recipient(to),
                replyTo.map(address -> MimeMail.mailbox("replyTo", address)),
                subject,
                messageId,
                headers,
                text);
        return new Written(mail, subject, text);
    }

    private static String template(String name, Language language) {
        return name + "-" + language.name().toLowerCase(Locale.ROOT) + ".jte";
    }
}
