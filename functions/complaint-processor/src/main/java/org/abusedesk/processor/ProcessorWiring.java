package org.abusedesk.processor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.abusedesk.account.ComplaintRatePolicy;
import org.abusedesk.aws.AwsClients;
import org.abusedesk.aws.DynamoDbAccountContacts;
import org.abusedesk.aws.DynamoDbAccounts;
import org.abusedesk.aws.DynamoDbAcknowledgements;
import org.abusedesk.aws.DynamoDbCaseThreads;
import org.abusedesk.aws.DynamoDbCases;
import org.abusedesk.aws.DynamoDbComplaints;
import org.abusedesk.aws.DynamoDbLedger;
import org.abusedesk.aws.DynamoDbMailings;
import org.abusedesk.aws.DynamoDbNoticeClaims;
import org.abusedesk.aws.DynamoDbTeamMailBudget;
import org.abusedesk.aws.EmbeddedMetrics;
import org.abusedesk.aws.Secrets;
import org.abusedesk.aws.SesAbuseTeamNotifier;
import org.abusedesk.aws.SesComplainantAcknowledger;
import org.abusedesk.aws.SesMailer;
import org.abusedesk.complaint.Language;
import org.abusedesk.config.DeskSettings;
import org.abusedesk.config.Environment;
import org.abusedesk.conversation.NotifyCustomer;
import org.abusedesk.conversation.TellTeamOfReply;
import org.abusedesk.outgoing.AcknowledgementComposer;
import org.abusedesk.outgoing.CustomerMailComposer;
import org.abusedesk.outgoing.NotificationComposer;
import org.abusedesk.processing.AcknowledgeComplainant;
import org.abusedesk.processing.CustomerNotices;
import org.abusedesk.processing.EscalateAccount;
import org.abusedesk.processing.FlushNotifications;
import org.abusedesk.processing.NotifyAbuseTeam;
import org.abusedesk.processing.ProcessComplaint;
import org.abusedesk.snapstart.Priming;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The processor's and the flush's collaborators, built from a function's environment: the tables, SES and the
 * published thresholds. Each use case is built when its function asks: the flush's environment has no thresholds.
 */
