package org.abusedesk.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.abusedesk.complaint.Verification;
import org.abusedesk.local.Stack;
import org.abusedesk.suppression.AddressHash;
import org.abusedesk.testkit.MotoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Counting, and the suppressions it leaves, against the moto server. */
@ExtendWith(MotoExtension.class)
class DynamoDbLedgerIT {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private final DynamoDbClient dynamoDb;
    private final Stack stack;
    private final DynamoDbComplaints complaints;
    private final DynamoDbLedger ledger;
    private final DynamoDbAccounts accounts;

    DynamoDbLedgerIT(Stack stack) {
        this.stack = stack;
        this.dynamoDb = stack.aws().dynamoDb();
        this.complaints = new DynamoDbComplaints(dynamoDb, stack.ref("ComplaintsTable"));
        this.ledger = new DynamoDbLedger(
                dynamoDb,
                stack.ref("ComplaintsTable"),
                stack.ref("MailingsTable"),
                stack.ref("AccountsTable"),
                stack.ref("LimitsTable"));
        this.accounts = new DynamoDbAccounts(dynamoDb, stack.ref("AccountsTable"));
    }

    @Test
    void count_suppressesTheComplainantForTheAccount_byTheHashOfTheAddressOnly() {
        // GIVEN a complaint from an address written in capitals
        var complaint = complaint("Erika.Muster@Example.NET");
        complaints.add(complaint);
        var account = new AccountId("121070");

        // WHEN it is counted against the account
        assertThat(ledger.count(complaint, Optional.of(account))).isTrue();

        // THEN the account suppresses the normalised address's hash, found by it, and the item holds no address
        var hash = AddressHash.of("erika.muster@example.net");
        var suppression = accounts.find(account, hash).orElseThrow();
        assertThat(suppression.complaintId()).isEqualTo(complaint.id().value());
        assertThat(suppression.since()).isEqualTo(NOW);
        assertThat(accounts.find(new AccountId("999999"), hash)).isEmpty();
        assertThat(accounts.find(account, AddressHash.of("someone.else@example.net")))
                .isEmpty();
        assertThat(suppressionItem(account, hash).toString()).doesNotContainIgnoringCase("erika");
    }

    @Test
    void count_ofAComplaintWithoutAddress_countsIt_andSuppressesNobody() {
        // GIVEN a complaint whose complainant has no address (a mail without sender, or one erased before counting)
        var complaint = complaint("");
        complaints.add(complaint);
        var account = new AccountId("121071");

        // WHEN it is counted
        assertThat(ledger.count(complaint, Optional.of(account))).isTrue();

        // THEN it is counted against the account, and no suppression of an empty address exists
        assertThat(accounts.find(account).orElseThrow().complaints()).isEqualTo(1);
        assertThat(accounts.of(account)).isEmpty();
        assertThat(complaints.find(complaint.key(), NOW).orElseThrow().state()).isEqualTo(ComplaintState.COUNTED);
    }

    @Test
    void count_ofASecondComplaintWithTheSameSignedMessage_marksItAReplay_andCountsNothing() {
        // GIVEN two verified complaints on one mailing whose reported messages carry the same signature (a replay)
        var first = signed("erika.muster@example.net", "sig-14141612");
        var replay = signed("max.muster@example.net", "sig-14141612");
        complaints.add(first);
        complaints.add(replay);
        var account = new AccountId("121072");

        // WHEN both are counted
        assertThat(ledger.count(first, Optional.of(account))).isTrue();
        assertThat(ledger.count(replay, Optional.of(account))).isTrue();

        // THEN the first counts once, verified; the second is counted as a replay, unverified, touching no counter
        var mailing = dynamoDb.getItem(
                        r -> r.tableName(stack.ref("MailingsTable")).key(DynamoDbMailings.key(first.mailingId())))
                .item();
        assertThat(mailing.get("complaints").n()).isEqualTo("1");
        assertThat(mailing.get("verifiedComplaints").n()).isEqualTo("1");
        var counted = accounts.find(account).orElseThrow();
        assertThat(counted.complaints()).isEqualTo(1);
        assertThat(counted.verifiedComplaints()).isEqualTo(1);
        var stored = complaints.find(replay.key(), NOW).orElseThrow();
        assertThat(stored.state()).isEqualTo(ComplaintState.COUNTED);
        assertThat(stored.attribution().verification()).isEqualTo(Verification.REPLAY);
        assertThat(stored.attribution().verified()).isFalse();
        assertThat(complaints.find(first.key(), NOW).orElseThrow().attribution().verification())
                .isEqualTo(Verification.SIGNED_BY_SENDER);
        assertThat(accounts.find(account, AddressHash.of("max.muster@example.net")))
                .isEmpty();

        // AND counting the replay again changes nothing
        assertThat(ledger.count(replay, Optional.of(account))).isFalse();
        assertThat(accounts.find(account).orElseThrow().complaints()).isEqualTo(1);
    }

    private static Complaint signed(String email, String signature) {
        var provenance = new MailProvenance(
                "ses-" + email,
                0,
                ReportFormat.ATTACHED_MESSAGE,
                Optional.of("header:X-Mailing"),
                List.of(),
                false,
                false,
                Optional.empty(),
                List.of(new DkimCheck("mail.example.com", "s1", true, true)),
                Optional.of(signature),
                ReceiptVerdicts.UNKNOWN,
                false);
        return new Complaint(
                new ComplaintKey(new MailingId("14141612"), ComplaintId.generate()),
                Channel.MAIL,
                Classification.COMPLAINT,
                ComplaintState.RECEIVED,
                NOW,
                new Complainant(email, Optional.empty(), Salutation.NONE, Language.DE),
                "spam",
                new Attribution(Optional.empty(), false, Verification.SIGNED_BY_SENDER, Optional.of(provenance)),
                NOW.plus(Duration.ofDays(180)));
    }

    private Map<String, AttributeValue> suppressionItem(AccountId account, AddressHash hash) {
        return dynamoDb.getItem(r -> r.tableName(stack.ref("AccountsTable"))
                        .key(DynamoDbAccounts.key(account, DynamoDbAccounts.SUPPRESSION + hash.value())))
                .item();
    }

    private static Complaint complaint(String email) {
        return new Complaint(
                new ComplaintKey(new MailingId("14141611"), ComplaintId.generate()),
                Channel.FORM,
                Classification.COMPLAINT,
                ComplaintState.RECEIVED,
                NOW,
                new Complainant(email, Optional.empty(), Salutation.NONE, Language.DE),
                "spam",
                Attribution.NONE,
                NOW.plus(Duration.ofDays(180)));
    }
}
