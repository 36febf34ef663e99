package org.abusedesk.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.abusedesk.local.Stack;
import org.abusedesk.testkit.MotoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Stored raw mail read and deleted by its location, against the moto server. */
@ExtendWith(MotoExtension.class)
class S3StoredEvidenceIT {

    private static final String MAIL = "From: erika.muster@example.net\r\nSubject: Spam\r\n\r\nbuy now";

    private final S3Client s3;
    private final String bucket;
    private final S3StoredEvidence evidence;

    S3StoredEvidenceIT(Stack stack) {
        this.s3 = stack.aws().s3();
        this.bucket = stack.ref("InboundMailBucket");
        this.evidence = new S3StoredEvidence(s3, bucket);
    }

    @Test
    void read_givesTheStoredMail_upToTheLimit_andNothingWhereNothingIsStored() {
        s3.putObject(r -> r.bucket(bucket).key("inbound/ses-read"), RequestBody.fromString(MAIL));

        assertThat(evidence.read(location("inbound/ses-read"), 1_000))
                .hasValueSatisfying(bytes ->
                        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(MAIL));
        assertThat(evidence.read(location("inbound/ses-read"), 4))
                .hasValueSatisfying(bytes ->
                        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("From"));
        assertThat(evidence.read(location("inbound/ses-missing"), 1_000)).isEmpty();
    }

    @Test
    void delete_removesTheObject_andDeletingItAgainDoesNothing() {
        s3.putObject(r -> r.bucket(bucket).key("inbound/ses-delete"), RequestBody.fromString(MAIL));
        s3.putObject(r -> r.bucket(bucket).key("inbound/ses-other"), RequestBody.fromString(MAIL));

        evidence.delete(location("inbound/ses-delete"));
        evidence.delete(location("inbound/ses-delete"));

        assertThat(s3.listObjectsV2(r -> r.bucket(bucket).prefix("inbound/ses-"))
                        .contents())
                .extracting(o -> o.key())
                .contains("inbound/ses-other")
                .doesNotContain("inbound/ses-delete");
    }

    @Test
    void aLocationOutsideTheInboundBucket_isRefused_andTouchesNothing() {
        assertThatThrownBy(() -> evidence.delete("s3://another-bucket/inbound/ses-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a location in bucket " + bucket + ": s3://another-bucket/inbound/ses-1");
        assertThatThrownBy(() -> evidence.read("https://example.org/mail", 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> evidence.delete("s3://" + bucket + "/")).isInstanceOf(IllegalArgumentException.class);
    }

    private String location(String key) {
        return "s3://" + bucket + "/" + key;
    }
}
