package org.abusedesk.snapstart;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A function's SnapStart hooks: before the snapshot, prime it; after a restore, renew every random source. A Lambda
 * handler's runtime constructor registers them with {@code SnapStart.register(Core.getGlobalContext(), this::prime)}.
 */
public final class SnapStart {

    private static final Logger LOG = LoggerFactory.getLogger(SnapStart.class);
    // CRaC holds resources weakly; a hook must live as long as its execution environment, as the handler does.
    private static final Set<Resource> HOOKS = ConcurrentHashMap.newKeySet();

    private SnapStart() {}

    /** Registers the hooks with {@code checkpoints}: the runtime's global context, or a test's. */
    public static void register(Context<Resource> checkpoints, Priming priming) {
        var hook = new Hook(Objects.requireNonNull(priming, "priming == null"));
        // Only the global context holds its hooks weakly; a test's context holds its own, and goes with its handler.
        if (checkpoints == Core.getGlobalContext()) {
            HOOKS.add(hook);
        }
        checkpoints.register(hook);
    }

    private static final class Hook implements Resource {

        private final Priming priming;

        Hook(Priming priming) {
            this.priming = priming;
        }

        @Override
        public void beforeCheckpoint(Context<? extends Resource> context) {
            priming.prime();
            // Also the log layout's first line, which would otherwise fall to the first event.
            LOG.info("primed for the snapshot");
        }

        @Override
        public void afterRestore(Context<? extends Resource> context) {
            Randomness.renew();
        }
    }
}
