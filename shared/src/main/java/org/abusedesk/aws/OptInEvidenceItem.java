package org.abusedesk.aws;

import static org.abusedesk.aws.Attributes.s;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.abusedesk.evidence.OptInEvidence;
import org.abusedesk.evidence.OptInRecord;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The opt-in evidence as one map attribute of the complaint item, {@code optInEvidence}. */
final class OptInEvidenceItem {

    private OptInEvidenceItem() {}

    static Map<String, AttributeValue> of(OptInEvidence evidence) {
        var item = new HashMap<String, AttributeValue>();
        item.put("status", s(evidence.status().name()));
        // Stored beside the status so that the write's condition need not list the settled statuses.
        item.put("settled", AttributeValue.fromBool(evidence.status().settled()));
        item.put("attempts", Attributes.n(evidence.attempts()));
        item.put("at", s(evidence.at().toString()));
        item.put("reason", s(evidence.reason()));
        evidence.record().ifPresent(record -> {
            item.put("sourceType", s(record.sourceType().name()));
            item.put("source", s(record.source()));
            item.put("optedInAt", s(record.optedInAt().toString()));
            record.confirmedAt().ifPresent(at -> item.put("confirmedAt", s(at.toString())));
            record.ip().ifPresent(ip -> item.put("ip", s(ip)));
            record.userAgent().ifPresent(agent -> item.put("userAgent", s(agent)));
            record.consentText().ifPresent(text -> item.put("consentText", s(text)));
            record.consentVersion().ifPresent(version -> item.put("consentVersion", s(version)));
        });
        return item;
    }

    static OptInEvidence from(Map<String, AttributeValue> item) {
        var status = OptInEvidence.Status.valueOf(item.get("status").s());
        Optional<OptInRecord> record = status != OptInEvidence.Status.FOUND
                ? Optional.empty()
                : Optional.of(new OptInRecord(
                        OptInRecord.SourceType.valueOf(item.get("sourceType").s()),
                        item.get("source").s(),
                        Instant.parse(item.get("optedInAt").s()),
                        text(item, "confirmedAt").map(Instant::parse),
                        text(item, "ip"),
                        text(item, "userAgent"),
                        text(item, "consentText"),
                        text(item, "consentVersion")));
        return new OptInEvidence(
                status,
                record,
                Integer.parseInt(item.get("attempts").n()),
                Instant.parse(item.get("at").s()),
                item.get("reason").s());
    }

    private static Optional<String> text(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(AttributeValue::s);
    }
}
