package org.abusedesk.inbound;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/** The web links in a text, each also percent-decoded once, so that wrapped links (safe-links, redirects) show theirs. */
final class Links {

    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"'()\\[\\]{}]{1,4000}");
    private static final int MAX_LINKS = 500;

    private Links() {}

    static List<String> in(String text) {
        var links = new ArrayList<String>();
        var matcher = URL.matcher(text);
        while (matcher.find() && links.size() < MAX_LINKS) {
            links.add(matcher.group());
        }
        return links;
    }

    /** The links, and the percent-decoded form of each that has one; duplicates once. */
    static List<String> withDecoded(List<String> links) {
        var all = new LinkedHashSet<String>();
        for (String link : links) {
            all.add(link);
            if (link.indexOf('%') >= 0) {
                try {
                    all.add(URLDecoder.decode(link.replace("+", "%2B"), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    // a stray '%': the link as it is must do
                }
            }
            if (all.size() >= 2 * MAX_LINKS) {
                break;
            }
        }
        return List.copyOf(all);
    }
}
