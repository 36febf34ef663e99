package org.abusedesk.intake;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What makes retries of one submission safe: a client's {@code Idempotency-Key}, or the nonce of a form page's
 * token. The two never meet, because each is kept under its own prefix.
 */
public record IdempotencyKey(String value) {

    /** Printable ASCII without spaces, 1 to 255 characters: a UUID fits, and nothing that could end a header. */
    private static final Pattern CLIENT_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private static final String CLIENT = "api:";
    /** Marks a client's key scoped to its source; no client key starts so, as a client's key has no space. */
    private static final String SCOPED = "source ";

    public IdempotencyKey {
        Objects.requireNonNull(value, "value == null");
    }

    /**
     * The key an API client sent.
     *
     * @throws IllegalArgumentException when it is empty, longer than 255 characters or not printable ASCII
     */
    public static IdempotencyKey client(String key) {
        Objects.requireNonNull(key, "key == null");
        if (!CLIENT_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("an Idempotency-Key is 1 to 255 printable ASCII characters");
        }
        return new IdempotencyKey(CLIENT + key);
    }

    /**
     * The key as {@code source} holds it: a client's key counts only for the source that sent it, so another caller
     * can neither replay nor claim it in advance. A form page's key is scoped by its signed token already.
     */
    public IdempotencyKey scopedTo(SourceKey source) {
        return value.startsWith(CLIENT) && !value.startsWith(CLIENT + SCOPED)
                ? new IdempotencyKey(CLIENT + SCOPED + source.value() + ":" + value.substring(CLIENT.length()))
                : this;
    }

    /** The key of a form page, from its token. */
    public static IdempotencyKey form(FormToken token) {
        return new IdempotencyKey("form:" + token.nonce());
    }

    @Override
    public String toString() {
        return "IdempotencyKey[redacted]";
    }
}
