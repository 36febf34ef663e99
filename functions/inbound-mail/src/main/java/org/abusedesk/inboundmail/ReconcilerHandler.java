package org.abusedesk.inboundmail;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.abusedesk.aws.Invocation;
import org.abusedesk.config.Environment;
import org.abusedesk.reconcile.Reconcile;
import org.abusedesk.reconcile.ReconcileReport;
import org.abusedesk.snapstart.SnapStart;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled reconciler: takes in stored mail whose event gave no complaint and queues again complaints whose
 * message was lost. The schedule's event carries nothing it needs. Failed items are logged and left for the next
 * run, so the function itself fails only when it cannot start.
 */
public final class ReconcilerHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ReconcilerHandler.class);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Reconcile reconcile;

    /** Used by the Lambda runtime; primes the SnapStart snapshot and renews random sources after a restore. */
    public ReconcilerHandler() {
        this(InboundMailWiring.of(Environment.system()), Core.getGlobalContext());
    }

    /** With its collaborators, and its SnapStart hooks registered in {@code checkpoints}. */
    public ReconcilerHandler(InboundMailWiring wiring, org.crac.Context<Resource> checkpoints) {
        this.reconcile = wiring.reconcile();
        SnapStart.register(checkpoints, wiring.priming());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Invocation.run(context, () -> reconcile(input, output));
    }

    private void reconcile(InputStream input, OutputStream output) throws IOException {
        input.transferTo(OutputStream.nullOutputStream());
        var report = reconcile.reconcile();
        String summary = "mailsExamined={} mailsRedriven={} complaintsStored={} complaintsRequeued={} failures={}";
        Object[] counts = {
            report.mailsExamined(),
            report.mailsRedriven(),
            report.complaintsStored(),
            report.complaintsRequeued(),
            report.failures().size()
        };
        if (!report.failures().isEmpty()) {
            LOG.warn("reconciled with failures: " + summary, counts);
            // A failed run is the function's error, so that its alarm tells a person; the next run tries again.
            throw new ReconcileFailedException(report.failures().size());
        }
        LOG.info("reconciled: " + summary, counts);
        output.write(JSON.writeValueAsBytes(Summary.of(report)));
    }

    /** Some items of a run failed; each is logged by its key and left for the next run. */
    static final class ReconcileFailedException extends RuntimeException {

        ReconcileFailedException(int failures) {
            super(failures + " item(s) failed and are left for the next run");
        }
    }

    /** What a run answers: its counts, never a key. */
    record Summary(int mailsExamined, int mailsRedriven, int complaintsStored, int complaintsRequeued, int failures) {

        static Summary of(ReconcileReport report) {
            return new Summary(
                    report.mailsExamined(),
                    report.mailsRedriven(),
                    report.complaintsStored(),
                    report.complaintsRequeued(),
                    report.failures().size());
        }
    }
}
