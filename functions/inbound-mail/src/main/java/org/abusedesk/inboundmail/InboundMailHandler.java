package org.abusedesk.inboundmail;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.abusedesk.aws.Invocation;
import org.abusedesk.config.Environment;
import org.abusedesk.inbound.FailedMails;
import org.abusedesk.inbound.ReceiveMail;
import org.abusedesk.logging.LogContext;
import org.abusedesk.snapstart.SnapStart;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SES receipt rule's Lambda action: for each received mail, fetch it from S3 by its SES message id and store
 * one complaint per reported message in it. A failed try is recorded in the failed-mail queue by its receipt id and
 * thrown, so that Lambda retries the event; a retry never stores a complaint twice, and the reconciler takes in a
 * stored mail that no try could. What is thrown names the receipt and the error's class only: the runtime logs it, and
 * an exception's message may quote the mail.
 */
public final class InboundMailHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(InboundMailHandler.class);
    /** What a synchronous (RequestResponse) invocation answers SES: go on with the rule's next actions. */
    private static final byte[] CONTINUE = "{\"disposition\":\"CONTINUE\"}".getBytes(StandardCharsets.UTF_8);

    private final ReceiveMail receiveMail;
    private final FailedMails failedMails;

    /** Used by the Lambda runtime; primes the SnapStart snapshot and renews random sources after a restore. */
    public InboundMailHandler() {
        this(InboundMailWiring.of(Environment.system()), Core.getGlobalContext());
    }

    /** With its collaborators, and its SnapStart hooks registered in {@code checkpoints}. */
    public InboundMailHandler(InboundMailWiring wiring, org.crac.Context<Resource> checkpoints) {
        this.receiveMail = wiring.receiveMail();
        this.failedMails = wiring.failedMails();
        SnapStart.register(checkpoints, wiring.priming());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Invocation.run(context, () -> handle(input, output));
    }

    private void handle(InputStream input, OutputStream output) throws IOException {
        var event = SesEvent.read(input);
        for (var record : event.records()) {
            var received = SesEvent.received(record);
            LogContext.noComplaint();
            try {
                for (var stored : receiveMail.receive(received)) {
                    LogContext.complaint(stored.key());
                    LOG.info(
                            "mailed complaint {}: receiptId={} mailingId={} complaintId={} classification={} format={} source={}",
                            stored.duplicate() ? "stored before" : "stored",
                            received.receiptId(),
                            stored.key().mailingId(),
                            stored.key().complaintId(),
                            stored.classification(),
                            stored.format(),
                            stored.mailingIdSource());
                }
            } catch (RuntimeException e) {
                LogContext.noComplaint();
                LOG.error("mail not taken in, will be retried: receiptId={}", received.receiptId(), e);
                record(received.receiptId(), e);
                throw new MailNotTakenInException(received.receiptId(), e);
            }
        }
        output.write(CONTINUE);
    }

    private void record(String receiptId, RuntimeException failure) {
        try {
            failedMails.record(new FailedMails.FailedMail(
                    receiptId, Instant.now(), failure.getClass().getName()));
        } catch (RuntimeException e) {
            // The mail is still in the bucket, and the reconciler still finds it; the alarm on errors tells a person.
            LOG.error("failed mail not recorded: receiptId={}", receiptId, e);
        }
    }

    /** A try at a mail failed: its receipt id and the failure's class, the failure's frames, and nothing else of it. */
    static final class MailNotTakenInException extends RuntimeException {

        MailNotTakenInException(String receiptId, RuntimeException failure) {
            super("mail " + receiptId + " not taken in: " + failure.getClass().getName());
            setStackTrace(failure.getStackTrace());
        }
    }
}
