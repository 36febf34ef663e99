package org.abusedesk.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;
import org.abusedesk.inbound.FailedMails;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The failed-mail queue: per failed try, the receipt id, the bucket and key of the stored mail, the time and the error's class. */
public final class SqsFailedMails implements FailedMails {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a message holds: enough to find the mail and try it again, nothing of what it says. */
    record Message(String receiptId, String bucket, String key, String failedAt, String error) {}

    private final SqsClient sqs;
    private final String queueUrl;
    private final String bucket;
    private final String prefix;

    public SqsFailedMails(SqsClient sqs, String queueUrl, String bucket, String prefix) {
        this.sqs = Objects.requireNonNull(sqs, "sqs == null");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl == null");
        this.bucket = Objects.requireNonNull(bucket, "bucket == null");
        this.prefix = Objects.requireNonNull(prefix, "prefix == null");
    }

    @Override
    public void record(FailedMail mail) {
        var message = new Message(
                mail.receiptId(),
                bucket,
                prefix + mail.receiptId(),
                mail.failedAt().toString(),
                mail.error());
        try {
            String body = JSON.writeValueAsString(message);
            sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a failed mail as JSON", e);
        }
    }
}
