package org.abusedesk.inboundmail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.abusedesk.aws.AwsClients;
import org.abusedesk.aws.DynamoDbCaseThreads;
import org.abusedesk.aws.DynamoDbCases;
import org.abusedesk.aws.DynamoDbComplaintIndexes;
import org.abusedesk.aws.DynamoDbComplaints;
import org.abusedesk.aws.DynamoDbMailReads;
import org.abusedesk.aws.DynamoDbRequeues;
import org.abusedesk.aws.EmbeddedMetrics;
import org.abusedesk.aws.S3Clients;
import org.abusedesk.aws.S3RawMails;
import org.abusedesk.aws.Secrets;
import org.abusedesk.aws.SqsComplaintQueue;
import org.abusedesk.aws.SqsFailedMails;
import org.abusedesk.config.DeskSettings;
import org.abusedesk.config.Environment;
import org.abusedesk.conversation.ReceiveReply;
import org.abusedesk.inbound.ConfiguredKeys;
import org.abusedesk.inbound.DkimVerifier;
import org.abusedesk.inbound.DnsKeys;
import org.abusedesk.inbound.FailedMails;
import org.abusedesk.inbound.FeedbackReporters;
import org.abusedesk.inbound.InboundLimits;
import org.abusedesk.inbound.MailReader;
import org.abusedesk.inbound.PublicKeys;
import org.abusedesk.inbound.RawMails;
import org.abusedesk.inbound.ReceiveMail;
import org.abusedesk.inbound.Replies;
import org.abusedesk.reconcile.Reconcile;
import org.abusedesk.reconcile.ReconcileWindows;
import org.abusedesk.snapstart.Priming;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The inbound function's and the reconciler's collaborators, built from a function's environment: the bucket, the
 * complaints table, and how mail is read. Both, and {@code abuse-desk reconcile}, read mail alike through it, so each
 * writes the keys the others would. The reconciler is built when asked: only its function has its queue and windows.
 */
