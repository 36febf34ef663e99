package org.abusedesk.inbound;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Header lines a complainant pasted into the body ("show original", copied and pasted), with their folded lines. */
final class PastedHeaders {

    // Possessive after the colon: a run of spaces must not be split between it and the value.
    private static final Pattern LINE =
            Pattern.compile("^[ \\t>]{0,6}+([A-Za-z][A-Za-z0-9-]{0,40}+)[ \\t]*+:[ \\t]*+(.{0,2000})$");
    /** Longer lines cannot match: the pattern's bounds plus the spaces a pasted line may carry. */
    private static final int MAX_LINE = 3_100;

    private static final int MAX_FIELDS = 200;

    private PastedHeaders() {}

    /** The pasted fields of the given names (any case); none when the text holds none of them. */
    static MailHeaders find(String text, Collection<String> names) {
        Set<String> wanted = names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        var fields = new ArrayList<MailHeaders.Field>();
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int i = 0; i < lines.length && fields.size() < MAX_FIELDS; i++) {
            if (lines[i].length() > MAX_LINE) {
                continue;
            }
            var matcher = LINE.matcher(lines[i]);
            if (!matcher.matches() || !wanted.contains(matcher.group(1).toLowerCase(Locale.ROOT))) {
                continue;
            }
            var value = new StringBuilder(matcher.group(2).strip());
            // Folded continuation lines start with white space; a pasted List-Unsubscribe often spans several.
            while (i + 1 < lines.length
                    && !lines[i + 1].isBlank()
                    && (lines[i + 1].startsWith(" ") || lines[i + 1].startsWith("\t"))
                    && value.length() < 4000) {
                value.append(' ').append(lines[++i].strip());
            }
            fields.add(new MailHeaders.Field(matcher.group(1), value.toString()));
        }
        return new MailHeaders(fields);
    }
}
