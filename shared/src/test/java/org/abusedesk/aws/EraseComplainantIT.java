package org.abusedesk.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.abusedesk.account.AccountId;
import org.abusedesk.cases.CaseClosure;
import org.abusedesk.cases.EraseComplainant;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.MailingIdFormat;
import org.abusedesk.complaint.ReceiptVerdicts;
import org.abusedesk.complaint.Verdict;
import org.abusedesk.inbound.DkimVerifier;
import org.abusedesk.inbound.InboundLimits;
import org.abusedesk.inbound.MailReader;
import org.abusedesk.inbound.ReceiveMail;
import org.abusedesk.inbound.ReceivedMail;
import org.abusedesk.inbound.ResolutionProfile;
import org.abusedesk.intake.ComplaintSubmission;
import org.abusedesk.intake.IdempotencyKey;
import org.abusedesk.intake.Intakes;
import org.abusedesk.intake.RecordingMetrics;
import org.abusedesk.intake.SourceKey;
import org.abusedesk.intake.SourceLimit;
import org.abusedesk.intake.SubmissionResult;
import org.abusedesk.intake.SubmitComplaint;
import org.abusedesk.intake.Submitter;
import org.abusedesk.local.Stack;
import org.abusedesk.metrics.RecordingDeskMetrics;
import org.abusedesk.people.Actor;
import org.abusedesk.suppression.AddressHash;
import org.abusedesk.testkit.MotoExtension;
import org.abusedesk.testkit.StackContents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Erasure of a complainant against the moto server, after her complaints went the way real ones go: one through
 * the form, one by mail stored by SES and read by the inbound function's code, both counted, acknowledged and
 * one resolved with a note naming her. Afterwards every table and every object of the stack is searched for her.
 */
@ExtendWith(MotoExtension.class)
class EraseComplainantIT {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final AccountId ACCOUNT = new AccountId("121070");
    private static final ReceiptVerdicts PASS =
            new ReceiptVerdicts(Verdict.PASS, Verdict.PASS, Verdict.PASS, Verdict.PASS, Verdict.PASS);

    private final Stack stack;
    private final DynamoDbClient dynamoDb;
    private final S3Client s3;
    private final String bucket;
    private final DynamoDbComplaints complaints;
    private final DynamoDbCases cases;
    private final DynamoDbAccounts accounts;

    EraseComplainantIT(Stack stack) {
        this.stack = stack;
        this.dynamoDb = stack.aws().dynamoDb();
        this.s3 = stack.aws().s3();
        this.bucket = stack.ref("InboundMailBucket");
        this.complaints = new DynamoDbComplaints(dynamoDb, stack.ref("ComplaintsTable"));
        this.cases = new DynamoDbCases(dynamoDb, stack.ref("ComplaintsTable"));
        this.accounts = new DynamoDbAccounts(dynamoDb, stack.ref("AccountsTable"));
    }

    @Test
    void erase_leavesTheAddressAndNameNowhereInTheStack_butKeepsHerSuppression_andSomeoneElsesComplaints() {
        // GIVEN Erika's complaints by form and by mail, and Karl's by mail, taken through the desk
        var erikaForm = submit("erika.muster@example.net", "Erika Muster", "Ich, Erika Muster, will das nicht.");
        var erikaMail = receive("ses-0001", mail("Erika Muster", "erika.muster@example.net"));
        var karlMail = receive("ses-0002", mail("Karl Beispiel", "karl.beispiel@example.org"));
        for (var key : List.of(erikaForm, erikaMail, karlMail)) {
            process(key);
        }
        cases.close(
                erikaForm,
                ComplaintState.NOTIFIED,
                new CaseClosure(
                        ComplaintState.RESOLVED, Actor.named("anna"), NOW, "Frau Muster am Telefon: nie angemeldet"));
        assertThat(StackContents.occurrences(stack, "muster"))
                .as("her data before erasure")
                .isNotEmpty();

        // WHEN Erika's data is erased by her address
        var erase = new EraseComplainant(
                cases,
                cases,
                new S3StoredEvidence(s3, bucket),
                accounts,
                Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC));
        var report = erase.erase("erika.muster@example.net");

