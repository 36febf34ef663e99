package org.abusedesk.inbound;

import java.util.Optional;
import java.util.regex.Pattern;
import org.abusedesk.complaint.Classification;

/**
 * Tells what an inbound mail is, in this order: a feedback-loop report by its Feedback-Type, a delivery status
 * notification, a DMARC aggregate report, an unsubscribe request, an automatic reply; anything else someone sent to
 * complain (or, with nothing that ties it to a mailing, to ask: see {@link MailReader}).
 */
final class Classifier {

    private static final Pattern UNSUBSCRIBE_SUBJECT =
            Pattern.compile("(?i)^\\s*(?:unsubscribe|abmelden|austragen|abbestellen|opt[- ]?out)\\b");
    private static final Pattern AUTO_REPLY_SUBJECT = Pattern.compile(
            "(?i)^\\s*(?:auto(?:matic)?[ -]?(?:reply|response|respons)|autoreply|automatische antwort|abwesenheitsnotiz"
                    + "|out of (?:the )?office|abwesend|away until|i am out of the office|r\u00e9ponse automatique)\\b");
    private static final Pattern BOUNCE_SUBJECT = Pattern.compile(
            "(?i)(?:undeliver|returned mail|delivery status notification|failure notice|delivery failure"
                    + "|mail delivery failed|unzustellbar|nicht zugestellt|delayed mail)");
    /** RFC 7489 7.2.1.1: "Report Domain: <domain> Submitter: <domain>", in any case, possibly after a tag. */
    private static final Pattern AGGREGATE_SUBJECT = Pattern.compile("(?i)\\breport\\s{1,5}domain\\s{0,5}:");

    private static final int MAX_SUBJECT_SCAN = 500;
    private static final Pattern DAEMON = Pattern.compile("(?i)^(?:mailer-daemon|postmaster|mail-daemon)@.+");

    private Classifier() {}

    /** What an ARF report is, by its Feedback-Type (RFC 5965, 6591, 6650); a report without one is a complaint. */
    static Classification ofFeedbackType(Optional<String> feedbackType) {
        return switch (feedbackType.orElse("abuse")) {
            case "abuse", "fraud", "virus" -> Classification.COMPLAINT;
            case "not-spam" -> Classification.NOT_SPAM;
            case "auth-failure", "dmarc" -> Classification.AUTH_FAILURE;
            case "opt-out", "opt-out-list", "unsubscribe" -> Classification.UNSUBSCRIBE;
            default -> Classification.OTHER;
        };
    }

    static boolean isBounce(MimeEntity root, Optional<String> sender, String subject) {
        if (root.contentTypeParameter("report-type").equals("delivery-status")) {
            return true;
        }
        if (MailParser.findFirst(
                        root,
                        e -> e.mimeType().startsWith("message/delivery-status")
                                || e.mimeType().equals("message/global-delivery-status"))
                .isPresent()) {
            return true;
        }
        return sender.filter(s -> DAEMON.matcher(s).matches()).isPresent()
                && BOUNCE_SUBJECT.matcher(subject).find();
    }

    /**
     * A DMARC aggregate report: the subject RFC 7489 gives it, and its XML attached as zip, gzip or plain XML. The
     * subject alone is not enough: a person may quote it.
     */
    static boolean isDmarcAggregate(MimeEntity root, String subject) {
        String head = subject.length() > MAX_SUBJECT_SCAN ? subject.substring(0, MAX_SUBJECT_SCAN) : subject;
        if (!AGGREGATE_SUBJECT.matcher(head).find()) {
            return false;
        }
        return MailParser.findFirst(root, Classifier::isAggregateFile).isPresent();
    }

    private static boolean isAggregateFile(MimeEntity entity) {
        String type = entity.mimeType();
        if (type.equals("application/zip")
                || type.equals("application/x-zip-compressed")
                || type.equals("application/gzip")
                || type.equals("application/x-gzip")
                || type.equals("application/xml")
                || type.equals("text/xml")) {
            return true;
        }
        var name =
                entity.fileName().map(n -> n.toLowerCase(java.util.Locale.ROOT)).orElse("");
        return name.endsWith(".zip") || name.endsWith(".xml.gz") || name.endsWith(".gz") || name.endsWith(".xml");
    }

    /** A mailto unsubscribe (List-Unsubscribe, Apple's and Gmail's buttons): nothing forwarded, only the request. */
    static boolean isUnsubscribe(MailHeaders headers, String subject, boolean carriesOriginal) {
        if (headers.lower("X-Apple-Unsubscribe").equals("true")) {
            return true;
        }
        return !carriesOriginal && UNSUBSCRIBE_SUBJECT.matcher(subject).lookingAt();
    }

    /** RFC 3834's Auto-Submitted, the fields Exchange, Apple and others set, or the subjects they use. */
    static boolean isAutoReply(MailHeaders headers, String subject) {
        String autoSubmitted = headers.lower("Auto-Submitted").strip();
        if (!autoSubmitted.isEmpty() && !autoSubmitted.startsWith("no")) {
            return true;
        }
        if (headers.has("X-Autoreply") || headers.has("X-Autorespond") || headers.has("X-Auto-Reply")) {
            return true;
        }
        String precedence = headers.lower("Precedence").strip();
        if (precedence.equals("auto_reply") || precedence.equals("auto-reply")) {
            return true;
        }
        if (headers.lower("X-Apple-Action").contains("vacation")
                || headers.lower("X-Autogenerated").contains("reply")) {
            return true;
        }
        return AUTO_REPLY_SUBJECT.matcher(subject).lookingAt();
    }
}
