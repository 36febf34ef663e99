package org.abusedesk.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message forwarded inline, as mail clients write it in German and English: what the complainant typed above it,
 * the header block the client wrote (From / Von, Date / Datum / Gesendet, To / An, Subject / Betreff), and the
 * forwarded text.
 *
 * @param typed the text above the forward, which the complainant wrote
 * @param headers the forwarded message's header block, under the RFC 5322 names
 * @param body the forwarded text, quote marks removed
 */
record InlineForward(String typed, MailHeaders headers, String body) {

    private static final Pattern SEPARATOR = Pattern.compile(
            "(?i)^-{2,}\\s*(?:forwarded message|original message|weitergeleitete nachricht|urspr\u00fcngliche nachricht"
                    + "|message transf\u00e9r\u00e9|message d'origine)\\s*-{2,}(.{0,2000})$");
    private static final Pattern INTRODUCTION = Pattern.compile(
            "(?i)^(?:begin forwarded message|anfang der weitergeleiteten (?:nachricht|e-mail)|forwarded message"
                    + "|weitergeleitete nachricht)\\s*:\\s*$");
    private static final Pattern RULE = Pattern.compile("^_{8,}\\s*$");
    private static final Pattern ATTRIBUTION =
            Pattern.compile("(?i)^(?:on|am)\\s.{1,200}\\s(?:wrote|schrieb)(?:\\s.{0,200})?:\\s*$");
    // Possessive around the colon: runs of white space must not be split between neighbouring quantifiers.
    private static final Pattern HEADER_LINE =
            Pattern.compile("^\\*?+\\s*+([^:*\\s][^:*]{0,24}?)\\s*+\\*?+\\s*+:\\s*+\\*?+\\s*+(.{0,2000})$");
    /** A line longer than a header line can be is not tried: the patterns' bounds, plus quote marks and spaces. */
    private static final int MAX_LINE = 2_300;

    private static final int MAX_ATTRIBUTION = 450;
    private static final Pattern QUOTE = Pattern.compile("^(?:[ \t]{0,3}>)+[ \t]?");
    private static final Pattern YAHOO_KEYS =
            Pattern.compile("(?=(?:From|Von|To|An|CC|Cc|Sent|Gesendet|Date|Datum|Subject|Betreff)\\s*:)");

    /** The names clients write, in German and English (and French, which Apple Mail sometimes mixes in). */
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("from", "From"),
            Map.entry("von", "From"),
            Map.entry("de", "From"),
            Map.entry("to", "To"),
            Map.entry("an", "To"),
            Map.entry("\u00e0", "To"),
            Map.entry("cc", "Cc"),
            Map.entry("kopie (cc)", "Cc"),
            Map.entry("kopie", "Cc"),
            Map.entry("date", "Date"),
            Map.entry("datum", "Date"),
            Map.entry("sent", "Date"),
            Map.entry("gesendet", "Date"),
            Map.entry("envoy\u00e9", "Date"),
            Map.entry("subject", "Subject"),
            Map.entry("betreff", "Subject"),
            Map.entry("objet", "Subject"),
            Map.entry("reply-to", "Reply-To"),
            Map.entry("antwort an", "Reply-To"));

    /** The first inline forward in the text, if it has one. */
    static Optional<InlineForward> find(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = unquote(lines[i]).strip();
            if (line.isEmpty() || line.length() > MAX_LINE) {
                continue;
            }
            Matcher separator = SEPARATOR.matcher(line);
            if (separator.matches()) {
                String rest = separator.group(1).strip();
                var inline = rest.isEmpty() ? List.<String>of() : List.of(YAHOO_KEYS.split(rest));
                return Optional.of(read(lines, i, i + 1, inline));
            }
            if (INTRODUCTION.matcher(line).matches() || RULE.matcher(line).matches() && headerBlockAt(lines, i + 1)) {
                return Optional.of(read(lines, i, i + 1, List.of()));
            }
            if (ATTRIBUTION.matcher(line).matches()) {
                return Optional.of(read(lines, i, i + 1, List.of()));
            }
            // Clients wrap a long attribution: "On <date> <name> <address>" / "wrote:".
            if (i + 1 < lines.length
                    && line.length() + lines[i + 1].length() < MAX_ATTRIBUTION
                    && ATTRIBUTION
                            .matcher(line + " " + unquote(lines[i + 1]).strip())
                            .matches()) {
                return Optional.of(read(lines, i, i + 2, List.of()));
            }
            if (headerKey(line).filter("From"::equals).isPresent() && headerBlockAt(lines, i)) {
                return Optional.of(read(lines, i, i, List.of()));
            }
        }
        return Optional.empty();
    }

    private static InlineForward read(String[] lines, int start, int headersFrom, List<String> inlineHeaders) {
        var typed =
                String.join("\n", java.util.Arrays.copyOfRange(lines, 0, start)).strip();
        var fields = new ArrayList<MailHeaders.Field>();
        inlineHeaders.forEach(h -> field(h.strip()).ifPresent(fields::add));
        int i = headersFrom;
        int blanks = 0;
        while (i < lines.length && fields.isEmpty() && unquote(lines[i]).isBlank() && blanks < 3) {
            i++;
            blanks++;
        }
        while (i < lines.length) {
            var field = field(unquote(lines[i]).strip());
            if (field.isEmpty()) {
                break;
            }
            fields.add(field.get());
            i++;
        }
        var body = new StringBuilder();
        for (int j = i; j < lines.length; j++) {
            body.append(unquote(lines[j])).append('\n');
        }
        return new InlineForward(typed, new MailHeaders(fields), body.toString().strip());
    }

    private static boolean headerBlockAt(String[] lines, int from) {
        int first = from;
        while (first < lines.length && first < from + 3 && unquote(lines[first]).isBlank()) {
            first++;
        }
        if (first >= lines.length || headerKey(unquote(lines[first]).strip()).isEmpty()) {
            return false;
        }
        int known = 0;
        for (int i = first; i < lines.length && i < first + 8; i++) {
            if (headerKey(unquote(lines[i]).strip()).isPresent()) {
                known++;
            }
        }
        return known >= 2;
    }

    private static Optional<String> headerKey(String line) {
        return field(line).map(MailHeaders.Field::name);
    }

    private static Optional<MailHeaders.Field> field(String line) {
        if (line.length() > MAX_LINE) {
            return Optional.empty();
        }
        Matcher matcher = HEADER_LINE.matcher(line);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String name = NAMES.get(matcher.group(1).strip().toLowerCase(Locale.ROOT));
        return name == null
                ? Optional.empty()
                : Optional.of(new MailHeaders.Field(name, matcher.group(2).strip()));
    }

    /** The line without the quote marks ("> ") replying clients put before it. */
    private static String unquote(String line) {
        return QUOTE.matcher(line).replaceFirst("").replace("\uFEFF", "");
    }
}
