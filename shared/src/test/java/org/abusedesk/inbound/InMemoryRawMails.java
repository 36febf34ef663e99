package org.abusedesk.inbound;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.abusedesk.reconcile.StoredMails;

/** Received mail in memory, as the receiving server's store would hold it, for tests of what reads and lists it. */
public final class InMemoryRawMails implements RawMails, StoredMails {

    /** When a mail put without a time of its own was stored. */
    public static final Instant STORED_AT = Instant.parse("2026-11-03T09:14:59Z");

    private record Stored(byte[] bytes, Instant storedAt) {}

    private final Map<String, Stored> mails = new LinkedHashMap<>();

    public synchronized void put(String receiptId, byte[] mail) {
        put(receiptId, mail, STORED_AT);
    }

    public synchronized void put(String receiptId, byte[] mail, Instant storedAt) {
        mails.put(receiptId, new Stored(mail.clone(), storedAt));
    }

    @Override
    public synchronized RawMail fetch(String receiptId, long maxBytes) {
        var stored = mails.get(receiptId);
        if (stored == null) {
            throw new MailNotFoundException(receiptId);
        }
        byte[] mail = stored.bytes();
        boolean truncated = mail.length > maxBytes;
        byte[] read = truncated ? Arrays.copyOf(mail, (int) maxBytes) : mail.clone();
        return new RawMail(read, truncated, "memory://" + receiptId, stored.storedAt());
    }

    @Override
    public synchronized List<StoredMail> storedBetween(Instant from, Instant to) {
        return mails.entrySet().stream()
                .filter(e -> !e.getValue().storedAt().isBefore(from)
                        && e.getValue().storedAt().isBefore(to))
                .map(e -> new StoredMail(e.getKey(), e.getValue().storedAt()))
                .sorted(Comparator.comparing(StoredMail::receiptId))
                .toList();
    }
}
