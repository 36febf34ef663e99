package org.abusedesk.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.f4b6a3.ulid.Ulid;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.InMemoryComplaints;
import org.abusedesk.complaint.Language;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.complaint.ReceiptVerdicts;
import org.abusedesk.complaint.ReportFormat;
import org.abusedesk.complaint.Verdict;
import org.abusedesk.complaint.Verification;
import org.abusedesk.metrics.Measurement.ComplaintReceived;
import org.abusedesk.metrics.RecordingDeskMetrics;
import org.junit.jupiter.api.Test;

class ReceiveMailTest {

    private static final Instant RECEIVED_AT = Instant.parse("2026-11-03T09:15:00Z");
    private static final Instant STORED_AT = Instant.parse("2026-11-03T09:14:59Z");
    private static final ReceiptVerdicts ALL_PASS =
            new ReceiptVerdicts(Verdict.PASS, Verdict.PASS, Verdict.PASS, Verdict.PASS, Verdict.PASS);

    private final InMemoryComplaints complaints = new InMemoryComplaints();
    private final InMemoryRawMails rawMails = new InMemoryRawMails();
    private final RecordingDeskMetrics metrics = new RecordingDeskMetrics();
    private final ReceiveMail receiveMail = new ReceiveMail(
            rawMails, Fixtures.reader(), complaints, metrics, InboundLimits.DEFAULT, Duration.ofDays(180));

