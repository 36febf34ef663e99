package org.abusedesk.processor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import org.abusedesk.complaint.ComplaintKey;

/**
 * The body the pipe puts on the queue for a new complaint, its key and nothing else; or the inbound function's for a
 * customer's reply to a case: the case's key and the reply's entry.
 */
record QueueMessage(ComplaintKey key, Optional<String> replyEntry) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @throws IllegalArgumentException when the body is not {@code {"mailingId": ..., "complaintId": ...}}
     */
    static QueueMessage parse(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body == null ? "" : body);
        } catch (IOException e) {
            throw new IllegalArgumentException("queue message is not JSON");
        }
        if (root == null
                || !root.path("mailingId").isTextual()
                || !root.path("complaintId").isTextual()) {
            throw new IllegalArgumentException("queue message lacks mailingId or complaintId");
        }
        var key = ComplaintKey.of(
                root.get("mailingId").asText(), root.get("complaintId").asText());
        return new QueueMessage(
                key,
                root.path("replyEntry").isTextual()
                        ? Optional.of(root.get("replyEntry").asText())
                        : Optional.empty());
    }
}
