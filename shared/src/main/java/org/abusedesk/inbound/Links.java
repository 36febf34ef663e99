package org.abusedesk.inbound;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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

    /**
     * The host of a link as found by {@link #in}: what lies between {@code ://} and the path, past any user info,
     * without the port. A plain scan, in time linear in the link.
     */
    static Optional<String> host(String link) {
        int start = link.indexOf("://");
        if (start < 0) {
            return Optional.empty();
        }
        start += 3;
        int end = start;
        while (end < link.length() && "/?#\\".indexOf(link.charAt(end)) < 0) {
            end++;
        }
        String authority = link.substring(start, end);
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        int port = authority.indexOf(':');
        String host = port < 0 ? authority : authority.substring(0, port);
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return host.isEmpty() ? Optional.empty() : Optional.of(host.toLowerCase(Locale.ROOT));
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