public record InboundMailWiring(
        ReceiveMail receiveMail, FailedMails failedMails, Supplier<Reconcile> reconciler, Priming priming) {

    /** A function's: its metric lines go to stdout, which Lambda's log group turns into metrics. */
    public static InboundMailWiring of(Environment environment) {
        return of(environment, new AwsClients(environment));
    }

    /** With the given clients: how tests put faults between the function and AWS. */
    public static InboundMailWiring of(Environment environment, AwsClients clients) {
        return of(environment, clients, System.out);
    }

    /** With the metric lines written elsewhere: a run by hand, whose stdout is its report. */
    public static InboundMailWiring of(Environment environment, AwsClients clients, PrintStream metricLines) {
        var adapters = new Adapters(environment, clients, metricLines);
        return new InboundMailWiring(
                adapters.receiveMail(),
                // Built at the first failure: the reconciler has no such queue, and a function that never fails
                // never loads its client.
                mail -> adapters.failedMails().record(mail),
                () -> adapters.reconcile(windows(environment)),
                adapters::prime);
    }

    /** The reconciler with the windows of the environment. */
    public Reconcile reconcile() {
        return reconciler.get();
    }

    /** A reconciler with windows of its own, its metric lines written elsewhere: a run by hand. */
    public static Reconcile reconcile(Environment environment, PrintStream metricLines, ReconcileWindows windows) {
        return new Adapters(environment, new AwsClients(environment), metricLines).reconcile(windows);
    }

    /** The reconciler's windows as the function's environment sets them. */
    public static ReconcileWindows windows(Environment environment) {
        return new ReconcileWindows(
                Duration.ofMinutes(environment.requireNonNegativeInt("RECONCILE_MAIL_AFTER_MINUTES")),
                Duration.ofMinutes(environment.requireNonNegativeInt("RECONCILE_STUCK_AFTER_MINUTES")),
                Duration.ofHours(environment.requirePositiveInt("RECONCILE_LOOKBACK_HOURS")));
    }

    /** The adapters both functions share, one client of each kind per execution environment. */
    private static final class Adapters {

        private final Environment environment;
        private final AwsClients clients;
        private final DynamoDbClient dynamoDb;
        private final S3RawMails rawMails;
        private final DynamoDbComplaints complaints;
        private final EmbeddedMetrics metrics;

        Adapters(Environment environment, AwsClients clients, PrintStream metricLines) {
            this.environment = environment;
            this.metrics = new EmbeddedMetrics(metricLines, Clock.systemUTC());
            this.clients = clients;
            this.dynamoDb = clients.dynamoDb();
            this.rawMails = new S3RawMails(
                    S3Clients.client(clients),
                    environment.require("INBOUND_BUCKET"),
                    environment.optional("INBOUND_PREFIX").orElse(""));
            this.complaints = new DynamoDbComplaints(dynamoDb, complaintsTable());
        }

        private SqsFailedMails failedMails;

        synchronized SqsFailedMails failedMails() {
            if (failedMails == null) {
                failedMails = new SqsFailedMails(
                        clients.configure(SqsClient.builder()).build(),
                        environment.require("FAILED_MAIL_QUEUE_URL"),
                        environment.require("INBOUND_BUCKET"),
                        environment.optional("INBOUND_PREFIX").orElse(""));
            }
            return failedMails;
        }

        private ReceiveMail receiveMail;

        /** Built once: the reconciler and the priming read mail with the function's own reader. */
        synchronized ReceiveMail receiveMail() {
            if (receiveMail == null) {
                receiveMail = newReceiveMail();
            }
            return receiveMail;
        }

        private ReceiveMail newReceiveMail() {
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
                    .orElseGet(() -> environment
                            .optional("DNS_RESOLVER")
                            .map(DnsKeys::at)
                            .orElseGet(DnsKeys::new));
            var profile = DeskSettings.resolutionProfile(environment);
            var reporters = new FeedbackReporters(
                    environment
                            .optional("FEEDBACK_REPORTERS")
                            .map(FeedbackReporters::parse)
                            .orElse(Set.copyOf(FeedbackReporters.DEFAULTS)),
                    keys);
            return new ReceiveMail(
                    rawMails,
                    new MailReader(limits, profile, new DkimVerifier(domains, keys), reporters),
                    complaints,
                    metrics,
                    limits,
                    Duration.ofDays(environment.requirePositiveInt("RETENTION_DAYS")),
                    receiveReply());
        }

        /** The customers' replies to notices, where the stack has their key: read once, at start. */
        private Optional<Replies> receiveReply() {
            return environment
                    .optional("CUSTOMER_REPLY_SECRET_ARN")
                    .map(arn -> new ReceiveReply(
                            DeskSettings.replyAddress(environment, Secrets.key(clients, arn)),
                            threads(),
                            new DynamoDbCases(dynamoDb, complaintsTable()),
                            // The processor mails the team: this function only queues the case's key.
                            new SqsComplaintQueue(
                                    clients.configure(SqsClient.builder()).build(),
                                    environment.require("COMPLAINTS_QUEUE_URL")),
                            Clock.systemUTC()));
        }

        private DynamoDbCaseThreads threads() {
            return new DynamoDbCaseThreads(dynamoDb, environment.require("CASE_THREADS_TABLE"));
        }

        Reconcile reconcile(ReconcileWindows windows) {
            SqsClient sqs = clients.configure(SqsClient.builder()).build();
            var indexes = new DynamoDbComplaintIndexes(dynamoDb, complaintsTable());
            var threads = threads();
            return new Reconcile(
                    rawMails,
                    // A reply gave no complaint, but was taken in: it is not read again.
                    receiptId -> indexes.anyFor(receiptId) || threads.hasReceipt(receiptId),
                    receiveMail(),
                    indexes,
                    new SqsComplaintQueue(sqs, environment.require("COMPLAINTS_QUEUE_URL")),
                    new DynamoDbRequeues(dynamoDb, complaintsTable()),
                    new DynamoDbMailReads(dynamoDb, environment.require("LIMITS_TABLE"), Reconcile.QUARANTINE),
                    windows,
                    Clock.systemUTC());
        }

        /**
         * Reads a built-in SES event and the forwarded complaint it announces into complaints, as the first event
         * would; fetches a mail that is not there and sends the complaints' write under a condition that never holds.
         * The roles may only read inbound mail and write complaints: nothing is stored.
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
                    resource("forwarded-complaint.eml"),
                    false,
                    "s3://snapstart-priming/" + received.receiptId(),
                    received.receivedAt());
            var read = receiveMail().complaints(received, mail);
            metrics.rehearse();
            Priming.warm(() -> rawMails.fetch(received.receiptId(), 1));
            read.forEach(complaint -> Priming.warm(() -> complaints.rehearseAdd(complaint)));
        }

        private static byte[] resource(String name) {
            try (var in = InboundMailWiring.class.getResourceAsStream("/snapstart/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("priming resource missing: " + name);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private String complaintsTable() {
            return environment.require("COMPLAINTS_TABLE");
        }
    }
}
