package org.abusedesk.inbound;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One MIME entity as far as the parse went: its headers, its type, and either its decoded content (a leaf, or an
 * attached message kept as bytes for a parse of its own) or its parts.
 */
final class MimeEntity {

    private static final Pattern FILE_NAME = Pattern.compile(
            "(?i)(?:^|;)\\s*(?:file)?name\\*?(?:0\\*?)?\\s*=\\s*(?:\"([^\"]{0,500})\"|([^;\\s]{1,500}))");

    private final MailHeaders headers;
    private final String mimeType;
    private final String charset;
    private final String transferEncoding;
    private final byte[] content;
    private final List<MimeEntity> parts;
    private final int depth;

    MimeEntity(
            MailHeaders headers,
            String mimeType,
            String charset,
            String transferEncoding,
            byte[] content,
            List<MimeEntity> parts,
            int depth) {
        this.headers = headers;
        this.mimeType = mimeType == null ? "text/plain" : mimeType.toLowerCase(Locale.ROOT);
        this.charset = charset;
        this.transferEncoding = transferEncoding == null ? "7bit" : transferEncoding.toLowerCase(Locale.ROOT);
        this.content = content;
        this.parts = List.copyOf(parts);
        this.depth = depth;
    }

    MailHeaders headers() {
        return headers;
    }

    String mimeType() {
        return mimeType;
    }

    boolean isMultipart() {
        return mimeType.startsWith("multipart/");
    }

    String transferEncoding() {
        return transferEncoding;
    }

    byte[] content() {
        return content;
    }

    List<MimeEntity> parts() {
        return parts;
    }

    int depth() {
        return depth;
    }

    /** A parameter of the Content-Type field, lower-cased; empty string when absent. */
    String contentTypeParameter(String name) {
        String value = headers.first("Content-Type").orElse("");
        var matcher = Pattern.compile(
                        "(?i)(?:^|;)\\s*" + Pattern.quote(name) + "\\s*=\\s*(?:\"([^\"]{0,200})\"|([^;\\s]{1,200}))")
                .matcher(value);
        if (!matcher.find()) {
            return "";
        }
        return (matcher.group(1) != null ? matcher.group(1) : matcher.group(2)).toLowerCase(Locale.ROOT);
    }

    /** The attachment's file name from Content-Disposition or Content-Type, decoded. */
    Optional<String> fileName() {
        for (String field : List.of("Content-Disposition", "Content-Type")) {
            var matcher = FILE_NAME.matcher(headers.first(field).orElse(""));
            if (matcher.find()) {
                String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
                return Optional.of(MailHeaders.decode(name).strip());
            }
        }
        return Optional.empty();
    }

    /** The content as text in its charset; text the charset cannot name is read as UTF-8, then Latin-1. */
    String text(int maxChars) {
        Charset cs = charset(charset);
        String text = new String(content, cs);
        return text.length() > maxChars ? text.substring(0, maxChars) : text;
    }

    static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip());
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
