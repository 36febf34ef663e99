package org.abusedesk.conversation;

import java.time.Instant;

/** Once-only claims of customer notices: what storm control lets through per account, mailing and day. */
public interface NoticeClaims {

    /**
     * Claims the notice under this key, held until {@code expiresAt}.
     *
     * @return false when it was claimed before: that notice went out already
     */
    boolean claim(String key, Instant expiresAt);
}
