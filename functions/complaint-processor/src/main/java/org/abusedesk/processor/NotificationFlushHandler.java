package org.abusedesk.processor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.abusedesk.config.Environment;
import org.abusedesk.logging.LogContext;
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
        this(Environment.system(), Core.getGlobalContext());
    }

    /** Used by the local stack, with the function's environment from the template. */
    public NotificationFlushHandler(Map<String, String> environment) {
        this(new ProcessorWiring(new Environment(environment)).flushNotifications());
    }

    /** The runtime's wiring, with its SnapStart hooks registered in {@code checkpoints}. */
    NotificationFlushHandler(Environment environment, org.crac.Context<Resource> checkpoints) {
        this(new ProcessorWiring(environment), checkpoints);
    }

    private NotificationFlushHandler(ProcessorWiring processing, org.crac.Context<Resource> checkpoints) {
        this(processing.flushNotifications());
        SnapStart.register(checkpoints, processing.priming());
    }

    public NotificationFlushHandler(FlushNotifications flush) {
        this.flush = flush;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        LogContext.begin(context == null ? null : context.getAwsRequestId());
        try {
            input.transferTo(OutputStream.nullOutputStream());
            int mails = flush.flush();
            LOG.info("notification flush: mails={}", mails);
            output.write(("{\"mails\":" + mails + "}").getBytes(StandardCharsets.UTF_8));
        } finally {
            LogContext.end();
        }
    }
}