public record ProcessorWiring(
        Supplier<ProcessComplaint> processor,
        Supplier<FlushNotifications> flusher,
        Priming priming,
        Supplier<Optional<TellTeamOfReply>> replies) {

    /** A processor that is told of no customer's replies. */
    public ProcessorWiring(
            Supplier<ProcessComplaint> processor, Supplier<FlushNotifications> flusher, Priming priming) {
        this(processor, flusher, priming, Optional::empty);
    }

    /** A function's: its metric lines go to stdout, which Lambda's log group turns into metrics. */
    public static ProcessorWiring of(Environment environment) {
        return of(environment, new AwsClients(environment));
    }

    /** With the given clients: how tests put faults between the function and AWS. */
    public static ProcessorWiring of(Environment environment, AwsClients clients) {
        var adapters = new Adapters(environment, clients);
        return new ProcessorWiring(
                adapters::processComplaint,
                adapters::flushNotifications,
                adapters.priming(),
                adapters::tellTeamOfReply);
    }

    /** The abuse team's mail of a customer's reply; empty where the stack has no reply key. */
    public Optional<TellTeamOfReply> tellTeamOfReply() {
        return replies.get();
    }

    public ProcessComplaint processComplaint() {
        return processor.get();
    }

    public FlushNotifications flushNotifications() {
        return flusher.get();
    }

    /** The adapters both functions share, one client of each kind per execution environment. */
    private static final class Adapters {

        private final Environment environment;
        private final AwsClients clients;
        private final DynamoDbClient dynamoDb;
        private final SesV2Client ses;
        private final DynamoDbComplaints complaints;
        private final DynamoDbMailings mailings;
        private final DynamoDbAccounts accounts;
        private final SesAbuseTeamNotifier notifier;
        private final SesComplainantAcknowledger acknowledger;
        private final EmbeddedMetrics metrics = new EmbeddedMetrics(System.out, Clock.systemUTC());

        Adapters(Environment environment, AwsClients clients) {
            this.environment = environment;
            this.clients = clients;
            // One client of each kind per execution environment: every adapter shares it.
            this.dynamoDb = clients.dynamoDb();
            this.ses = clients.configure(SesV2Client.builder()).build();
            this.complaints = new DynamoDbComplaints(dynamoDb, environment.require("COMPLAINTS_TABLE"));
            this.mailings = new DynamoDbMailings(dynamoDb, environment.require("MAILINGS_TABLE"));
            this.accounts = new DynamoDbAccounts(dynamoDb, environment.require("ACCOUNTS_TABLE"));
            String sender = environment.require("SENDER_ADDRESS");
            this.notifier = new SesAbuseTeamNotifier(
                    ses, new NotificationComposer(sender, environment.require("ABUSE_TEAM_ADDRESS")));
            this.acknowledger = new SesComplainantAcknowledger(ses, new AcknowledgementComposer(sender));
        }

        ProcessComplaint processComplaint() {
            return new ProcessComplaint(
                    complaints,
                    mailings,
                    new DynamoDbLedger(
                            dynamoDb,
                            environment.require("COMPLAINTS_TABLE"),
                            environment.require("MAILINGS_TABLE"),
                            environment.require("ACCOUNTS_TABLE"),
                            environment.require("LIMITS_TABLE")),
                    new EscalateAccount(
                            accounts,
                            mailings,
                            complaints,
                            new ComplaintRatePolicy(DeskSettings.thresholds(environment)),
                            metrics),
                    new AcknowledgeComplainant(
                            new DynamoDbAcknowledgements(
                                    dynamoDb,
                                    environment.require("COMPLAINTS_TABLE"),
                                    environment.require("LIMITS_TABLE"),
                                    environment.requireNonNegativeInt("ACKNOWLEDGEMENTS_PER_ADDRESS_PER_DAY"),
                                    environment.requireNonNegativeInt("ACKNOWLEDGEMENTS_PER_DAY")),
                            acknowledger,
                            metrics),
                    notifyAbuseTeam(),
                    metrics,
                    Clock.systemUTC(),
                    notifyCustomer());
        }

        Optional<TellTeamOfReply> tellTeamOfReply() {
            return environment
                    .optional("CUSTOMER_REPLY_SECRET_ARN")
                    .map(arn -> new TellTeamOfReply(
                            new DynamoDbNoticeClaims(dynamoDb, environment.require("LIMITS_TABLE")),
                            new NotificationComposer(
                                    environment.require("SENDER_ADDRESS"), environment.require("ABUSE_TEAM_ADDRESS")),
                            new SesMailer(ses)));
        }

        /** The customer's notices, where the stack has the key of their reply addresses: read once, at start. */
        private Optional<CustomerNotices> notifyCustomer() {
            return environment
                    .optional("CUSTOMER_REPLY_SECRET_ARN")
                    .map(arn -> new NotifyCustomer(
                            mailings,
                            accounts,
                            new DynamoDbAccountContacts(
                                    dynamoDb, environment.require("ACCOUNTS_TABLE"), Clock.systemUTC()),
                            new DynamoDbNoticeClaims(dynamoDb, environment.require("LIMITS_TABLE")),
                            new DynamoDbCases(dynamoDb, environment.require("COMPLAINTS_TABLE")),
                            new DynamoDbCaseThreads(dynamoDb, environment.require("CASE_THREADS_TABLE")),
                            new CustomerMailComposer(environment.require("SENDER_ADDRESS")),
                            DeskSettings.replyAddress(environment, Secrets.key(clients, arn)),
                            new SesMailer(ses),
                            DeskSettings.thresholds(environment),
                            DeskSettings.customerAnswerTime(environment),
                            metrics));
        }

        FlushNotifications flushNotifications() {
            return new FlushNotifications(notifyAbuseTeam(), Clock.systemUTC());
        }

        NotifyAbuseTeam notifyAbuseTeam() {
            return new NotifyAbuseTeam(
                    complaints,
                    mailings,
                    accounts,
                    mailings,
                    new DynamoDbTeamMailBudget(
                            dynamoDb,
                            environment.require("LIMITS_TABLE"),
                            environment.requirePositiveInt("TEAM_MAIL_BUDGET"),
                            Duration.ofMinutes(environment.requirePositiveInt("TEAM_MAIL_BUDGET_WINDOW_MINUTES"))),
                    notifier,
                    notifier,
                    metrics,
                    Duration.ofMinutes(environment.requirePositiveInt("NOTIFICATION_WINDOW_MINUTES")));
        }

        /**
         * What both processor functions do before their snapshot: read a queue message, compose every kind of mail, and read a mailing and complaints that do not exist, which both roles may. Nothing is
         * written and no mail is sent: SES is reached first by the first real mail.
         */
        Priming priming() {
            return () -> {
                QueueMessage.parse(PrimingSamples.QUEUE_MESSAGE);
                notifier.rehearse(PrimingSamples.notification());
                acknowledger.rehearse(PrimingSamples.formComplaint(Language.DE));
                acknowledger.rehearse(PrimingSamples.formComplaint(Language.EN));
                metrics.rehearse();
                Priming.warm(() -> mailings.find(PrimingSamples.MAILING));
                Priming.warm(() -> complaints.awaitingNotification(PrimingSamples.MAILING, Instant.now()));
            };
        }
    }
}
