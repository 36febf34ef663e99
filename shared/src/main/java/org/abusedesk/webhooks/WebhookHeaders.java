package org.abusedesk.webhooks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The three headers of a signed webhook, as sent or as received: a received one may lack any of them (null), which
 * {@link WebhookSignature#verify} refuses.
 */
public record WebhookHeaders(String id, String timestamp, String signature) {

    /** The message's unique ID, the receiver's idempotency key. */
    public static final String ID = "webhook-id";

    /** When it was signed, in Unix seconds. */
    public static final String TIMESTAMP = "webhook-timestamp";

    /** Its signatures: space-separated {@code v1,<base64>} entries. */
    public static final String SIGNATURE = "webhook-signature";

    /** The headers a request has, by a lookup of one header's value by its name (null when it has none). */
    public static WebhookHeaders from(UnaryOperator<String> header) {
        return new WebhookHeaders(header.apply(ID), header.apply(TIMESTAMP), header.apply(SIGNATURE));
    }

    /** The headers by their names, in the specification's order, to set on a request. */
    public Map<String, String> asMap() {
        var headers = new LinkedHashMap<String, String>();
        headers.put(ID, id);
        headers.put(TIMESTAMP, timestamp);
        headers.put(SIGNATURE, signature);
        return headers;
    }
}
