package org.abusedesk.processor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.abusedesk.aws.Invocation;
import org.abusedesk.config.Environment;
import org.abusedesk.processing.FlushNotifications;
import org.abusedesk.snapstart.SnapStart;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The scheduled sweep: mails the abuse team what storm control held back. The schedule's event carries nothing it needs. */
public final class NotificationFlushHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationFlushHandler.class);

    private final FlushNotifications flush;

    /** Used by the Lambda runtime; primes the SnapStart snapshot and renews random sources after a restore. */
    public NotificationFlushHandler() {
        this(ProcessorWiring.of(Environment.system()), Core.getGlobalContext());
    }

    /** With its collaborators, and its SnapStart hooks registered in {@code checkpoints}. */
    public NotificationFlushHandler(ProcessorWiring wiring, org.crac.Context<Resource> checkpoints) {
        this.flush = wiring.flushNotifications();
        SnapStart.register(checkpoints, wiring.priming());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Invocation.run(context, () -> {
            input.transferTo(OutputStream.nullOutputStream());
            int mails = flush.flush();
            LOG.info("notification flush: mails={}", mails);
            output.write(("{\"mails\":" + mails + "}").getBytes(StandardCharsets.UTF_8));
        });
    }
}
