package org.abusedesk.outgoing;

import java.util.regex.Pattern;

/** Makes text safe to compose into a mail header: no character that could end the header or start another. */
public final class HeaderText {

    private HeaderText() {}

    private static final Pattern LINE_BREAKS_AND_CONTROLS = Pattern.compile("[\\x00-\\x1F\\x7F-\\x9F\\u2028\\u2029]+");

    /** Replaces each run of CR, LF, NUL, other control characters and U+2028/U+2029 by one space. */
    public static String clean(String text) {
        return LINE_BREAKS_AND_CONTROLS.matcher(text).replaceAll(" ").strip();
    }
}
