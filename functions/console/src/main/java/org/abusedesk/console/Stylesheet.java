package org.abusedesk.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The console's one stylesheet, inlined in every page, and its hash for the Content-Security-Policy. */
public final class Stylesheet {

    public static final String CSS = read();

    /** The {@code style-src} source that allows exactly {@link #CSS}. */
    public static final String SOURCE = "'sha256-" + sha256(CSS) + "'";

    private Stylesheet() {}

    private static String read() {
        try (var in = Stylesheet.class.getResourceAsStream("console.css")) {
            if (in == null) {
                throw new IllegalStateException("missing resource console.css");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read console.css", e);
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
