package org.abusedesk.testkit;

import java.util.ArrayList;
import java.util.List;
import org.crac.CheckpointException;
import org.crac.Context;
import org.crac.Resource;
import org.crac.RestoreException;

/** A CRaC context for tests: keeps what registers with it, and runs a checkpoint and a restore on demand. */
public final class RecordingCheckpoints extends Context<Resource> {

    private final List<Resource> resources = new ArrayList<>();

    @Override
    public synchronized void register(Resource resource) {
        resources.add(resource);
    }

    public synchronized List<Resource> resources() {
        return List.copyOf(resources);
    }

    /** What the runtime does before it takes the snapshot; a hook's failure fails it, as it fails a deployment. */
    public void checkpoint() throws CheckpointException {
        beforeCheckpoint(this);
    }

    /** What the runtime does in an execution environment restored from the snapshot, before its first event. */
    public void restore() throws RestoreException {
        afterRestore(this);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws CheckpointException {
        var failure = new CheckpointException();
        for (var resource : resources()) {
            try {
                resource.beforeCheckpoint(this);
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) throws RestoreException {
        var failure = new RestoreException();
        for (var resource : resources()) {
            try {
                resource.afterRestore(this);
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }
}
