package org.abusedesk.console;

import java.time.Clock;
import java.time.Duration;
import org.abusedesk.account.ChangeAccountStatus;
import org.abusedesk.account.ComplaintRatePolicy;
import org.abusedesk.account.SetAccountContact;
import org.abusedesk.account.ShowAccount;
import org.abusedesk.account.ShowAccountContact;
import org.abusedesk.aws.AwsClients;
import org.abusedesk.aws.DynamoDbAccountContacts;
import org.abusedesk.aws.DynamoDbAccountStandings;
import org.abusedesk.aws.DynamoDbAccounts;
import org.abusedesk.aws.DynamoDbCaseListings;
import org.abusedesk.aws.DynamoDbCaseThreads;
import org.abusedesk.aws.DynamoDbCaseWorkload;
import org.abusedesk.aws.DynamoDbCases;
import org.abusedesk.aws.DynamoDbComplaintTallies;
import org.abusedesk.aws.DynamoDbComplaints;
import org.abusedesk.aws.DynamoDbMailings;
import org.abusedesk.aws.DynamoDbRateHistory;
import org.abusedesk.aws.S3Clients;
import org.abusedesk.aws.S3StoredEvidence;
import org.abusedesk.aws.Secrets;
import org.abusedesk.aws.SesMailer;
import org.abusedesk.cases.AddNote;
import org.abusedesk.cases.CloseCase;
import org.abusedesk.cases.EraseComplainant;
import org.abusedesk.cases.ExportCase;
import org.abusedesk.cases.ListCases;
import org.abusedesk.cases.SendFollowUp;
import org.abusedesk.cases.TellOutcome;
import org.abusedesk.cases.ViewCase;
import org.abusedesk.config.DeskSettings;
import org.abusedesk.config.Environment;
import org.abusedesk.console.pages.ConsolePageSet;
import org.abusedesk.console.pages.ConsoleUseCases;
import org.abusedesk.inbound.InboundLimits;
import org.abusedesk.outgoing.CustomerMailComposer;
import org.abusedesk.processing.EscalateAccount;
import org.abusedesk.processing.EvidenceLinks;
import org.abusedesk.registration.ImportMailings;
import org.abusedesk.registration.ShowMailing;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** The console's pages, built from the function's environment over the same use cases the admin API calls. */
final class ConsolePagesWiring {

    private ConsolePagesWiring() {}

    static ConsolePages of(Environment environment, AwsClients clients) {
        var dynamoDb = clients.dynamoDb();
        String complaintsTable = environment.require("COMPLAINTS_TABLE");
        String accountsTable = environment.require("ACCOUNTS_TABLE");
        var mailings = new DynamoDbMailings(dynamoDb, environment.require("MAILINGS_TABLE"));
        var accounts = new DynamoDbAccounts(dynamoDb, accountsTable);
        var cases = new DynamoDbCases(dynamoDb, complaintsTable);
        var evidence = new S3StoredEvidence(S3Clients.client(clients), environment.require("INBOUND_BUCKET"));
        var format = DeskSettings.mailingIdFormat(environment);
        var thresholds = DeskSettings.thresholds(environment);
        var profile = DeskSettings.resolutionProfile(environment);
        var clock = Clock.systemUTC();
        var retention = Duration.ofDays(environment.requirePositiveInt("RETENTION_DAYS"));
        var threads = new DynamoDbCaseThreads(dynamoDb, environment.require("CASE_THREADS_TABLE"));
        var composer = new CustomerMailComposer(environment.require("SENDER_ADDRESS"));
        var mailer = new SesMailer(clients.configure(SesV2Client.builder()).build());
        var replies = DeskSettings.replyAddress(
                environment, Secrets.key(clients, environment.require("CUSTOMER_REPLY_SECRET_ARN")));
        var contacts = new DynamoDbAccountContacts(dynamoDb, accountsTable, clock);
        // Only its statistics are asked for: what a status change records and the standings compare, as escalation.
        var escalation = new EscalateAccount(
                accounts,
                mailings,
                new DynamoDbComplaints(dynamoDb, complaintsTable),
                new ComplaintRatePolicy(thresholds),
                measurement -> {});
        return new ConsolePageSet(new ConsoleUseCases(
                new ListCases(new DynamoDbCaseListings(dynamoDb, complaintsTable), clock),
                // No signed link: the raw mail is streamed by the function, behind the session.
                new ViewCase(cases, EvidenceLinks.NONE, clock, threads),
                new CloseCase(cases, clock),
                new SendFollowUp(cases, threads, contacts, composer, replies, mailer, clock),
                new AddNote(cases, threads, clock),
                new TellOutcome(cases, threads, composer, mailer, clock),
                new ExportCase(
                        cases,
                        mailings,
                        evidence,
                        InboundLimits.DEFAULT,
                        profile,
                        DeskSettings.abuseDeskContact(environment),
                        clock,
                        threads),
                new ShowAccount(accounts),
                new ChangeAccountStatus(accounts, escalation::statistics, clock),
                new ShowAccountContact(contacts),
                new SetAccountContact(contacts),
                new ShowMailing(mailings),
                mailings,
                new ImportMailings(mailings, format),
                new EraseComplainant(cases, cases, evidence, accounts, clock, threads),
                cases,
                evidence,
                InboundLimits.DEFAULT,
                profile,
                new DynamoDbComplaintTallies(dynamoDb, accountsTable),
                new DynamoDbCaseWorkload(dynamoDb, complaintsTable, accountsTable, retention, clock),
                new DynamoDbAccountStandings(dynamoDb, accountsTable, accounts, escalation::statistics, thresholds),
                new DynamoDbRateHistory(dynamoDb, complaintsTable, mailings, thresholds, clock),
                thresholds,
                cases,
                environment.requirePositiveInt("CUSTOMER_ANSWER_DAYS"),
                clock));
    }
}
