package org.abusedesk.admin.api;

import java.time.Clock;
import java.time.Duration;
import org.abusedesk.account.ChangeAccountStatus;
import org.abusedesk.account.ComplaintRatePolicy;
import org.abusedesk.account.SetAccountContact;
import org.abusedesk.account.ShowAccount;
import org.abusedesk.account.ShowAccountContact;
import org.abusedesk.aws.AwsClients;
import org.abusedesk.aws.DynamoDbAccountContacts;
import org.abusedesk.aws.DynamoDbAccounts;
import org.abusedesk.aws.DynamoDbCaseListings;
import org.abusedesk.aws.DynamoDbCaseThreads;
import org.abusedesk.aws.DynamoDbCases;
import org.abusedesk.aws.DynamoDbComplaints;
import org.abusedesk.aws.DynamoDbMailings;
import org.abusedesk.aws.S3Clients;
import org.abusedesk.aws.S3EvidenceLinks;
import org.abusedesk.aws.S3StoredEvidence;
import org.abusedesk.cases.CloseCase;
import org.abusedesk.cases.EraseComplainant;
import org.abusedesk.cases.ExportCase;
import org.abusedesk.cases.ListCases;
import org.abusedesk.cases.ViewCase;
import org.abusedesk.config.DeskSettings;
import org.abusedesk.config.Environment;
import org.abusedesk.inbound.InboundLimits;
import org.abusedesk.processing.EscalateAccount;
import org.abusedesk.registration.ImportAccountContacts;
import org.abusedesk.registration.ImportMailings;
import org.abusedesk.registration.RegisterMailing;
import org.abusedesk.registration.ShowMailing;
import org.abusedesk.suppression.ListSuppressions;

/**
 * The use cases the admin API serves, wired once per execution environment from the function's environment; or, by
 * its constructor, on whatever stores a test gives.
 */
public record AdminApiWiring(
        ShowMailing showMailing,
        RegisterMailing registerMailing,
        ImportMailings importMailings,
        ListCases listCases,
        ViewCase viewCase,
        CloseCase closeCase,
        ExportCase exportCase,
        EraseComplainant eraseComplainant,
        ShowAccount showAccount,
        ChangeAccountStatus changeAccountStatus,
        ListSuppressions listSuppressions,
        ShowAccountContact showAccountContact,
        SetAccountContact setAccountContact,
        ImportAccountContacts importAccountContacts) {

    /** How long a link to a case's raw mail opens it: long enough to read the case, short enough not to be shared. */
    // A bearer link: whoever holds it reads the raw mail, so it lives only as long as a look at the case takes.
    static final Duration EVIDENCE_LINK_VALIDITY = Duration.ofMinutes(15);

    /** The use cases on the tables, the bucket and the settings of the function's environment. */
    public static AdminApiWiring of(Environment environment) {
        return of(environment, new AwsClients(environment));
    }

    /** The same on the given clients: how tests put faults between the API and AWS. */
    public static AdminApiWiring of(Environment environment, AwsClients clients) {
        var dynamoDb = clients.dynamoDb();
        String complaintsTable = environment.require("COMPLAINTS_TABLE");
        var mailings = new DynamoDbMailings(dynamoDb, environment.require("MAILINGS_TABLE"));
        String accountsTable = environment.require("ACCOUNTS_TABLE");
        var accounts = new DynamoDbAccounts(dynamoDb, accountsTable);
        var cases = new DynamoDbCases(dynamoDb, complaintsTable);
        var threads = new DynamoDbCaseThreads(dynamoDb, environment.require("CASE_THREADS_TABLE"));
        var evidence = new S3StoredEvidence(S3Clients.client(clients), environment.require("INBOUND_BUCKET"));
        var format = DeskSettings.mailingIdFormat(environment);
        var clock = Clock.systemUTC();
        var contacts = new DynamoDbAccountContacts(dynamoDb, accountsTable, clock);
        // Only its statistics are asked for: what a person's status change records, computed as escalation does.
        var escalation = new EscalateAccount(
                accounts,
                mailings,
                new DynamoDbComplaints(dynamoDb, complaintsTable),
                new ComplaintRatePolicy(DeskSettings.thresholds(environment)),
                measurement -> {});
        return new AdminApiWiring(
                new ShowMailing(mailings),
                new RegisterMailing(mailings, format),
                new ImportMailings(mailings, format),
                new ListCases(new DynamoDbCaseListings(dynamoDb, complaintsTable), clock),
                new ViewCase(
                        cases,
                        new S3EvidenceLinks(S3Clients.presigner(clients), EVIDENCE_LINK_VALIDITY),
                        clock,
                        threads),
                new CloseCase(cases, clock),
                new ExportCase(
                        cases,
                        mailings,
                        evidence,
                        InboundLimits.DEFAULT,
                        DeskSettings.resolutionProfile(environment),
                        DeskSettings.abuseDeskContact(environment),
                        clock,
                        threads),
                new EraseComplainant(cases, cases, evidence, accounts, clock, threads),
                new ShowAccount(accounts),
                new ChangeAccountStatus(accounts, escalation::statistics, clock),
                new ListSuppressions(accounts),
                new ShowAccountContact(contacts),
                new SetAccountContact(contacts),
                new ImportAccountContacts(contacts));
    }
}
