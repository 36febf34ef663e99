package org.abusedesk.inbound;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.abusedesk.complaint.ReportFormat;
import org.apache.poi.hsmf.MAPIMessage;
import org.apache.poi.util.IOUtils;

/** An Outlook .msg attachment, read with Apache POI (HSMF): its transport headers and its text. */
record OutlookMessage(MailHeaders headers, Body body) {

    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    static {
        // POI bounds an array by record type, and a stream read whole by nothing short of 2 GB. No part of a mail
        // is larger than the largest mail, so that bounds every array POI allocates here: a length a hostile file
        // claims ends in POI's RecordFormatException, read as a damaged file, instead of an allocation. Set once,
        // when this class is first used; it is POI's setting for the whole process.
        IOUtils.setByteArrayMaxOverride(Math.toIntExact(InboundLimits.DEFAULT.maxBytes()));
    }

    static boolean isOne(MimeEntity entity) {
        byte[] content = entity.content();
        boolean named = entity.mimeType().equals("application/vnd.ms-outlook")
                || entity.fileName()
                        .map(n -> n.toLowerCase(Locale.ROOT).endsWith(".msg"))
                        .orElse(false);
        return named && content.length > OLE2.length && java.util.Arrays.equals(content, 0, 4, OLE2, 0, 4);
    }

    /** The message, or empty when POI cannot read it. */
    static Optional<OutlookMessage> read(byte[] content, int maxChars) {
        try (var message = new MAPIMessage(new ByteArrayInputStream(content))) {
            var fields = new ArrayList<MailHeaders.Field>();
            String[] lines = headerLines(message);
            for (int i = 0; i < lines.length && fields.size() < 1000; i++) {
                String line = lines[i];
                int colon = line.indexOf(':');
                if (colon > 0 && !line.startsWith(" ") && !line.startsWith("\t")) {
                    var value = new StringBuilder(line.substring(colon + 1).strip());
                    while (i + 1 < lines.length && (lines[i + 1].startsWith(" ") || lines[i + 1].startsWith("\t"))) {
                        value.append(' ').append(lines[++i].strip());
                    }
                    fields.add(new MailHeaders.Field(line.substring(0, colon).strip(), value.toString()));
                }
            }
            if (fields.stream().noneMatch(f -> f.name().equalsIgnoreCase("Subject"))) {
                optional(message::getSubject).ifPresent(s -> fields.add(new MailHeaders.Field("Subject", s)));
            }
            String text = optional(message::getTextBody).orElse("");
            var links = new ArrayList<String>();
            optional(message::getHtmlBody)
                    .ifPresent(html -> links.addAll(HtmlText.of(html).links()));
            if (text.length() > maxChars) {
                text = text.substring(0, maxChars);
            }
            links.addAll(Links.in(text));
            return Optional.of(new OutlookMessage(
                    new MailHeaders(fields), new Body(Body.normalise(text), Links.withDecoded(links))));
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            // POI throws many kinds for a damaged file; none of them may stop the rest of the mail being read. A
            // file can also make it allocate what the heap cannot hold, or recurse through nested storages
            // deeper than the stack: the attachment is then as unreadable as a damaged one. Other errors, such as
            // a class missing from the function's zip, are the desk's own fault and stay loud.
            return Optional.empty();
        }
    }

    ReportedMessage asReport(ResolutionProfile profile) {
        return new ReportedMessage(
                ReportFormat.ATTACHED_MESSAGE,
                headers,
                PastedHeaders.find(body.text(), profile.headerNames()),
                MailHeaders.NONE,
                body.text(),
                body.links(),
                Optional.empty(),
                Optional.empty());
    }

    private static String[] headerLines(MAPIMessage message) {
        try {
            String[] headers = message.getHeaders();
            if (headers == null) {
                return new String[0];
            }
            var lines = new ArrayList<String>();
            for (String header : headers) {
                lines.addAll(List.of(header.split("\r?\n")));
            }
            return lines.toArray(String[]::new);
        } catch (Exception e) {
            return new String[0];
        }
    }

    private interface Getter {
        String get() throws Exception;
    }

    private static Optional<String> optional(Getter getter) {
        try {
            return Optional.ofNullable(getter.get()).filter(s -> !s.isBlank());
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
