package org.abusedesk.inbound;

import java.util.Objects;
import java.util.Optional;
import org.abusedesk.complaint.ReportFormat;
import org.abusedesk.complaint.Verification;

/**
 * One reported message of a mail with the Mailing ID it was tied to, what DKIM proves about it, and whether that
 * makes its complaint verified.
 *
 * @param signature the id of the signature that proves the message ({@link DkimVerifier.Signed#id}): a signed
 *     message counts once, however often it is reported
 */
public record ReadReport(
        ReportedMessage message,
        Resolution resolution,
        DkimVerifier.Proof dkim,
        Verification verification,
        Optional<String> signature) {

    public ReadReport {
        Objects.requireNonNull(message, "message == null");
        Objects.requireNonNull(resolution, "resolution == null");
        Objects.requireNonNull(dkim, "dkim == null");
        Objects.requireNonNull(verification, "verification == null");
        Objects.requireNonNull(signature, "signature == null");
    }

    public ReportFormat format() {
        return message.format();
    }

    public boolean verified() {
        return verification.verified();
    }
}
