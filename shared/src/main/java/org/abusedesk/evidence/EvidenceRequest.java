package org.abusedesk.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.account.AccountId;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.suppression.AddressHash;

/**
 * The question to the platform's evidence endpoint: how did this recipient of the account's mailing opt in? The
 * recipient goes as the hash of the address, as {@code SuppressionAdded} names it, and as the address only where
 * the stack is configured to send it. Schema: {@code docs/events/OptInEvidenceRequest.schema.json}.
 */
public record EvidenceRequest(
        AccountId account, ComplaintKey complaint, AddressHash recipientHash, Optional<String> recipientAddress) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public EvidenceRequest {
        Objects.requireNonNull(account, "account == null");
        Objects.requireNonNull(complaint, "complaint == null");
        Objects.requireNonNull(recipientHash, "recipientHash == null");
        Objects.requireNonNull(recipientAddress, "recipientAddress == null");
    }

    /**
     * The {@code webhook-id} of the request: the same for every attempt about the complaint, so that the platform
     * can take a repeat as one question.
     */
    public String id() {
        return "evidence_" + complaint.complaintId().value();
    }

    /** The request's body. */
    public byte[] json() {
        ObjectNode body = JSON.createObjectNode();
        body.put("version", 1);
        body.put("accountId", account.value());
        body.put("mailingId", complaint.mailingId().value());
        body.put("complaintId", complaint.complaintId().value());
        var recipient = body.putObject("recipient");
        recipient.put("addressHash", recipientHash.value());
        recipientAddress.ifPresent(address -> recipient.put("address", address));
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "EvidenceRequest[" + account.value() + ", " + complaint + "]";
    }
}
