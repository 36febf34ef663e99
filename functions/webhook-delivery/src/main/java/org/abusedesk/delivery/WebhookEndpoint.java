package org.abusedesk.delivery;

import java.net.URI;
import java.util.Objects;
import java.util.Set;

/**
 * One configured receiver of the desk's events: where they are POSTed, which detail types it wants (none named: all
 * of them), and the Secrets Manager secret that holds its signing secrets.
 */
public record WebhookEndpoint(URI url, Set<String> events, String secretArn) {

    public WebhookEndpoint {
        Objects.requireNonNull(url, "url == null");
        events = Set.copyOf(events);
        Objects.requireNonNull(secretArn, "secretArn == null");
    }

    /** Whether it wants events of this detail type. */
    public boolean wants(String detailType) {
        return events.isEmpty() || events.contains(detailType);
    }
}
