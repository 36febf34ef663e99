package org.abusedesk.inbound;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.Language;
import org.abusedesk.complaint.ReportFormat;
import org.apache.james.mime4j.dom.address.Mailbox;

/**
 * Reads an inbound mail into what it is and the reported messages it carries: an ARF report's third part, X-ARF
 * evidence, attached messages (also forwards of forwards), an inline forward, or the mail itself. Bounded by
 * {@link InboundLimits}: whatever the input, it returns, and says when it stopped early.
 */
public final class MailParser {

    private static final Pattern HEADER_START = Pattern.compile("^[A-Za-z][A-Za-z0-9-]{0,60}[ \\t]*:");
    private static final Pattern GERMAN = Pattern.compile(
            "(?iu)(?:^|\\s)(?:ich|nicht|und|bitte|sehr geehrte|hallo|diese|keine|habe|wurde|weitergeleitete|betreff|wg:)(?:\\s|$)");
    private static final Pattern PROVIDER_WITHOUT_REPORT_PART =
            Pattern.compile("(?i)^\\s*complaint about message from\\b");

    private final InboundLimits limits;
    private final ResolutionProfile profile;

    public MailParser(InboundLimits limits, ResolutionProfile profile) {
        this.limits = Objects.requireNonNull(limits, "limits == null");
        this.profile = Objects.requireNonNull(profile, "profile == null");
    }

    public ParsedMail parse(byte[] mail) {
        Objects.requireNonNull(mail, "mail == null");
        var budget = new ParseBudget(limits);
        byte[] raw = mail;
        if (raw.length > limits.maxBytes()) {
            raw = Arrays.copyOf(raw, (int) limits.maxBytes());
            budget.markTruncated();
        }
        raw = withLineFeeds(raw);
        var reader = new MimeReader(budget);
        MimeEntity root = reader.read(raw, 0, false);
        var headers = root.headers();
        String subject = headers.decoded("Subject").map(String::strip).orElse("");
        var sender = sender(headers);
        var body = Body.of(root, limits.maxTextChars());
        var walk = new Walk(reader, budget);

        Classification classification;
        List<ReportedMessage> reports;
        String typed = body.text();
        var feedback = findFirst(root, e -> e.mimeType().equals("message/feedback-report"));
        boolean providerReport = feedback.isEmpty()
                && PROVIDER_WITHOUT_REPORT_PART.matcher(subject).find()
                && findFirst(root, MailParser::isMessagePart).isPresent();
        if (feedback.isPresent() || providerReport) {
            var feedbackType = feedback.flatMap(f -> reportFields(f).first("Feedback-Type"))
                    .map(t -> t.strip().toLowerCase(Locale.ROOT));
            reports = List.of(walk.arf(root, feedbackType));
            classification = Classifier.ofFeedbackType(feedbackType);
        } else if (Classifier.isBounce(root, sender.map(Mailbox::getAddress), subject)) {
            classification = Classification.BOUNCE;
            reports = walk.returned(root, body);
        } else if (Classifier.isDmarcAggregate(root, subject)) {
            // Statistics, not a report of a message: kept as they came, never read for a Mailing ID.
            classification = Classification.DMARC_AGGREGATE;
            reports = List.of(ReportedMessage.nothingFound(ReportFormat.TEXT, Optional.empty()));
        } else {
            var xarf = walk.xarf(root, body);
            if (!xarf.isEmpty()) {
                classification = Classification.COMPLAINT;
                reports = xarf;
            } else {
                reports = walk.attached(root, ReportFormat.ATTACHED_MESSAGE);
                if (reports.isEmpty()) {
                    var forward = InlineForward.find(body.text());
                    if (forward.isPresent()) {
                        typed = forward.get().typed();
                        reports = List.of(inline(forward.get(), body));
                    } else {
                        reports = List.of(text(body));
                    }
                }
                boolean carriesOriginal = reports.get(0).format() != ReportFormat.TEXT;
                if (Classifier.isUnsubscribe(headers, subject, carriesOriginal)) {
                    classification = Classification.UNSUBSCRIBE;
                } else if (Classifier.isAutoReply(headers, subject)) {
                    classification = Classification.AUTO_REPLY;
                } else {
                    classification = Classification.COMPLAINT;
                }
            }
        }
        return new ParsedMail(
                classification,
                headers,
                sender.map(Mailbox::getAddress),
                sender.map(Mailbox::getName).filter(n -> n != null && !n.isBlank()),
                subject,
                typed.strip(),
                GERMAN.matcher(subject + "\n" + typed).find() ? Language.DE : Language.EN,
                reports,
                budget.truncated());
    }

