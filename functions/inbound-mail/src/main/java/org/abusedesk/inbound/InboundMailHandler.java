package org.abusedesk.inbound;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.abusedesk.aws.AwsClients;
import org.abusedesk.aws.DynamoDbComplaints;
import org.abusedesk.aws.EmbeddedMetrics;
import org.abusedesk.aws.S3RawMails;
import org.abusedesk.config.Environment;
import org.abusedesk.logging.LogContext;
import org.abusedesk.snapstart.Priming;
import org.abusedesk.snapstart.SnapStart;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SES receipt rule's Lambda action: for each received mail, fetch it from S3 by its SES message id and store
 * one complaint per reported message in it. A failure is thrown, so that Lambda retries the event and finally
 * hands it to the failed-mail queue; a retry never stores a complaint twice.
 */
public final class InboundMailHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(InboundMailHandler.class);
    /** What a synchronous (RequestResponse) invocation answers SES: go on with the rule's next actions. */
    private static final byte[] CONTINUE = "{\"disposition\":\"CONTINUE\"}".getBytes(StandardCharsets.UTF_8);

    private final ReceiveMail receiveMail;

    /** Used by the Lambda runtime; primes the SnapStart snapshot and renews random sources after a restore. */
    public InboundMailHandler() {
        this(Environment.system(), Core.getGlobalContext());
    }

    /** Used by the local stack, with the function's environment from the template. */
    public InboundMailHandler(Map<String, String> environment) {
        this(Wiring.of(new Environment(environment)).receiveMail());
    }

    public InboundMailHandler(ReceiveMail receiveMail) {
        this.receiveMail = receiveMail;
    }

    /** The runtime's wiring, with its SnapStart hooks registered in {@code checkpoints}. */
    InboundMailHandler(Environment environment, org.crac.Context<Resource> checkpoints) {
        this(Wiring.of(environment), checkpoints);
    }

    private InboundMailHandler(Wiring wiring, org.crac.Context<Resource> checkpoints) {
        this(wiring.receiveMail());
        SnapStart.register(checkpoints, wiring::prime);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        LogContext.begin(context == null ? null : context.getAwsRequestId());
        try {
            handle(input, output);
        } finally {
            LogContext.end();
        }
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
                // The exception text may quote the mail; its class and the receipt id locate the fault.
                LOG.error(
                        "mail not taken in, will be retried: receiptId={} error={}",
                        received.receiptId(),
                        e.getClass().getName());
                throw e;
            }
        }
        output.write(CONTINUE);
    }

    /** The function's collaborators as its environment configures them, built once per execution environment. */
    private record Wiring(
            ReceiveMail receiveMail, S3RawMails rawMails, DynamoDbComplaints complaints, EmbeddedMetrics metrics) {

        static Wiring of(Environment environment) {
            var clients = new AwsClients(environment);
            var limits = InboundLimits.DEFAULT;
            Set<String> domains = Arrays.stream(
                            environment.optional("SENDING_DOMAINS").orElse("").split(","))
                    .map(String::strip)
                    .filter(d -> !d.isEmpty())
                    .collect(Collectors.toSet());
            PublicKeys keys = environment
                    .optional("DKIM_KEYS")
                    .flatMap(ConfiguredKeys::parse)
                    .map(PublicKeys.class::cast)
                    .orElseGet(DnsKeys::new);
            var profile = environment
                    .optional("RESOLUTION_PROFILE")
                    .map(ResolutionProfile::fromJson)
                    .orElse(ResolutionProfile.DEFAULT);
            var rawMails = new S3RawMails(
                    clients.s3(),
                    environment.require("INBOUND_BUCKET"),
                    environment.optional("INBOUND_PREFIX").orElse(""));
            var complaints = new DynamoDbComplaints(clients.dynamoDb(), environment.require("COMPLAINTS_TABLE"));
            var metrics = new EmbeddedMetrics(System.out, Clock.systemUTC());
            return new Wiring(
                    new ReceiveMail(
                            rawMails,
                            new MailReader(limits, profile, new DkimVerifier(domains, keys)),
                            complaints,
                            metrics,
                            limits,
                            Duration.ofDays(environment.requirePositiveInt("RETENTION_DAYS"))),
                    rawMails,
                    complaints,
                    metrics);
        }

        /**
         * Reads a built-in SES event and the forwarded complaint it announces into complaints, as the first event
         * would; fetches a mail that is not there and sends the complaints' write under a condition that never
         * holds. The role may only read inbound mail and write complaints: nothing is stored.
         */
        void prime() {
            SesEvent event;
            try {
                event = SesEvent.read(new ByteArrayInputStream(resource("ses-event.json")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            var received = SesEvent.received(event.records().get(0));
            var mail = new RawMails.RawMail(
                    resource("forwarded-complaint.eml"), false, "s3://snapstart-priming/" + received.receiptId());
            var read = receiveMail.complaints(received, mail);
            metrics.rehearse();
            Priming.warm(() -> rawMails.fetch(received.receiptId(), 1));
            read.forEach(complaint -> Priming.warm(() -> complaints.rehearseAdd(complaint)));
        }

        private static byte[] resource(String name) {
            try (var in = InboundMailHandler.class.getResourceAsStream("/snapstart/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("priming resource missing: " + name);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
