package org.abusedesk.inboundmail;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.abusedesk.config.Environment;
import org.abusedesk.logging.LogContext;
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

    private final Reconcile reconcile;

    /** Used by the Lambda runtime; primes the SnapStart snapshot and renews random sources after a restore. */
    public ReconcilerHandler() {
        this(Environment.system(), Core.getGlobalContext());
    }

    /** Used by the local stack, with the function's environment from the template. */
    public ReconcilerHandler(Map<String, String> environment) {
        this(new InboundMailWiring(new Environment(environment)).reconcile());
    }

    public ReconcilerHandler(Reconcile reconcile) {
        this.reconcile = reconcile;
    }

    /** The runtime's wiring, with its SnapStart hooks registered in {@code checkpoints}. */
    ReconcilerHandler(Environment environment, org.crac.Context<Resource> checkpoints) {
        this(new InboundMailWiring(environment), checkpoints);
    }

    private ReconcilerHandler(InboundMailWiring inboundMail, org.crac.Context<Resource> checkpoints) {
        this(inboundMail.reconcile());
        SnapStart.register(checkpoints, inboundMail::prime);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        LogContext.begin(context == null ? null : context.getAwsRequestId());
        try {
            reconcile(input, output);
        } finally {
            LogContext.end();
        }
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
        output.write(json(report).getBytes(StandardCharsets.UTF_8));
    }

    /** Some items of a run failed; each is logged by its key and left for the next run. */
    static final class ReconcileFailedException extends RuntimeException {

        ReconcileFailedException(int failures) {
            super(failures + " item(s) failed and are left for the next run");
        }
    }

    private static String json(ReconcileReport report) {
        return "{\"mailsExamined\":" + report.mailsExamined() + ",\"mailsRedriven\":" + report.mailsRedriven()
                + ",\"complaintsStored\":" + report.complaintsStored() + ",\"complaintsRequeued\":"
                + report.complaintsRequeued() + ",\"failures\":"
                + report.failures().size() + "}";
    }
}