    private ReportedMessage inline(InlineForward forward, Body body) {
        String text = forward.body();
        return new ReportedMessage(
                ReportFormat.INLINE_FORWARD,
                MailHeaders.NONE,
                PastedHeaders.find(text, profile.headerNames()),
                forward.headers(),
                text,
                body.links(),
                Optional.empty(),
                Optional.empty());
    }

    private ReportedMessage text(Body body) {
        return new ReportedMessage(
                ReportFormat.TEXT,
                MailHeaders.NONE,
                PastedHeaders.find(body.text(), profile.headerNames()),
                MailHeaders.NONE,
                body.text(),
                body.links(),
                Optional.empty(),
                Optional.empty());
    }

    /** Finds the reported messages inside a mail, reading attached messages one level deeper each. */
    private final class Walk {

        private final MimeReader reader;
        private final ParseBudget budget;

        Walk(MimeReader reader, ParseBudget budget) {
            this.reader = reader;
            this.budget = budget;
        }

        /** An ARF report's reported message: its third part, a full message or headers only. */
        ReportedMessage arf(MimeEntity root, Optional<String> feedbackType) {
            var original = findFirst(root, e -> isMessagePart(e) || isHeadersPart(e));
            if (original.isEmpty()) {
                return ReportedMessage.nothingFound(ReportFormat.ARF, feedbackType);
            }
            var message = leaf(original.get().content(), original.get().depth() + 1, ReportFormat.ARF);
            return new ReportedMessage(
                    ReportFormat.ARF,
                    message.headers(),
                    message.pastedHeaders(),
                    message.forwardedHeaders(),
                    message.text(),
                    message.links(),
                    isHeadersPart(original.get()) ? Optional.empty() : message.raw(),
                    feedbackType);
        }

        /** A bounce's returned message, or the bounce itself when it returned none. */
        List<ReportedMessage> returned(MimeEntity root, Body body) {
            var original = findFirst(root, e -> isMessagePart(e) || isHeadersPart(e));
            if (original.isEmpty()) {
                return List.of(text(body));
            }
            return List.of(leaf(original.get().content(), original.get().depth() + 1, ReportFormat.ATTACHED_MESSAGE));
        }

        /** X-ARF v4: the JSON report as an attachment or as the body, each message of its evidence a report. */
        List<ReportedMessage> xarf(MimeEntity root, Body body) {
            Optional<XarfReport> report = XarfReport.parse(body.text());
            if (report.isEmpty()) {
                report = findFirst(
                                root,
                                e -> e.mimeType().equals("application/json")
                                        || e.fileName()
                                                .map(n -> n.toLowerCase(Locale.ROOT)
                                                        .endsWith(".json"))
                                                .orElse(false))
                        .flatMap(json -> XarfReport.parse(new String(json.content(), StandardCharsets.UTF_8)));
            }
            if (report.isEmpty()) {
                return List.of();
            }
            var reports = new ArrayList<ReportedMessage>();
            for (byte[] message : report.get().messages()) {
                reports.addAll(originals(message, root.depth() + 1, ReportFormat.XARF));
            }
            if (reports.isEmpty()) {
                reports.add(ReportedMessage.nothingFound(ReportFormat.XARF, Optional.empty()));
            }
            return reports;
        }

        /** Every message attached to this one, each as deep as forwards of forwards go. */
        List<ReportedMessage> attached(MimeEntity root, ReportFormat format) {
            var reports = new ArrayList<ReportedMessage>();
            for (MimeEntity entity : entities(root)) {
                if (!budget.timeLeft()) {
                    break;
                }
                if (OutlookMessage.isOne(entity)) {
                    OutlookMessage.read(entity.content(), limits.maxTextChars())
                            .map(msg -> msg.asReport(profile))
                            .ifPresentOrElse(reports::add, budget::markTruncated);
                } else if (isMessagePart(entity) || isMessageFile(entity)) {
                    reports.addAll(originals(entity.content(), entity.depth() + 1, format));
                }
            }
            return reports;
        }

        /** The reported messages in an attached message: the ones attached to it if it is a forward, else itself. */
        private List<ReportedMessage> originals(byte[] message, int depth, ReportFormat format) {
            if (depth > limits.maxDepth()) {
                budget.markTruncated();
                return List.of();
            }
            MimeEntity entity = reader.read(message, depth, true);
            if (entity == null) {
                return List.of();
            }
            boolean ownMailingHeaders = profile.headerNames().stream().anyMatch(entity.headers()::has);
            if (!ownMailingHeaders) {
                var inner = attached(entity, format);
                if (!inner.isEmpty()) {
                    return inner;
                }
            }
            return List.of(report(entity, message, format));
        }

