package org.abusedesk.delivery;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;

/** Which attempt a received message is: SQS's {@code ApproximateReceiveCount}, 1 where it is missing or unreadable. */
final class ReceiveCount {

    private ReceiveCount() {}

    static int of(SQSEvent.SQSMessage message) {
        var attributes = message.getAttributes();
        String count = attributes == null ? null : attributes.get("ApproximateReceiveCount");
        try {
            return count == null ? 1 : Math.max(1, Integer.parseInt(count));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