    @Test
    void receive_storesOneComplaintPerReportedMessage_withItsProvenance() {
        // GIVEN a complaint with two attached messages, stored by the receiving server
        rawMails.put("ses-1", Fixtures.mail("attached-two-messages.eml"));

        // WHEN it is received
        var stored = receiveMail.receive(new ReceivedMail("ses-1", RECEIVED_AT, Optional.empty(), ALL_PASS));

        // THEN there is one complaint per attached message, under its Mailing ID, with what tied it there
        assertThat(stored)
                .extracting(s -> s.key().mailingId().value(), StoredComplaint::format, StoredComplaint::duplicate)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("14141611", ReportFormat.ATTACHED_MESSAGE, false),
                        org.assertj.core.groups.Tuple.tuple("14141612", ReportFormat.ATTACHED_MESSAGE, false));
        var first = complaints.all().get(0);
        assertThat(first.channel()).isEqualTo(Channel.MAIL);
        assertThat(first.classification()).isEqualTo(Classification.COMPLAINT);
        assertThat(first.state()).isEqualTo(ComplaintState.RECEIVED);
        assertThat(first.receivedAt()).isEqualTo(RECEIVED_AT);
        assertThat(first.expiresAt()).isEqualTo(RECEIVED_AT.plus(Duration.ofDays(180)));
        assertThat(first.complainant().email()).isEqualTo("erika.muster@example.net");
        assertThat(first.complainant().name()).contains("Erika Muster");
        assertThat(first.complainant().language()).isEqualTo(Language.EN);
        assertThat(first.message()).isEqualTo("Two spams\n\nTwo of them today.");
        assertThat(first.attribution().claimedAccountId()).contains("121070");
        assertThat(first.attribution().verified()).isFalse();
        var provenance = first.attribution().provenance().orElseThrow();
        assertThat(provenance.receiptId()).isEqualTo("ses-1");
        assertThat(provenance.part()).isZero();
        assertThat(provenance.format()).isEqualTo(ReportFormat.ATTACHED_MESSAGE);
        assertThat(provenance.mailingIdSource()).contains("header:X-Mailing");
        assertThat(provenance.evidence()).contains("memory://ses-1");
        assertThat(provenance.verdicts()).isEqualTo(ALL_PASS);
        assertThat(provenance.quarantined()).isFalse();
        assertThat(provenance.truncated()).isFalse();
        assertThat(complaints
                        .all()
                        .get(1)
                        .attribution()
                        .provenance()
                        .orElseThrow()
                        .part())
                .isEqualTo(1);
    }

    @Test
    void receive_ofTheSameMailAgain_storesNothingTwice() {
        // GIVEN a mail received once
        rawMails.put("ses-2", Fixtures.mail("attached-two-messages.eml"));
        var notice = new ReceivedMail("ses-2", RECEIVED_AT, Optional.empty(), ALL_PASS);
        var first = receiveMail.receive(notice);

        // WHEN the same event comes again (Lambda retries asynchronous events)
        var second = receiveMail.receive(notice);

        // THEN the same keys are found taken, the table still holds two complaints, and two were counted received
        assertThat(second)
                .extracting(StoredComplaint::key)
                .isEqualTo(first.stream().map(StoredComplaint::key).toList());
        assertThat(second).allSatisfy(s -> assertThat(s.duplicate()).isTrue());
        assertThat(complaints.all()).hasSize(2);
        assertThat(metrics.measurements())
                .containsExactly(
                        new ComplaintReceived(Channel.MAIL, Classification.COMPLAINT, false),
                        new ComplaintReceived(Channel.MAIL, Classification.COMPLAINT, false));
    }

    @Test
    void receive_ofATextWithoutAnyMailingIdOrLinkToUs_storesItUnattributed_asAnEnquiry() {
        rawMails.put("ses-3", Fixtures.mail("no-mailing-id.eml"));

        var stored = receiveMail.receive(new ReceivedMail("ses-3", RECEIVED_AT, Optional.empty(), ALL_PASS));

        assertThat(stored).singleElement().satisfies(s -> {
            assertThat(s.key().mailingId()).isEqualTo(MailingId.UNATTRIBUTED);
            assertThat(s.mailingIdSource()).isEqualTo("none");
        });
        assertThat(metrics.measurements())
                .containsExactly(new ComplaintReceived(Channel.MAIL, Classification.ENQUIRY, true));
        assertThat(complaints.all().get(0).classification()).isEqualTo(Classification.ENQUIRY);
        assertThat(complaints
                        .all()
                        .get(0)
                        .attribution()
                        .provenance()
                        .orElseThrow()
                        .mailingIdSource())
                .isEmpty();
    }

    @Test
    void receive_ofAMailWithAVirus_storesItQuarantined() {
        rawMails.put("ses-4", Fixtures.mail("attached-message.eml"));
        var virus = new ReceiptVerdicts(Verdict.PASS, Verdict.FAIL, Verdict.PASS, Verdict.PASS, Verdict.PASS);

        receiveMail.receive(new ReceivedMail("ses-4", RECEIVED_AT, Optional.empty(), virus));

        var complaint = complaints.all().get(0);
        assertThat(complaint.attribution().quarantined()).isTrue();
        assertThat(complaint.attribution().provenance().orElseThrow().verdicts())
                .isEqualTo(virus);
    }

    @Test
    void receive_ofABounce_storesItAsABounce_andCountsItByItsClassification() {
        rawMails.put("ses-5", Fixtures.read(Fixtures.corpus("bounces", ".eml").get(0)));

        var stored = receiveMail.receive(new ReceivedMail("ses-5", RECEIVED_AT, Optional.empty(), ALL_PASS));

        assertThat(stored).extracting(StoredComplaint::classification).containsExactly(Classification.BOUNCE);
        assertThat(complaints.all().get(0).classification()).isEqualTo(Classification.BOUNCE);
        assertThat(metrics.measurements())
                .singleElement()
                .isInstanceOfSatisfying(
                        ComplaintReceived.class,
                        received -> assertThat(received.classification()).isEqualTo(Classification.BOUNCE));
    }

    @Test
    void receive_ofAnArfReportWhoseDkimTheServerVerified_isNotVerifiedByThatAlone() {
        // SES's DKIM PASS says only that some signature passed: the sender's own domain would do.
        rawMails.put("ses-6", Fixtures.mail("cfbl-report.eml"));

        receiveMail.receive(new ReceivedMail("ses-6", RECEIVED_AT, Optional.empty(), ALL_PASS));

        var complaint = complaints.all().get(0);
        assertThat(complaint.attribution().verified()).isFalse();
        assertThat(complaint.attribution().verification()).isEqualTo(Verification.REPORTER_NOT_PROVEN);
        assertThat(complaint.mailingId().value()).isEqualTo("14141611");
        assertThat(complaint.attribution().claimedAccountId()).contains("121070");
    }

    @Test
    void receive_ofAMailLargerThanTheLimit_storesWhatWasReadAsTruncated() {
        var small = new InboundLimits(600, 10, 500, 1_000, 100_000, 1_000_000, Duration.ofSeconds(2));
        var receive = new ReceiveMail(
                rawMails,
                new MailReader(small, ResolutionProfile.DEFAULT, DkimVerifier.none()),
                complaints,
                metrics,
                small,
                Duration.ofDays(180));
        rawMails.put("ses-7", Fixtures.mail("attached-message.eml"));

        receive.receive(new ReceivedMail("ses-7", RECEIVED_AT, Optional.of("bounce@example.net"), ALL_PASS));

        assertThat(complaints.all())
                .singleElement()
                .satisfies(c -> assertThat(
                                c.attribution().provenance().orElseThrow().truncated())
                        .isTrue());
    }

    @Test
    void receive_ofAMailThatIsNotStored_fails() {
        assertThatThrownBy(
                        () -> receiveMail.receive(new ReceivedMail("missing", RECEIVED_AT, Optional.empty(), ALL_PASS)))
                .isInstanceOf(RawMails.MailNotFoundException.class)
                .hasMessage("no mail stored under receipt id missing");
        assertThat(complaints.all()).isEmpty();
    }

    @Test
    void complaintId_isTheSameForTheSameReceiptAndPart_andAUlidOfTheTimeTheMailWasStored() {
        var id = ReceiveMail.complaintId("ses-8", 0, STORED_AT);

        assertThat(ReceiveMail.complaintId("ses-8", 0, STORED_AT)).isEqualTo(id);
        assertThat(ReceiveMail.complaintId("ses-8", 1, STORED_AT)).isNotEqualTo(id);
        assertThat(ReceiveMail.complaintId("ses-9", 0, STORED_AT)).isNotEqualTo(id);
        assertThat(Ulid.from(id.value()).getInstant()).isEqualTo(STORED_AT);
    }

    @Test
    void receive_derivesTheComplaintIdFromWhenTheMailWasStored_andKeepsTheEventsArrivalAsReceivedAt() {
        // GIVEN a mail stored a second before SES's event says it arrived
        rawMails.put("ses-10", Fixtures.mail("attached-message.eml"), STORED_AT);

        // WHEN its event comes
        var stored = receiveMail.receive(new ReceivedMail("ses-10", RECEIVED_AT, Optional.empty(), ALL_PASS));

        // THEN the id is a ULID of the stored time, the complaint's arrival is the event's
        assertThat(Ulid.from(stored.get(0).key().complaintId().value()).getInstant())
                .isEqualTo(STORED_AT);
        assertThat(complaints.all().get(0).receivedAt()).isEqualTo(RECEIVED_AT);
    }

    @Test
    void receiveStored_writesTheKeysTheEventWould_soThatALateEventStoresNothingTwice() {
        // GIVEN a mail with two attached messages, taken in without its event
        rawMails.put("ses-11", Fixtures.mail("attached-two-messages.eml"), STORED_AT);
        var redriven = receiveMail.receiveStored("ses-11");

        // WHEN the event comes after all, with its own timestamp
        var late = receiveMail.receive(new ReceivedMail("ses-11", RECEIVED_AT, Optional.empty(), ALL_PASS));

        // THEN it finds the same keys taken: two complaints, stored once each
        assertThat(late)
                .extracting(StoredComplaint::key)
                .isEqualTo(redriven.stream().map(StoredComplaint::key).toList());
        assertThat(redriven).noneMatch(StoredComplaint::duplicate);
        assertThat(late).allMatch(StoredComplaint::duplicate);
        assertThat(complaints.all()).hasSize(2);
    }

    @Test
    void receiveStored_arrivesWhenTheMailWasStored_withUnknownVerdicts() {
        rawMails.put("ses-12", Fixtures.mail("attached-message.eml"), STORED_AT);

        var stored = receiveMail.receiveStored("ses-12");

        var complaint = complaints.all().get(0);
        assertThat(complaint.receivedAt()).isEqualTo(STORED_AT);
        assertThat(complaint.expiresAt()).isEqualTo(STORED_AT.plus(Duration.ofDays(180)));
        assertThat(complaint.key()).isEqualTo(stored.get(0).key());
        var provenance = complaint.attribution().provenance().orElseThrow();
        assertThat(provenance.receiptId()).isEqualTo("ses-12");
        assertThat(provenance.verdicts()).isEqualTo(ReceiptVerdicts.UNKNOWN);
        assertThat(provenance.quarantined()).isFalse();
    }

    @Test
    void receiveStored_ofAMailWithoutFrom_hasNoComplainantAddress_asTheEnvelopeSenderIsAnybodysToSet() {
        rawMails.put(
                "ses-13",
                Fixtures.mail(
                        "Return-Path: <erika.muster@example.net>",
                        "To: abuse@example.com",
                        "Subject: Spam",
                        "",
                        "Mailing ID: 14141611"));

        receiveMail.receiveStored("ses-13");

        assertThat(complaints.all().get(0).complainant().email()).isEmpty();
    }

    @Test
    void receive_takesTheComplainantFromFromOnly_neverFromReplyToOrTheEnvelope() {
        rawMails.put(
                "ses-15",
                Fixtures.mail(
                        "Return-Path: <victim@bank.example>",
                        "From: Erika <erika.muster@example.net>",
                        "Reply-To: victim@bank.example",
                        "To: abuse@example.com",
                        "Subject: Spam",
                        "",
                        "Mailing ID: 14141611"));
        rawMails.put(
                "ses-16",
                Fixtures.mail(
                        "From: victim@bank.example, erika.muster@example.net",
                        "To: abuse@example.com",
                        "Subject: Spam",
                        "",
                        "Mailing ID: 14141611"));

        receiveMail.receive(new ReceivedMail("ses-15", RECEIVED_AT, Optional.of("victim@bank.example"), ALL_PASS));
        receiveMail.receive(new ReceivedMail("ses-16", RECEIVED_AT, Optional.of("victim@bank.example"), ALL_PASS));

        assertThat(complaints.all())
                .extracting(c -> c.complainant().email())
                .containsExactlyInAnyOrder("erika.muster@example.net", "");
    }

    @Test
    void receiveStored_ofAMailSesFoundAVirusIn_storesItQuarantined() {
        // GIVEN the verdict SES writes on top of a stored mail, and a forged one of the sender's below it
        rawMails.put(
                "ses-14",
                Fixtures.mail(
                        "X-SES-Virus-Verdict: FAIL",
                        "X-SES-Virus-Verdict: PASS",
                        "From: Erika Muster <erika.muster@example.net>",
                        "To: abuse@example.com",
                        "Subject: Spam",
                        "",
                        "Mailing ID: 14141611"));

        receiveMail.receiveStored("ses-14");

        var provenance = complaints.all().get(0).attribution().provenance().orElseThrow();
        assertThat(provenance.verdicts().virus()).isEqualTo(Verdict.FAIL);
        assertThat(provenance.quarantined()).isTrue();
    }

    @Test
    void envelopeSender_isReturnPathsAddress_orNoneForTheNullPath() {
        assertThat(ReceiveMail.envelopeSender(headers("Return-Path", " <a@example.net> ")))
                .contains("a@example.net");
        assertThat(ReceiveMail.envelopeSender(headers("Return-Path", "a@example.net")))
                .contains("a@example.net");
        assertThat(ReceiveMail.envelopeSender(headers("Return-Path", "<>"))).isEmpty();
        assertThat(ReceiveMail.envelopeSender(MailHeaders.NONE)).isEmpty();
    }

    private static MailHeaders headers(String name, String value) {
        return new MailHeaders(List.of(new MailHeaders.Field(name, value)));
    }
}
