package org.abusedesk.form;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.Language;
import org.abusedesk.intake.FormTokens;
import org.abusedesk.intake.IntakeSecret;

/**
 * The confirmation page's address, signed: it shows only references the desk gave out, so that nobody can
 * make a page of ours confirm a complaint that was never sent. The language is not signed; the switch changes it.
 */
final class ConfirmationLinks {

    private static final String USE = "confirmation";

    private final IntakeSecret secret;

    ConfirmationLinks(IntakeSecret secret) {
        this.secret = Objects.requireNonNull(secret, "secret == null");
    }

    String link(ComplaintKey key, Language language) {
        return "/confirmation?reference=" + key.complaintId().value() + "&mailingId="
                + URLEncoder.encode(key.mailingId().value(), StandardCharsets.UTF_8) + "&lang="
                + PageText.tag(language) + "&sig=" + secret.sign(USE, data(key));
    }

    /** The complaint key of a confirmation link; empty when a part is missing, malformed or not signed by us. */
    Optional<ComplaintKey> read(HttpRequest request) {
        var reference = request.query("reference");
        var mailingId = request.query("mailingId");
        var signature = request.query("sig");
        if (reference.isEmpty() || mailingId.isEmpty() || signature.isEmpty()) {
            return Optional.empty();
        }
        ComplaintKey key;
        try {
            key = ComplaintKey.of(mailingId.get(), reference.get());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // A link made just before the intake secret rotated still opens, as a form page served then still submits.
        return secret.verify(USE, data(key), signature.get(), Instant.now(), FormTokens.MAX_AGE)
                ? Optional.of(key)
                : Optional.empty();
    }

    private static String data(ComplaintKey key) {
        return key.complaintId().value() + "\n" + key.mailingId().value();
    }
}
