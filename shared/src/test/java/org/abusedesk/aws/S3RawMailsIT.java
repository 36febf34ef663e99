package org.abusedesk.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.abusedesk.local.Stack;
import org.abusedesk.reconcile.StoredMails.StoredMail;
import org.abusedesk.testkit.MotoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

@ExtendWith(MotoExtension.class)
class S3RawMailsIT {

    private final S3Client s3;
    private final String bucket;

    S3RawMailsIT(Stack stack) {
        this.s3 = stack.aws().s3();
        this.bucket = stack.ref("InboundMailBucket");
    }

    @Test
    void storedBetween_listsEveryPageOfThePrefix_andOnlyMailStoredWithinTheWindow() {
        // GIVEN three mails under the prefix, an object beside it, and SES's setup notification, listed two a page
        var receiptIds = List.of("list-1", "list-2", "list-3");
        receiptIds.forEach(id -> put("inbound/" + id));
        put("other/list-4");
        put("inbound/AMAZON_SES_SETUP_NOTIFICATION");
        var mails = new S3RawMails(s3, bucket, "inbound/", 2);
        var storedAt = new ArrayList<Instant>();
        receiptIds.forEach(id -> storedAt.add(lastModified("inbound/" + id)));
        Instant first = storedAt.stream().min(Comparator.naturalOrder()).orElseThrow();
        Instant last = storedAt.stream().max(Comparator.naturalOrder()).orElseThrow();

        // WHEN the window holds them all, ends before the first, or starts after the last
        var all = mails.storedBetween(first.minus(Duration.ofHours(1)), last.plusSeconds(1));
        var before = mails.storedBetween(first.minus(Duration.ofHours(1)), first);
        var after = mails.storedBetween(last.plusSeconds(1), last.plus(Duration.ofHours(1)));

        // THEN the first gives the three receipt ids with their stored times (the listing may add milliseconds)
        assertThat(all).extracting(StoredMail::receiptId).containsExactlyElementsOf(receiptIds);
        for (int i = 0; i < receiptIds.size(); i++) {
            assertThat(all.get(i).storedAt())
                    .isBetween(storedAt.get(i), storedAt.get(i).plusMillis(999));
        }
        assertThat(before).isEmpty();
        assertThat(after).isEmpty();
    }

    @Test
    void fetch_givesTheTimeTheMailWasStored_asEveryReadDoes() {
        put("inbound/fetch-1");
        var mails = new S3RawMails(s3, bucket, "inbound/");

        var raw = mails.fetch("fetch-1", 1_000);

        assertThat(raw.storedAt()).isEqualTo(lastModified("inbound/fetch-1"));
        assertThat(mails.fetch("fetch-1", 10).storedAt()).isEqualTo(raw.storedAt());
        assertThat(new String(raw.bytes(), StandardCharsets.UTF_8)).isEqualTo("Subject: spam\r\n\r\nbuy");
    }

    private void put(String key) {
        s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString("Subject: spam\r\n\r\nbuy"));
    }

    private Instant lastModified(String key) {
        return s3.headObject(r -> r.bucket(bucket).key(key)).lastModified();
    }
}
