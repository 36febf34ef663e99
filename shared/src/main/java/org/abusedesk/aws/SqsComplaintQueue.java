package org.abusedesk.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Objects;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.conversation.ReplyAlerts;
import org.abusedesk.reconcile.ComplaintQueue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The complaints queue in SQS; a message is the complaint's key and nothing else, as the pipe writes it, or a case's
 * key and the entry of the customer's reply to it.
 */
public final class SqsComplaintQueue implements ComplaintQueue, ReplyAlerts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsComplaintQueue(SqsClient sqs, String queueUrl) {
        this.sqs = Objects.requireNonNull(sqs, "sqs == null");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl == null");
    }

    @Override
    public void requeue(ComplaintKey key) {
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body(key)));
    }

    /** The key of the answered case, and the reply's entry: the processor then mails the abuse team. */
    @Override
    public void arrived(ComplaintKey key, String entryId) {
        var body = new LinkedHashMap<String, String>();
        body.put("mailingId", key.mailingId().value());
        body.put("complaintId", key.complaintId().value());
        body.put("replyEntry", entryId);
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(json(body)));
    }

    static String body(ComplaintKey key) {
        var body = new LinkedHashMap<String, String>();
        body.put("mailingId", key.mailingId().value());
        body.put("complaintId", key.complaintId().value());
        return json(body);
    }

    private static String json(LinkedHashMap<String, String> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a complaint key as JSON", e);
        }
    }
}
