package org.abusedesk.aws;

import software.amazon.awssdk.core.exception.SdkServiceException;

/** A request a table over its rate refused: nothing is wrong with it, and it may be sent again soon. */
public final class Throttled {

    /** When to send it again: DynamoDB's capacity refills within a second or two. */
    public static final int RETRY_AFTER_SECONDS = 2;

    private Throttled() {}

    public static boolean is(RuntimeException e) {
        return e instanceof SdkServiceException service && service.isThrottlingException();
    }
}
