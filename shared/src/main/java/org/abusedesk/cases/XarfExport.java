package org.abusedesk.cases;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.registration.Mailing;

/**
 * A case as an X-ARF v4 report: category {@code messaging}, type {@code spam}, protocol {@code smtp}, the ESP's
 * abuse desk as reporter and sender, the reported message as evidence.
 *
 * <p>Of the complainant it carries nothing of what the complaint stored (address, name, message); the reported
 * message goes as it was received, as X-ARF evidence is meant to, and is left out for a quarantined mail.
 */
final class XarfExport {

    static final String VERSION = "4.0.0";
    /** X-ARF's limit for one evidence item. */
    static final int MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;
    /**
     * The port of the ESP's outbound SMTP service. X-ARF requires a source port for SMTP; the client port our server
     * used is not known to the desk, and X-ARF's own spam example gives 25 as well.
     */
    static final int SMTP_PORT = 25;

    private static final int MAX_SUBJECT_CHARS = 500;
    private static final int MAX_MESSAGE_ID_CHARS = 200;
    private static final Pattern IP_LITERAL = Pattern.compile("\\[(?:IPv6:)?([0-9A-Fa-f:.]+)\\]");
    private static final Pattern IPV4 = Pattern.compile("(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
            + "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}");

    private XarfExport() {}

    /** @throws CaseNotExportableException when no sender address is known, which X-ARF requires for SMTP */
    static ObjectNode report(
            CaseFile file, Optional<Mailing> mailing, Optional<ReportedOriginal> original, AbuseDeskContact desk) {
        var complaint = file.complaint();
        String smtpFrom = original.flatMap(ReportedOriginal::senderAddress)
                .or(() -> mailing.flatMap(Mailing::sender))
                .orElseThrow(() -> new CaseNotExportableException(
                        complaint.key(),
                        "no sender address: neither the reported message nor the mailing registry names one"));

        var report = JsonNodeFactory.instance.objectNode();
        report.put("xarf_version", VERSION);
        report.put("report_id", reportId(complaint.key()).toString());
        report.put("timestamp", incidentTime(file, mailing, original).toString());
        contact(report.putObject("reporter"), desk);
        contact(report.putObject("sender"), desk);
        report.put(
                "source_identifier", original.flatMap(XarfExport::sendingServer).orElse(domainOf(smtpFrom)));
        report.put("source_port", SMTP_PORT);
        report.put("category", "messaging");
        report.put("type", "spam");
        report.put("evidence_source", "user_complaint");
        report.put("protocol", "smtp");
        report.put("smtp_from", smtpFrom);
        original.flatMap(o -> o.headers().decoded("Subject"))
                .map(String::strip)
                .or(() -> mailing.flatMap(Mailing::subject))
                .filter(subject -> !subject.isEmpty())
                .ifPresent(subject -> report.put("subject", cut(subject, MAX_SUBJECT_CHARS)));
        original.flatMap(o -> o.headers().first("Message-ID"))
                .map(String::strip)
                .filter(id -> !id.isEmpty() && id.length() <= MAX_MESSAGE_ID_CHARS)
                .ifPresent(id -> report.put("message_id", id));
        mailing.flatMap(m ->
                        m.recipients().isPresent() ? Optional.of(m.recipients().getAsLong()) : Optional.empty())
                .filter(count -> count >= 1)
                .ifPresent(count -> report.put("recipient_count", count));
        report.put(
                "description",
                "Recipient complaint " + complaint.id() + " about mailing " + complaint.mailingId() + ", received "
                        + complaint.receivedAt().truncatedTo(ChronoUnit.SECONDS) + " by "
                        + (complaint.channel() == Channel.FORM ? "web form" : "mail"));
        var evidence = report.putArray("evidence");
        if (!complaint.attribution().quarantined()) {
            original.flatMap(o -> o.message().raw())
                    .filter(raw -> raw.length <= MAX_EVIDENCE_BYTES)
                    .ifPresent(raw -> evidence.addObject()
                            .put("content_type", "message/rfc822")
                            .put("description", "The reported message, as the complaint carried it")
                            .put("payload", Base64.getEncoder().encodeToString(raw))
                            .put("hash", "sha256:" + HexFormat.of().formatHex(sha256(raw)))
                            .put("size", raw.length));
        }
        return report;
    }

    /**
     * A UUID in the layout of version 4, derived from the complaint's key: exporting a case again gives the same
     * report id, so that a receiver sees the same incident once.
     */
    static UUID reportId(ComplaintKey key) {
        byte[] hash = sha256(("xarf:" + key.mailingId() + "/" + key.complaintId()).getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x40);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        var bytes = ByteBuffer.wrap(hash);
        return new UUID(bytes.getLong(), bytes.getLong());
    }

    /** When the spam was sent: the registry's send time, else the reported message's date, else its receipt. */
    private static Instant incidentTime(CaseFile file, Optional<Mailing> mailing, Optional<ReportedOriginal> original) {
        return mailing.map(Mailing::sentAt)
                .or(() -> original.flatMap(o -> o.headers().first("Date")).flatMap(XarfExport::date))
                .orElse(file.complaint().receivedAt())
                .truncatedTo(ChronoUnit.SECONDS);
    }

    private static Optional<Instant> date(String value) {
        String plain = value.replaceAll("\\([^)]*\\)", " ").strip().replaceAll("\\s+", " ");
        try {
            return Optional.of(ZonedDateTime.parse(plain, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The address of the server that handed the message to the recipient's provider: the IP literal in the
     * {@code from} clause of the topmost {@code Received} field, which the receiving side wrote.
     */
    static Optional<String> sendingServer(ReportedOriginal original) {
        return original.headers().first("Received").flatMap(received -> {
            int by = received.toLowerCase(Locale.ROOT).indexOf(" by ");
            var matcher = IP_LITERAL.matcher(by < 0 ? received : received.substring(0, by));
            while (matcher.find()) {
                String ip = matcher.group(1);
                if (IPV4.matcher(ip).matches()
                        || ip.contains(":") && IPV6.matcher(ip).matches()) {
                    return Optional.of(ip);
                }
            }
            return Optional.empty();
        });
    }

    private static String domainOf(String address) {
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    private static void contact(ObjectNode node, AbuseDeskContact desk) {
        node.put("org", desk.organisation());
        node.put("contact", desk.address());
        node.put("domain", desk.domain());
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