        // THEN no table item and no stored object holds her address or name; Karl's are still there
        assertThat(StackContents.occurrences(stack, "erika")).isEmpty();
        assertThat(StackContents.occurrences(stack, "muster")).isEmpty();
        assertThat(StackContents.occurrences(stack, "karl.beispiel@example.org"))
                .isNotEmpty();
        assertThat(report.complaints()).containsExactlyInAnyOrder(erikaForm, erikaMail);
        assertThat(report.rawMailsDeleted()).isEqualTo(1);
        assertThat(report.rawMailsKept()).isZero();
        assertThat(report.suppressionsKept()).isEqualTo(1);
        // her suppression holds the hash only, and stays
        assertThat(accounts.find(ACCOUNT, AddressHash.of("erika.muster@example.net")))
                .isPresent();
        // the cases stay, counted and closed as they were
        assertThat(cases.find(erikaForm, NOW).orElseThrow().state()).isEqualTo(ComplaintState.RESOLVED);
        assertThat(cases.find(erikaMail, NOW).orElseThrow().erasedAt()).contains(NOW.plusSeconds(60));
        assertThat(accounts.find(ACCOUNT).orElseThrow().complaints()).isEqualTo(3);
    }

    private ComplaintKey submit(String email, String name, String message) {
        var submit = new SubmitComplaint(
                complaints,
                new DynamoDbIdempotencyRecords(dynamoDb, stack.ref("IntakeTable")),
                new DynamoDbSourceCounter(dynamoDb, stack.ref("IntakeTable"), SourceLimit.DEFAULT),
                new RecordingMetrics(),
                MailingIdFormat.DEFAULT,
                Clock.fixed(NOW, ZoneOffset.UTC),
                Duration.ofDays(180));
        var result = submit.submit(
                new ComplaintSubmission("14141611", email, message, "Frau", name),
                new Submitter(
                        SourceKey.of("198.51.100.7", Intakes.SECRET),
                        Optional.of(IdempotencyKey.client("key-" + NOW.toEpochMilli()))));
        return ((SubmissionResult.Accepted) result).key();
    }

    private ComplaintKey receive(String receiptId, String mail) {
        s3.putObject(r -> r.bucket(bucket).key("inbound/" + receiptId), RequestBody.fromString(mail));
        var receiveMail = new ReceiveMail(
                new S3RawMails(s3, bucket, "inbound/"),
                new MailReader(InboundLimits.DEFAULT, ResolutionProfile.DEFAULT, DkimVerifier.none()),
                complaints,
                new RecordingDeskMetrics(),
                InboundLimits.DEFAULT,
                Duration.ofDays(180));
        var stored = receiveMail.receive(new ReceivedMail(receiptId, NOW, Optional.empty(), PASS));
        assertThat(stored).hasSize(1);
        return stored.get(0).key();
    }

    /** What the processor writes: counted with suppression, acknowledgement recorded, then notified. */
    private void process(ComplaintKey key) {
        var complaint = complaints.find(key, NOW).orElseThrow();
        new DynamoDbLedger(
                        dynamoDb,
                        stack.ref("ComplaintsTable"),
                        stack.ref("MailingsTable"),
                        stack.ref("AccountsTable"),
                        stack.ref("LimitsTable"))
                .count(complaint, Optional.of(ACCOUNT));
        new DynamoDbAcknowledgements(dynamoDb, stack.ref("ComplaintsTable"), stack.ref("LimitsTable"), 3, 500)
                .record(complaint, NOW);
        complaints.advance(key, ComplaintState.COUNTED, ComplaintState.NOTIFIED);
    }

    private static String mail(String name, String address) {
        return String.join(
                "\r\n",
                "Return-Path: <" + address + ">",
                "From: " + name + " <" + address + ">",
                "To: abuse@example.com",
                "Subject: Spam von euch",
                "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"b\"",
                "",
                "--b",
                "Content-Type: text/plain; charset=utf-8",
                "",
                "Hallo, ich bin " + name + " und will das nicht.",
                "--b",
                "Content-Type: message/rfc822",
                "",
                "Return-Path: <bounce@mail.shop.example.org>",
                "Received: from out.example.com (out.example.com [192.0.2.25]) by mx.example.net; "
                        + "Tue, 24 Nov 2026 09:00:00 +0100",
                "From: Shop <news@shop.example.org>",
                "To: " + name + " <" + address + ">",
                "Subject: Angebote",
                "Message-ID: <m1@shop.example.org>",
                "X-Mailing: 14141611",
                "X-Client: 121070",
                "Date: Tue, 24 Nov 2026 09:00:00 +0100",
                "Content-Type: text/plain",
                "",
                "Hallo " + name + ", kaufen Sie jetzt.",
                "--b--",
                "");
    }
}
