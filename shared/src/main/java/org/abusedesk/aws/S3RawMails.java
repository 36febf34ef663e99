package org.abusedesk.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.abusedesk.inbound.RawMails;
import org.abusedesk.reconcile.StoredMails;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** The mail SES's S3 action stored: object {@code <prefix><SES message id>} in the inbound bucket. */
public final class S3RawMails implements RawMails, StoredMails {

    private static final int PAGE_SIZE = 1000;
    /** The object SES writes under the prefix when the rule is created: a test of the bucket, no received mail. */
    static final String SETUP_NOTIFICATION = "AMAZON_SES_SETUP_NOTIFICATION";

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final int pageSize;

    public S3RawMails(S3Client s3, String bucket, String prefix) {
        this(s3, bucket, prefix, PAGE_SIZE);
    }

    S3RawMails(S3Client s3, String bucket, String prefix, int pageSize) {
        this.s3 = Objects.requireNonNull(s3, "s3 == null");
        this.bucket = Objects.requireNonNull(bucket, "bucket == null");
        this.prefix = Objects.requireNonNull(prefix, "prefix == null");
        this.pageSize = pageSize;
    }

    @Override
    public RawMail fetch(String receiptId, long maxBytes) {
        String key = prefix + receiptId;
        // Only as much as the limit is read: a larger mail is parsed as far as it goes, never held whole.
        try (var object = s3.getObject(r -> r.bucket(bucket).key(key).range("bytes=0-" + maxBytes))) {
            byte[] bytes = object.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1));
            boolean truncated = bytes.length > maxBytes;
            if (truncated) {
                bytes = Arrays.copyOf(bytes, (int) maxBytes);
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

    /** Lists the whole prefix: keys are SES message ids, which do not sort by time, so no key range narrows it. */
    @Override
    public List<StoredMail> storedBetween(Instant from, Instant to) {
        return s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix).maxKeys(pageSize)).contents().stream()
                .filter(object ->
                        object.key().length() > prefix.length() && !object.key().equals(prefix + SETUP_NOTIFICATION))
                .filter(object -> !object.lastModified().isBefore(from)
                        && object.lastModified().isBefore(to))
                .map(object -> new StoredMail(object.key().substring(prefix.length()), object.lastModified()))
                .toList();
    }
}
