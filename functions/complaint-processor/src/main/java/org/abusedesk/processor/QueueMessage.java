package org.abusedesk.processor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.abusedesk.complaint.ComplaintKey;

/** The body the pipe puts on the queue for a new complaint: its key and nothing else. */
final class QueueMessage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private QueueMessage() {}

    /**
     * @throws IllegalArgumentException when the body is not {@code {"mailingId": ..., "complaintId": ...}}
     */
    static ComplaintKey parse(String body) {
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
        return ComplaintKey.of(
                root.get("mailingId").asText(), root.get("complaintId").asText());
    }
}
