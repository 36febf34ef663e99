package org.abusedesk.inbound;

import java.util.Optional;
import org.abusedesk.complaint.Verification;

/**
 * The rules that make a complaint verified, in one place: a valid signature of our sending domain that covers the
 * Mailing ID's header, or a configured reporter's aligned signature on a report that names the mailing. What SES
 * says about DKIM is never enough: it says only that some signature passed, the sender's own included.
 */
final class Verifying {

    private static final String HEADER_SOURCE = "header:";

    private Verifying() {}

    /**
     * @param sender what our sending domains' signatures on the reported message prove
     * @param reporter the report's own aligned signature by a configured reporter, if any
     */
    static Verification of(
            ReportedMessage message,
            Resolution resolution,
            DkimVerifier.Proof sender,
            Optional<DkimVerifier.Signed> reporter) {
        if (resolution.unsignedCopy()) {
            return Verification.UNSIGNED_COPY;
        }
        if (sender.verified() && signedSource(message, resolution, sender)) {
            return Verification.SIGNED_BY_SENDER;
        }
        boolean report = message.format().isProviderReport();
        if (report && reporter.isPresent()) {
            return resolution.mailingId().isPresent() ? Verification.SIGNED_BY_REPORTER : Verification.NO_MAILING_NAMED;
        }
        if (sender.verified()) {
            return Verification.MAILING_ID_NOT_SIGNED;
        }
        if (!sender.checks().isEmpty()) {
            return Verification.SIGNATURE_INVALID;
        }
        return report ? Verification.REPORTER_NOT_PROVEN : Verification.NOT_SIGNED;
    }

    /** The id a verified complaint's signature is counted once by: ours on the message, else the reporter's. */
    static Optional<String> signature(
            Verification verification, DkimVerifier.Proof sender, Optional<DkimVerifier.Signed> reporter) {
        return switch (verification) {
            case SIGNED_BY_SENDER -> sender.firstValid(d -> true).map(DkimVerifier.Signed::id);
            case SIGNED_BY_REPORTER ->
                sender.firstValid(d -> true).or(() -> reporter).map(DkimVerifier.Signed::id);
            default -> Optional.empty();
        };
    }

    /** The chosen Mailing ID came from the message's own header, every instance of which a valid signature covers. */
    private static boolean signedSource(ReportedMessage message, Resolution resolution, DkimVerifier.Proof sender) {
        var source = resolution.source().filter(s -> s.startsWith(HEADER_SOURCE));
        if (source.isEmpty()) {
            return false;
        }
        String name = source.get().substring(HEADER_SOURCE.length());
        int instances = message.headers().all(name).size();
        return instances > 0 && instances <= sender.provenInstances(name);
    }
}
