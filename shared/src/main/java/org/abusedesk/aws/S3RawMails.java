package org.abusedesk.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.abusedesk.inbound.RawMails;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** The mail SES's S3 action stored: object {@code <prefix><SES message id>} in the inbound bucket. */
public final class S3RawMails implements RawMails {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    public S3RawMails(S3Client s3, String bucket, String prefix) {
        this.s3 = Objects.requireNonNull(s3, "s3 == null");
        this.bucket = Objects.requireNonNull(bucket, "bucket == null");
        this.prefix = Objects.requireNonNull(prefix, "prefix == null");
    }

    @Override
    public RawMail fetch(String receiptId, long maxBytes) {
        String key = prefix + receiptId;
        // Only as much as the limit is read: a larger mail is parsed as far as it goes, never held whole.
        try (var object = s3.getObject(r -> r.bucket(bucket).key(key).range("bytes=0-" + maxBytes))) {
            byte[] bytes = object.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1));
            boolean truncated = bytes.length > maxBytes;
            if (truncated) {
                bytes = java.util.Arrays.copyOf(bytes, (int) maxBytes);
            }
            return new RawMail(
                    bytes,
                    truncated,
                    "s3://" + bucket + "/" + key,
                    object.response().lastModified());
        } catch (NoSuchKeyException e) {
            throw new MailNotFoundException(receiptId);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + key, e);
        }
    }
}
