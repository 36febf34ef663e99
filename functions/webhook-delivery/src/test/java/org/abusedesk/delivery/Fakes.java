package org.abusedesk.delivery;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** Fakes of the delivery's collaborators, and its test messages. */
final class Fakes {

    static final String ARN = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:abuse-desk/webhooks/";

    private Fakes() {}

    /** The attempts queue in memory: what was enqueued, and each backoff set. */
    static final class Queue implements AttemptQueue {
        final List<Attempt> enqueued = new CopyOnWriteArrayList<>();
        final List<String> retried = new CopyOnWriteArrayList<>();
        boolean refuses;

        @Override
        public void enqueue(List<Attempt> attempts) {
            if (refuses) {
                throw new IllegalStateException("the attempts queue refused them");
            }
            enqueued.addAll(attempts);
        }

        @Override
        public void retryAfter(String receiptHandle, Duration delay) {
            retried.add(receiptHandle + " " + delay);
        }
    }

    /** One request the transport was given. */
    record Post(URI url, Map<String, String> headers, byte[] body) {}

    static WebhookEndpoint endpoint(String url, String... events) {
        return new WebhookEndpoint(
                URI.create(url), Set.of(events), ARN + URI.create(url).getHost());
    }

    static String envelope(String id, String type, String detail) {
        return "{\"version\":\"0\",\"id\":\"" + id + "\",\"detail-type\":\"" + type + "\",\"source\":\"abuse-desk\","
                + "\"account\":\"123456789012\",\"time\":\"2026-11-27T10:00:00Z\",\"region\":\"eu-central-1\","
                + "\"resources\":[],\"detail\":" + detail + "}";
    }

    static SQSEvent.SQSMessage message(String id, String body, int receiveCount) {
        var message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setReceiptHandle("receipt-" + id);
        message.setBody(body);
        message.setAttributes(Map.of("ApproximateReceiveCount", Integer.toString(receiveCount)));
        return message;
    }

    static SQSEvent event(SQSEvent.SQSMessage... messages) {
        var event = new SQSEvent();
        event.setRecords(new ArrayList<>(List.of(messages)));
        return event;
    }
}
