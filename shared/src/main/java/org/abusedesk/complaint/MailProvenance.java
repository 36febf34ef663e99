package org.abusedesk.complaint;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a mailed complaint came from and how its Mailing ID was found: the received mail and the part of it that
 * is the reported message, the candidates and their sources, the DKIM checks and the receiving server's verdicts.
 *
 * @param receiptId the id under which the received mail is stored (SES message id)
 * @param part which reported message of that mail this complaint is about, from 0
 * @param mailingIdSource the source of the Mailing ID the complaint is stored under; empty when none was found
 * @param conflict the sources named more than one Mailing ID or account
 * @param truncated the mail was larger or deeper than the limits allow; what was found is kept
 * @param evidence where the raw mail is kept, e.g. {@code s3://bucket/inbound/<id>}; empty when not stored
 * @param signature the id of the DKIM signature that proves the reported message (a hash of its {@code d=} and
 *     {@code b=}): the desk counts a signed message once
 * @param quarantined a virus was found: the evidence is never attached to or linked from a notification
 */
public record MailProvenance(
        String receiptId,
        int part,
        ReportFormat format,
        Optional<String> mailingIdSource,
        List<MailingIdCandidate> candidates,
        boolean conflict,
        boolean truncated,
        Optional<String> evidence,
        List<DkimCheck> dkim,
        Optional<String> signature,
        ReceiptVerdicts verdicts,
        boolean quarantined) {

    public MailProvenance {
        Objects.requireNonNull(receiptId, "receiptId == null");
        if (part < 0) {
            throw new IllegalArgumentException("part < 0");
        }
        Objects.requireNonNull(format, "format == null");
        Objects.requireNonNull(mailingIdSource, "mailingIdSource == null");
        candidates = List.copyOf(candidates);
        Objects.requireNonNull(evidence, "evidence == null");
        dkim = List.copyOf(dkim);
        Objects.requireNonNull(signature, "signature == null");
        Objects.requireNonNull(verdicts, "verdicts == null");
    }
}
