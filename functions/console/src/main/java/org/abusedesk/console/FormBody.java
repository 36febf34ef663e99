package org.abusedesk.console;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.field.ContentDispositionField;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * A POST's form: url-encoded or multipart (the import's upload), read into fields and files with limits on their
 * number and size; a body beyond them is refused whole.
 */
public record FormBody(Map<String, String> fields, Map<String, ConsoleRequest.Upload> files) {

    /** A mailing CSV of a few thousand rows, well within Lambda's 6 MB request. */
    public static final int MAX_BODY = 5 * 1024 * 1024;

    static final int MAX_FIELDS = 100;
    static final int MAX_FIELD = 64 * 1024;

    public FormBody {
        fields = Map.copyOf(fields);
        files = Map.copyOf(files);
    }

    public static FormBody empty() {
        return new FormBody(Map.of(), Map.of());
    }

    /**
     * @throws IllegalArgumentException when the body is too long, has too many fields, or is neither form type
     */
    public static FormBody parse(String contentType, byte[] body) {
        if (body.length > MAX_BODY) {
            throw new IllegalArgumentException("the form is longer than " + MAX_BODY + " bytes");
        }
        String type = contentType == null ? "" : contentType.strip().toLowerCase(Locale.ROOT);
        if (type.isEmpty() && body.length == 0) {
            return empty();
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return urlEncoded(new String(body, StandardCharsets.UTF_8));
        }
        if (type.startsWith("multipart/form-data")) {
            return multipart(contentType, body);
        }
        throw new IllegalArgumentException("a form is url-encoded or multipart");
    }

    private static FormBody urlEncoded(String body) {
        var fields = new LinkedHashMap<String, String>();
        int count = 0;
        for (String pair : body.split("&", MAX_FIELDS + 2)) {
            if (pair.isEmpty()) {
                continue;
            }
            if (++count > MAX_FIELDS) {
                throw new IllegalArgumentException("the form has more than " + MAX_FIELDS + " fields");
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (value.length() > MAX_FIELD) {
                throw new IllegalArgumentException("the field " + name + " is longer than " + MAX_FIELD);
            }
            // The first value wins, as for the query: a repeated field cannot override an earlier one.
            fields.putIfAbsent(name, value);
        }
        return new FormBody(fields, Map.of());
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the form is not url-encoded");
        }
    }

    private static FormBody multipart(String contentType, byte[] body) {
        var builder = new DefaultMessageBuilder();
        builder.setMimeEntityConfig(MimeConfig.custom()
                .setMaxHeaderCount(MAX_FIELDS)
                .setMaxHeaderLen(8 * 1024)
                .setMaxLineLen(-1)
                .build());
        InputStream message = new SequenceInputStream(
                new ByteArrayInputStream(("Content-Type: " + contentType.replaceAll("[\\r\\n]", " ") + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII)),
                new ByteArrayInputStream(body));
        var fields = new LinkedHashMap<String, String>();
        var files = new LinkedHashMap<String, ConsoleRequest.Upload>();
        try {
            var parsed = builder.parseMessage(message);
            if (!(parsed.getBody() instanceof Multipart parts)) {
                throw new IllegalArgumentException("the form is not multipart");
            }
            if (parts.getBodyParts().size() > MAX_FIELDS) {
                throw new IllegalArgumentException("the form has more than " + MAX_FIELDS + " fields");
            }
            for (var part : parts.getBodyParts()) {
                if (!(part.getHeader().getField("Content-Disposition") instanceof ContentDispositionField disposition)
                        || disposition.getParameter("name") == null
                        || !(part.getBody() instanceof SingleBody content)) {
                    continue;
                }
                String name = disposition.getParameter("name");
                byte[] bytes;
                try (var in = content.getInputStream()) {
                    bytes = in.readAllBytes();
                }
                if (disposition.getFilename() != null) {
                    files.putIfAbsent(
                            name,
                            new ConsoleRequest.Upload(
                                    disposition.getFilename(),
                                    part.getMimeType() == null ? "application/octet-stream" : part.getMimeType(),
                                    bytes));
                } else if (bytes.length > MAX_FIELD) {
                    throw new IllegalArgumentException("the field " + name + " is longer than " + MAX_FIELD);
                } else {
                    fields.putIfAbsent(name, new String(bytes, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the form is not multipart");
        }
        return new FormBody(fields, files);
    }
}
