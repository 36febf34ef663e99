package org.abusedesk.evidence;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * A recipient's opt-in as the sending platform recorded it: where the address came from, when it was entered and
 * confirmed, from which IP and browser, and the consent given. Personal data: kept with the complaint, erased with it,
 * never logged. The answer's schema is {@code docs/events/OptInRecord.schema.json}.
 *
 * @param sourceType how the address came in: through a form, or by an import
 * @param source the form's URL, or the import's name
 */
public record OptInRecord(
        SourceType sourceType,
        String source,
        Instant optedInAt,
        Optional<Instant> confirmedAt,
        Optional<String> ip,
        Optional<String> userAgent,
        Optional<String> consentText,
        Optional<String> consentVersion) {

    /** How the address came into the customer's list. */
    public enum SourceType {
        /** Entered in a sign-up form: {@code source} is the form's URL. */
        FORM,
        /** Imported: {@code source} names the import. */
        IMPORT
    }

    /** The longest answer read: a record is a few hundred bytes, a consent text a few kilobytes. */
    public static final int MAX_ANSWER_BYTES = 64 * 1024;

    static final int MAX_SOURCE = 2048;
    static final int MAX_IP = 45;
    static final int MAX_USER_AGENT = 1024;
    static final int MAX_CONSENT_TEXT = 16 * 1024;
    static final int MAX_CONSENT_VERSION = 256;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    static {
        JSON.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(8)
                        .maxStringLength(MAX_ANSWER_BYTES)
                        .build());
    }

    public OptInRecord {
        Objects.requireNonNull(sourceType, "sourceType == null");
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(optedInAt, "optedInAt == null");
        Objects.requireNonNull(confirmedAt, "confirmedAt == null");
        Objects.requireNonNull(ip, "ip == null");
        Objects.requireNonNull(userAgent, "userAgent == null");
        Objects.requireNonNull(consentText, "consentText == null");
        Objects.requireNonNull(consentVersion, "consentVersion == null");
    }

    /**
     * The record of a platform's answer.
     *
     * @throws MalformedAnswerException naming the field, never its value, when the answer does not follow the schema
     */
    public static OptInRecord parse(byte[] answer) {
        if (answer.length > MAX_ANSWER_BYTES) {
            throw new MalformedAnswerException("answer longer than " + MAX_ANSWER_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = JSON.readTree(answer);
        } catch (IOException e) {
            throw new MalformedAnswerException("answer is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedAnswerException("answer is not a JSON object");
        }
        if (!root.path("version").isInt() || root.get("version").intValue() != 1) {
            throw new MalformedAnswerException("version is not 1");
        }
        SourceType type;
        try {
            type = SourceType.valueOf(text(root, "sourceType", 16).orElseThrow(() -> missing("sourceType")));
        } catch (IllegalArgumentException e) {
            throw new MalformedAnswerException("sourceType is neither FORM nor IMPORT");
        }
        String source = text(root, "source", MAX_SOURCE).orElseThrow(() -> missing("source"));
        if (type == SourceType.FORM && !source.startsWith("https://") && !source.startsWith("http://")) {
            throw new MalformedAnswerException("source of a FORM is not an http(s) URL");
        }
        var ip = text(root, "ip", MAX_IP);
        if (ip.isPresent() && !ipLiteral(ip.get())) {
            throw new MalformedAnswerException("ip is not an IPv4 or IPv6 address");
        }
        var consentText = text(root, "consentText", MAX_CONSENT_TEXT);
        var consentVersion = text(root, "consentVersion", MAX_CONSENT_VERSION);
        return new OptInRecord(
                type,
                source,
                instant(root, "optedInAt").orElseThrow(() -> missing("optedInAt")),
                instant(root, "confirmedAt"),
                ip,
                text(root, "userAgent", MAX_USER_AGENT),
                consentText,
                consentVersion);
    }

    private static MalformedAnswerException missing(String field) {
        return new MalformedAnswerException(field + " is missing");
    }

    /** A string field: absent or null is empty; another type, a blank or an over-long one is malformed. */
    private static Optional<String> text(JsonNode root, String field, int max) {
        var node = root.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual() || node.textValue().isBlank()) {
            throw new MalformedAnswerException(field + " is not a non-blank string");
        }
        String value = node.textValue().strip();
        if (value.length() > max || hasControl(value, field.equals("consentText"))) {
            throw new MalformedAnswerException(
                    field + " is longer than " + max + " characters or holds control characters");
        }
        return Optional.of(value);
    }

    private static Optional<Instant> instant(JsonNode root, String field) {
        return text(root, field, 40).map(value -> {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new MalformedAnswerException(field + " is not an ISO 8601 UTC time");
            }
        });
    }

    /** Line breaks only in a consent text, which is prose; nowhere a character that could forge a line or a header. */
    private static boolean hasControl(String value, boolean linesAllowed) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean control = c < ' ' || c == 0x7f || c == '\u2028' || c == '\u2029';
            if (control && !(linesAllowed && (c == '\n' || c == '\r' || c == '\t'))) {
                return true;
            }
        }
        return false;
    }

    /** An IPv4 dotted quad or an IPv6 literal, checked by hand: InetAddress would look a host name up. */
    static boolean ipLiteral(String value) {
        if (value.indexOf(':') >= 0) {
            int groups = 0;
            for (String group : value.split(":", -1)) {
                groups++;
                if (group.isEmpty()) {
                    continue;
                }
                if (group.length() > 4 || !group.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                    return false;
                }
            }
            boolean compressed = value.contains("::");
            return groups >= 3 && groups <= 9 && (compressed || groups == 8) && !value.contains(":::");
        }
        String[] octets = value.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return false;
            }
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        // Never the IP, the browser or the consent text: a record in a log line is personal data in the log.
        return "OptInRecord[" + sourceType + "]";
    }
}
