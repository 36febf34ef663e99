package org.abusedesk.inbound;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/** The readable text of a message and the links in it: its first text part, or its HTML part turned to text. */
record Body(String text, List<String> links) {

    static final Body EMPTY = new Body("", List.of());

    Body {
        links = List.copyOf(links);
    }

    static Body of(MimeEntity root, int maxChars) {
        if (root == null) {
            return EMPTY;
        }
        MimeEntity plain = null;
        MimeEntity html = null;
        Deque<MimeEntity> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty() && (plain == null || html == null)) {
            MimeEntity entity = pending.pop();
            if (entity.isMultipart()) {
                var parts = entity.parts();
                for (int i = parts.size() - 1; i >= 0; i--) {
                    pending.push(parts.get(i));
                }
                continue;
            }
            if (isAttachment(entity)) {
                continue;
            }
            if (plain == null && entity.mimeType().equals("text/plain")) {
                plain = entity;
            } else if (html == null && entity.mimeType().equals("text/html")) {
                html = entity;
            }
        }
        var links = new ArrayList<String>();
        String text = "";
        if (html != null) {
            var rendered = HtmlText.of(html.text(maxChars));
            links.addAll(rendered.links());
            text = rendered.text();
        }
        if (plain != null) {
            text = plain.text(maxChars);
        }
        links.addAll(Links.in(text));
        return new Body(normalise(text), Links.withDecoded(links));
    }

    static boolean isAttachment(MimeEntity entity) {
        return entity.headers()
                        .first("Content-Disposition")
                        .map(d -> d.toLowerCase(Locale.ROOT).startsWith("attachment"))
                        .orElse(false)
                || entity.fileName().isPresent();
    }

    static String normalise(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').replace('\u00a0', ' ');
    }
}
