package org.abusedesk.cli;

/**
 * Text from the API made safe for a terminal: complaints carry what strangers wrote, and a control character in it
 * must neither move the cursor nor break a table's line.
 */
final class Text {

    private Text() {}

    /** On one line: line breaks and tabs as spaces, other control characters as U+FFFD. */
    static String line(String text) {
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n' || c == '\r' || c == '\t' || c == 0x2028 || c == 0x2029) {
                out.append(' ');
            } else if (Character.isISOControl(c)) {
                out.append('\uFFFD');
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** Lines kept, every other control character as U+FFFD. */
    static String lines(String text) {
        var out = new StringBuilder(text.length());
        text.replace("\r\n", "\n").codePoints().forEach(c -> {
            if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029) {
                out.append('\n');
            } else if (c == '\t') {
                out.append(' ');
            } else if (Character.isISOControl(c)) {
                out.append('\uFFFD');
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
