package org.abusedesk.inbound;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Receives the SES receipt-rule event of an inbound mail. Parsing the mail into complaints is still to come. */
public final class InboundMailHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(InboundMailHandler.class);

    /** Used by the Lambda runtime. */
    public InboundMailHandler() {
        this(System.getenv());
    }

    /** Used by the local stack, with the function's environment from the template. */
    public InboundMailHandler(Map<String, String> environment) {
        // Nothing to configure until mails are parsed.
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long bytes = input.transferTo(OutputStream.nullOutputStream());
        LOG.info("inbound mail event received: bytes={}", bytes);
        output.write("{}".getBytes(StandardCharsets.UTF_8));
    }
}
