package org.abusedesk.form;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The pages' one stylesheet, inlined, and the Content-Security-Policy that allows exactly it: no script, no other
 * style, nothing from elsewhere, and forms only to this site.
 */
public final class Stylesheet {

    public static final String CSS = read();

    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'sha256-" + sha256(CSS)
            + "'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private Stylesheet() {}

    private static String read() {
        try (var in = Stylesheet.class.getResourceAsStream("form.css")) {
            if (in == null) {
                throw new IllegalStateException("missing resource form.css");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read form.css", e);
        }
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
