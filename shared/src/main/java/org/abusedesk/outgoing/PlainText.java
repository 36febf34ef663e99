package org.abusedesk.outgoing;

/**
 * Text a sender chose, made safe for the plain-text part of a mail the desk writes: a field is one bounded line, a
 * message is quoted line by line, so that nothing in it can pass for a line of the desk's own (such as
 * {@code Verified: yes}).
 */
public final class PlainText {

    /** Longer names and subjects are cut here, with an ellipsis. */
    static final int MAX_LINE = 200;

    private static final String QUOTE = "> ";

    private PlainText() {}

    /** The text as one line: every line break and control character a space, at most {@link #MAX_LINE} long. */
    public static String oneLine(String text) {
        var out = new StringBuilder(Math.min(text.length(), MAX_LINE + 1));
        for (int i = 0; i < text.length() && out.length() <= MAX_LINE; i++) {
            char c = text.charAt(i);
            out.append(breaksLine(c) || Character.isISOControl(c) ? ' ' : c);
        }
        return out.length() > MAX_LINE ? out.substring(0, MAX_LINE - 1) + "…" : out.toString();
    }

    /**
     * Every line of the text behind {@code "> "} (an empty one as {@code ">"}, with no trailing space for an encoder
     * to drop); any line break a client may show counts.
     */
    public static String quoted(String text) {
        var out = new StringBuilder(text.length() + text.length() / 20 + QUOTE.length());
        boolean lineStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                continue;
            }
            if (breaksLine(c)) {
                out.append(lineStart ? ">\n" : "\n");
                lineStart = true;
                continue;
            }
            if (lineStart) {
                out.append(QUOTE);
                lineStart = false;
            }
            out.append(Character.isISOControl(c) && c != '\t' ? ' ' : c);
        }
        if (lineStart) {
            out.append('>');
        }
        return out.toString();
    }

    private static boolean breaksLine(char c) {
        return c == '\n'
                || c == '\r'
                || c == '\u000b'
                || c == '\u000c'
                || c == '\u0085'
                || c == '\u2028'
                || c == '\u2029';
    }
}
