package org.abusedesk.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** The attempts queue in SQS: attempts sent ten at a time, a failed one's visibility set to its backoff. */
public final class SqsAttemptQueue implements AttemptQueue {

    /** SQS's most entries per batch. */
    private static final int BATCH = 10;

    /** SQS's longest visibility timeout: 12 hours. */
    private static final Duration MAX_VISIBILITY = Duration.ofHours(12);

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsAttemptQueue(SqsClient sqs, String queueUrl) {
        this.sqs = Objects.requireNonNull(sqs, "sqs == null");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl == null");
    }

    @Override
    public void enqueue(List<Attempt> attempts) {
        for (int from = 0; from < attempts.size(); from += BATCH) {
            var entries = new ArrayList<SendMessageBatchRequestEntry>();
            var batch = attempts.subList(from, Math.min(attempts.size(), from + BATCH));
            for (int i = 0; i < batch.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder()
                        .id(Integer.toString(i))
                        .messageBody(batch.get(i).json())
                        .build());
            }
            var response = sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
            if (!response.failed().isEmpty()) {
                throw new IllegalStateException(
                        "the attempts queue refused " + response.failed().size() + " attempts: "
                                + response.failed().get(0).code());
            }
        }
    }

    @Override
    public void retryAfter(String receiptHandle, Duration delay) {
        long seconds = Math.min(delay.toSeconds(), MAX_VISIBILITY.toSeconds());
        sqs.changeMessageVisibility(
                r -> r.queueUrl(queueUrl).receiptHandle(receiptHandle).visibilityTimeout((int) seconds));
    }
}
