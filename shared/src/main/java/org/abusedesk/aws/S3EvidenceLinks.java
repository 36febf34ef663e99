package org.abusedesk.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.MailProvenance;
import org.abusedesk.processing.EvidenceLinks;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Pre-signed S3 GET links to the raw mail of a complaint. A link lives as long as {@code validity} and at most as
 * long as the credentials that signed it (a function's role session: hours).
 */
public final class S3EvidenceLinks implements EvidenceLinks {

    private final S3Presigner presigner;
    private final Duration validity;

    public S3EvidenceLinks(S3Presigner presigner, Duration validity) {
        this.presigner = Objects.requireNonNull(presigner, "presigner == null");
        this.validity = Objects.requireNonNull(validity, "validity == null");
    }

    @Override
    public Optional<URI> linkTo(Complaint complaint) {
        // A virus was found in a quarantined mail: its evidence is never linked.
        if (complaint.attribution().quarantined()) {
            return Optional.empty();
        }
        return complaint
                .attribution()
                .provenance()
                .flatMap(MailProvenance::evidence)
                .flatMap(this::presign);
    }

    private Optional<URI> presign(String location) {
        var uri = URI.create(location);
        if (!"s3".equals(uri.getScheme())
                || uri.getHost() == null
                || uri.getPath().length() < 2) {
            return Optional.empty();
        }
        String key = uri.getPath().substring(1);
        var request = presigner.presignGetObject(r -> r.signatureDuration(validity)
                .getObjectRequest(g -> g.bucket(uri.getHost()).key(key)));
        return Optional.of(URI.create(request.url().toString()));
    }
}
