package org.abusedesk.aws;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.abusedesk.account.AccountId;
import org.abusedesk.complaint.Attribution;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.Complainant;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintId;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.DkimCheck;
import org.abusedesk.complaint.Language;
import org.abusedesk.complaint.MailProvenance;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.complaint.ReceiptVerdicts;
import org.abusedesk.complaint.ReportFormat;
import org.abusedesk.complaint.Salutation;
import org.abusedesk.complaint.Verdict;
import org.abusedesk.complaint.Verification;
import org.abusedesk.local.Stack;
import org.abusedesk.registration.Mailing;

/** Mailings and complaints counted through the real ledger, for the statistics' tests against the moto server. */
final class StatisticsFixtures {

    final DynamoDbMailings mailings;
    final DynamoDbComplaints complaints;
    final DynamoDbLedger ledger;
    final DynamoDbAccounts accounts;

    StatisticsFixtures(Stack stack) {
        var dynamoDb = stack.aws().dynamoDb();
        this.mailings = new DynamoDbMailings(dynamoDb, stack.ref("MailingsTable"));
        this.complaints = new DynamoDbComplaints(dynamoDb, stack.ref("ComplaintsTable"));
        this.accounts = new DynamoDbAccounts(dynamoDb, stack.ref("AccountsTable"));
        this.ledger = new DynamoDbLedger(
                dynamoDb,
                stack.ref("ComplaintsTable"),
                stack.ref("MailingsTable"),
                stack.ref("AccountsTable"),
                stack.ref("LimitsTable"));
    }

    Mailing register(String mailingId, String accountId, long recipients, Instant sentAt) {
        var mailing = new Mailing(
                new MailingId(mailingId),
                new AccountId(accountId),
                OptionalLong.of(recipients),
                sentAt,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                0,
                0);
        mailings.register(mailing);
        return mailing;
    }

    /** A form complaint on the mailing, received at {@code receivedAt}, stored and counted against its account. */
    Complaint countForm(Mailing mailing, Instant receivedAt) {
        return count(formComplaint(mailing.id(), receivedAt), Optional.of(mailing.accountId()));
    }

    Complaint count(Complaint complaint, Optional<AccountId> account) {
        complaints.add(complaint);
        if (!ledger.count(complaint, account)) {
            throw new AssertionError("not counted: " + complaint);
        }
        return complaint;
    }

    static Complaint formComplaint(MailingId mailingId, Instant receivedAt) {
        return new Complaint(
                new ComplaintKey(
                        mailingId,
                        new ComplaintId(com.github.f4b6a3.ulid.UlidCreator.getMonotonicUlid(receivedAt.toEpochMilli())
                                .toString())),
                Channel.FORM,
                Classification.COMPLAINT,
                ComplaintState.RECEIVED,
                receivedAt,
                new Complainant("erika.muster@example.net", Optional.empty(), Salutation.NONE, Language.DE),
                "spam",
                Attribution.NONE,
                Instant.now().plus(Duration.ofDays(180)));
    }

    /** A mailed complaint from {@code from}, DMARC passed, signed by us with {@code signature} if given. */
    static Complaint mailComplaint(MailingId mailingId, Instant receivedAt, String from, Optional<String> signature) {
        var provenance = new MailProvenance(
                "ses-" + receivedAt.toEpochMilli(),
                0,
                ReportFormat.ATTACHED_MESSAGE,
                Optional.of("header:X-Mailing-ID"),
                List.of(),
                false,
                false,
                Optional.empty(),
                List.of(new DkimCheck("mail.example.com", "s1", true, true)),
                signature,
                new ReceiptVerdicts(Verdict.PASS, Verdict.PASS, Verdict.PASS, Verdict.PASS, Verdict.PASS),
                false);
        return new Complaint(
                new ComplaintKey(
                        mailingId,
                        new ComplaintId(com.github.f4b6a3.ulid.UlidCreator.getMonotonicUlid(receivedAt.toEpochMilli())
                                .toString())),
                Channel.MAIL,
                Classification.COMPLAINT,
                ComplaintState.RECEIVED,
                receivedAt,
                new Complainant(from, Optional.empty(), Salutation.NONE, Language.DE),
                "spam",
                new Attribution(
                        Optional.empty(),
                        false,
                        signature.isPresent() ? Verification.SIGNED_BY_SENDER : Verification.NOT_SIGNED,
                        Optional.of(provenance)),
                Instant.now().plus(Duration.ofDays(180)));
    }
}
