package org.abusedesk.inboundmail;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.complaint.ReceiptVerdicts;
import org.abusedesk.complaint.Verdict;
import org.abusedesk.inbound.ReceivedMail;

/**
 * The event an SES receipt rule's Lambda action sends, as far as the desk reads it (the Lambda events library has
 * no class for it): per record the mail's message id, arrival, envelope sender and SES's verdicts.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SesEvent(@JsonProperty("Records") List<Record> records) {

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    SesEvent {
        records = records == null ? List.of() : List.copyOf(records);
    }

    static SesEvent read(InputStream in) throws IOException {
        return JSON.readValue(in, SesEvent.class);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Record(Ses ses) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Ses(Mail mail, Receipt receipt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Mail(String messageId, String timestamp, String source) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Receipt(
            String timestamp,
            Status spamVerdict,
            Status virusVerdict,
            Status spfVerdict,
            Status dkimVerdict,
            Status dmarcVerdict,
            List<String> recipients) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Status(String status) {}

    /** The notice of one mail in the desk's words. */
    static ReceivedMail received(Record record) {
        if (record == null || record.ses() == null || record.ses().mail() == null) {
            throw new IllegalArgumentException("SES record without mail");
        }
        var mail = record.ses().mail();
        var receipt = record.ses().receipt();
        String timestamp = mail.timestamp() != null ? mail.timestamp() : receipt == null ? null : receipt.timestamp();
        return new ReceivedMail(
                mail.messageId(),
                timestamp == null ? Instant.now() : Instant.parse(timestamp),
                Optional.ofNullable(mail.source()).filter(s -> !s.isBlank()),
                receipt == null
                        ? ReceiptVerdicts.UNKNOWN
                        : new ReceiptVerdicts(
                                verdict(receipt.spamVerdict()),
                                verdict(receipt.virusVerdict()),
                                verdict(receipt.spfVerdict()),
                                verdict(receipt.dkimVerdict()),
                                verdict(receipt.dmarcVerdict())),
                receipt == null || receipt.recipients() == null
                        ? List.of()
                        : receipt.recipients().stream().filter(Objects::nonNull).toList());
    }

    private static Verdict verdict(Status status) {
        return status == null ? Verdict.UNKNOWN : Verdict.parse(status.status());
    }
}
