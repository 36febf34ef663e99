package org.abusedesk.evidence;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the platform's evidence endpoint gave for one complaint's recipient, as the case keeps it: the record when it
 * had one, otherwise what the answer was, after how many attempts and when.
 *
 * @param reason the last answer in words that name no person and no URL: {@code status 500}, {@code no answer in
 *     time}, {@code optedInAt is missing}
 */
public record OptInEvidence(Status status, Optional<OptInRecord> record, int attempts, Instant at, String reason) {

    /** What the endpoint's answer was. */
    public enum Status {
        /** A record: the proof of the opt-in. */
        FOUND(true),
        /** 404: the platform has no record of the recipient. */
        NO_RECORD(true),
        /** The complaint holds no address to ask about: a report that redacted it. Nothing was asked. */
        NO_RECIPIENT(true),
        /** No connection, or no answer within the timeout: asked again after a backoff. */
        NO_ANSWER(false),
        /** Another status than 200 or 404: asked again after a backoff. */
        ENDPOINT_ERROR(false),
        /** A 200 whose body does not follow the schema: asked again after a backoff. */
        MALFORMED(false);

        private final boolean settled;

        Status(boolean settled) {
            this.settled = settled;
        }

        /** Whether the answer is final: no other attempt follows it. */
        public boolean settled() {
            return settled;
        }
    }

    public OptInEvidence {
        Objects.requireNonNull(status, "status == null");
        Objects.requireNonNull(record, "record == null");
        Objects.requireNonNull(at, "at == null");
        Objects.requireNonNull(reason, "reason == null");
        if (record.isPresent() != (status == Status.FOUND)) {
            throw new IllegalArgumentException("a record comes with FOUND, and only with it");
        }
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts < 0");
        }
    }

    /** What one answer of the endpoint was, before the case counts its attempt. */
    public record Answer(Status status, Optional<OptInRecord> record, String reason) {

        public static Answer found(OptInRecord record) {
            return new Answer(Status.FOUND, Optional.of(record), "status 200");
        }

        public static Answer of(Status status, String reason) {
            return new Answer(status, Optional.empty(), reason);
        }
    }
}
