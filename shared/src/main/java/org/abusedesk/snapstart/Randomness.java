package org.abusedesk.snapstart;

import com.github.f4b6a3.ulid.Ulid;
import com.github.f4b6a3.ulid.UlidFactory;
import java.security.SecureRandom;
import java.time.Instant;

/**
 * Every random source of the desk, in one place, so that a SnapStart restore can replace them all: a generator
 * restored from a snapshot would give every execution environment restored from it the same "random" values.
 */
public final class Randomness {

    /** One generation of sources, all drawing on one new {@link SecureRandom}. */
    record Sources(SecureRandom secureRandom, UlidFactory ulids, UlidFactory monotonicUlids) {

        static Sources fresh() {
            var random = new SecureRandom();
            return new Sources(random, UlidFactory.newInstance(random), UlidFactory.newMonotonicInstance(random));
        }
    }

    private static volatile Sources sources = Sources.fresh();
    private static Ulid lastMonotonic;

    private Randomness() {}

    /** For nonces and tokens. Fetch it for each use rather than keep it: a restore replaces it. */
    public static SecureRandom secureRandom() {
        return sources.secureRandom();
    }

    /** A new ULID of the current time. */
    public static Ulid ulid() {
        return sources.ulids().create();
    }

    /** A new ULID of the given time: an id whose time is the time of what it names. */
    public static Ulid ulidAt(Instant at) {
        return sources.ulids().create(at.toEpochMilli());
    }

    /** A new ULID of the current time, greater than every one this method gave before. */
    public static synchronized Ulid monotonicUlid() {
        Ulid next = sources.monotonicUlids().create();
        // A factory made on restore knows nothing of the ids before it: within one millisecond, go on from the last.
        if (lastMonotonic != null && next.compareTo(lastMonotonic) <= 0) {
            next = lastMonotonic.increment();
        }
        lastMonotonic = next;
        return next;
    }

    /** Replaces every source with a newly seeded one: what a restored execution environment does first. */
    public static void renew() {
        sources = Sources.fresh();
    }

    static Sources sources() {
        return sources;
    }
}
