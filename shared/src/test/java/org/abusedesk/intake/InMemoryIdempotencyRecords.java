package org.abusedesk.intake;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Idempotency records in memory, with the same conditions as the DynamoDB adapter's, for tests. */
public final class InMemoryIdempotencyRecords implements IdempotencyRecords {

    private final Map<IdempotencyKey, IdempotencyRecord> records = new LinkedHashMap<>();

    @Override
    public synchronized Optional<IdempotencyRecord> find(IdempotencyKey key, Instant now) {
        return Optional.ofNullable(records.get(key)).filter(r -> r.expiresAt().isAfter(now));
    }

    @Override
    public synchronized IdempotencyRecord putIfAbsent(IdempotencyRecord record) {
        var existing = find(record.key(), record.receivedAt());
        if (existing.isPresent()) {
            return existing.get();
        }
        records.put(record.key(), record);
        return record;
    }

    public synchronized List<IdempotencyRecord> all() {
        return List.copyOf(records.values());
    }
}