        private ReportedMessage leaf(byte[] message, int depth, ReportFormat format) {
            if (depth > limits.maxDepth()) {
                budget.markTruncated();
                return ReportedMessage.nothingFound(format, Optional.empty());
            }
            MimeEntity entity = reader.read(withLineFeeds(message), depth, true);
            if (entity == null) {
                return ReportedMessage.nothingFound(format, Optional.empty());
            }
            return report(entity, message, format);
        }

        private ReportedMessage report(MimeEntity entity, byte[] raw, ReportFormat format) {
            var body = Body.of(entity, limits.maxTextChars());
            return new ReportedMessage(
                    format,
                    entity.headers(),
                    PastedHeaders.find(body.text(), profile.headerNames()),
                    MailHeaders.NONE,
                    body.text(),
                    body.links(),
                    Optional.of(raw),
                    Optional.empty());
        }
    }

    /** The fields of a message/feedback-report part: a header block as its body. */
    private MailHeaders reportFields(MimeEntity feedback) {
        var fields = new ArrayList<MailHeaders.Field>();
        String text = new String(feedback.content(), StandardCharsets.UTF_8);
        for (String line : text.replace("\r\n", "\n").split("\n", 200)) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith(" ") && !line.startsWith("\t")) {
                fields.add(new MailHeaders.Field(
                        line.substring(0, colon).strip(),
                        line.substring(colon + 1).strip()));
            }
        }
        return new MailHeaders(fields);
    }

    /** Entities of the tree in document order, without going into attached messages (they are read apart). */
    static List<MimeEntity> entities(MimeEntity root) {
        var all = new ArrayList<MimeEntity>();
        Deque<MimeEntity> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            var entity = pending.pop();
            all.add(entity);
            var parts = entity.parts();
            for (int i = parts.size() - 1; i >= 0; i--) {
                pending.push(parts.get(i));
            }
        }
        return all;
    }

    static Optional<MimeEntity> findFirst(MimeEntity root, Predicate<MimeEntity> test) {
        return entities(root).stream().filter(test).findFirst();
    }

    static boolean isMessagePart(MimeEntity entity) {
        return entity.mimeType().equals("message/rfc822") || entity.mimeType().equals("message/global");
    }

    static boolean isHeadersPart(MimeEntity entity) {
        String type = entity.mimeType();
        return type.equals("text/rfc822-headers")
                || type.equals("text/rfc822-header")
                || type.equals("message/rfc822-headers")
                || type.equals("message/global-headers");
    }

    /** An attached .eml, or an octet stream that starts like a message. */
    private static boolean isMessageFile(MimeEntity entity) {
        if (entity.isMultipart() || entity.content().length == 0) {
            return false;
        }
        boolean eml = entity.fileName()
                .map(n -> n.toLowerCase(Locale.ROOT).endsWith(".eml"))
                .orElse(false);
        return eml || entity.mimeType().equals("application/octet-stream") && startsLikeMessage(entity.content());
    }

    static boolean startsLikeMessage(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.ISO_8859_1);
        String[] lines = head.replace("\r\n", "\n").split("\n", 40);
        int fields = 0;
        for (String line : lines) {
            if (line.isEmpty()) {
                break;
            }
            if (HEADER_START.matcher(line).lookingAt()) {
                fields++;
            } else if (!line.startsWith(" ") && !line.startsWith("\t")) {
                return false;
            }
        }
        return fields >= 2;
    }

    private static Optional<Mailbox> sender(MailHeaders headers) {
        return FromAddress.of(headers.all("From"));
    }

    /** Mail with CR alone as line end (old Mac clients) gets CRLF, which the MIME parser reads. */
    static byte[] withLineFeeds(byte[] raw) {
        int scan = Math.min(raw.length, 64 * 1024);
        boolean cr = false;
        for (int i = 0; i < scan; i++) {
            if (raw[i] == '\n') {
                return raw;
            }
            cr |= raw[i] == '\r';
        }
        if (!cr) {
            return raw;
        }
        var out = new java.io.ByteArrayOutputStream(raw.length + raw.length / 20);
        for (byte b : raw) {
            out.write(b);
            if (b == '\r') {
                out.write('\n');
            }
        }
        return out.toByteArray();
    }
}
