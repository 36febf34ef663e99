package org.abusedesk.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.parser.Parser;

/**
 * HTML as the reader sees it: text with line breaks where blocks end, and the links' targets. A single forward
 * scan with {@code indexOf}, so that hostile markup costs linear time.
 */
final class HtmlText {

    private static final Set<String> SKIPPED = Set.of("script", "style", "head", "title");
    private static final Set<String> BLOCKS = Set.of(
            "br", "p", "div", "tr", "li", "table", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "pre");

    private final String text;
    private final List<String> links;

    private HtmlText(String text, List<String> links) {
        this.text = text;
        this.links = links;
    }

    String text() {
        return text;
    }

    List<String> links() {
        return links;
    }

    static HtmlText of(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        var out = new StringBuilder(Math.min(html.length(), 1 << 20));
        var links = new ArrayList<String>();
        int i = 0;
        while (i < html.length()) {
            int lt = html.indexOf('<', i);
            if (lt < 0) {
                out.append(entities(collapse(html.substring(i))));
                break;
            }
            out.append(entities(collapse(html.substring(i, lt))));
            if (lower.startsWith("<!--", lt)) {
                int end = lower.indexOf("-->", lt + 4);
                i = end < 0 ? html.length() : end + 3;
                continue;
            }
            int gt = html.indexOf('>', lt);
            if (gt < 0) {
                break;
            }
            String tag = tagName(lower, lt + 1, gt);
            if (SKIPPED.contains(tag)) {
                int end = lower.indexOf("</" + tag, gt);
                int close = end < 0 ? -1 : html.indexOf('>', end);
                i = close < 0 ? html.length() : close + 1;
                continue;
            }
            if (BLOCKS.contains(tag)) {
                out.append('\n');
            }
            if (tag.equals("a")) {
                href(html, lower, lt, gt).ifPresent(links::add);
            }
            i = gt + 1;
        }
        return new HtmlText(withoutEdgeSpaces(out), List.copyOf(links));
    }

    /**
     * The text without the spaces at the start and end of each line, left where blocks and breaks became line
     * ends: one pass, where a pattern would go back over long runs of spaces.
     */
    private static String withoutEdgeSpaces(CharSequence text) {
        var out = new StringBuilder(text.length());
        int start = 0;
        while (start <= text.length()) {
            int end = start;
            while (end < text.length() && text.charAt(end) != '\n') {
                end++;
            }
            int from = start;
            int to = end;
            while (from < to && isSpace(text.charAt(from))) {
                from++;
            }
            while (to > from && isSpace(text.charAt(to - 1))) {
                to--;
            }
            out.append(text, from, to);
            if (end < text.length()) {
                out.append('\n');
            }
            start = end + 1;
        }
        return out.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\u00a0';
    }

    /** White space as a browser shows it: each run one space; only block elements break lines. */
    private static String collapse(String text) {
        var out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                if (!space) {
                    out.append(' ');
                }
                space = true;
            } else {
                out.append(c);
                space = false;
            }
        }
        return out.toString();
    }

    private static String tagName(String lower, int from, int to) {
        int start = from < to && lower.charAt(from) == '/' ? from + 1 : from;
        int end = start;
        while (end < to && Character.isLetterOrDigit(lower.charAt(end))) {
            end++;
        }
        return lower.substring(start, end);
    }

    private static java.util.Optional<String> href(String html, String lower, int from, int to) {
        // Searched within the tag only: an anchor without href must not send the search through the rest.
        String tag = lower.substring(from, to);
        int at = tag.indexOf("href");
        int eq = at < 0 ? -1 : tag.indexOf('=', at);
        if (eq < 0) {
            return java.util.Optional.empty();
        }
        int start = from + eq + 1;
        while (start < to && Character.isWhitespace(html.charAt(start))) {
            start++;
        }
        if (start >= to) {
            return java.util.Optional.empty();
        }
        char quote = html.charAt(start);
        int end;
        if (quote == '"' || quote == '\'') {
            start++;
            end = start;
            while (end < to && html.charAt(end) != quote) {
                end++;
            }
        } else {
            end = start;
            while (end < to && !Character.isWhitespace(html.charAt(end))) {
                end++;
            }
        }
        return java.util.Optional.of(entities(html.substring(start, end)));
    }

    /**
     * Decodes character references: all of HTML5's named ones and numeric ones, by jsoup's tokeniser, which reads
     * the text once from start to end.
     */
    static String entities(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        return Parser.unescapeEntities(text, false);
    }
}
