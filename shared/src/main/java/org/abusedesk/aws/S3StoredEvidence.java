package org.abusedesk.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.cases.StoredEvidence;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The raw mail complaints point at, as {@code s3://<bucket>/<key>} in the inbound bucket. Only that bucket: a
 * location elsewhere is refused, so that no stored pointer can make the desk read or delete anything else.
 */
public final class S3StoredEvidence implements StoredEvidence {

    private final S3Client s3;
    private final String bucket;

    public S3StoredEvidence(S3Client s3, String bucket) {
        this.s3 = Objects.requireNonNull(s3, "s3 == null");
        this.bucket = Objects.requireNonNull(bucket, "bucket == null");
    }

    @Override
    public Optional<byte[]> read(String location, long maxBytes) {
        String key = key(location);
        try (var object = s3.getObject(r -> r.bucket(bucket).key(key).range("bytes=0-" + (maxBytes - 1)))) {
            return Optional.of(object.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + key, e);
        }
    }

    @Override
    public void delete(String location) {
        String key = key(location);
        s3.deleteObject(r -> r.bucket(bucket).key(key));
    }

    private String key(String location) {
        var uri = URI.create(location);
        if (!"s3".equals(uri.getScheme())
                || !bucket.equals(uri.getHost())
                || uri.getPath() == null
                || uri.getPath().length() < 2) {
            throw new IllegalArgumentException("not a location in bucket " + bucket + ": " + location);
        }
        return uri.getPath().substring(1);
    }
}
