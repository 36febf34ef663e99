package org.abusedesk.aws;

import static org.abusedesk.cases.CaseFixtures.ERIKA;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.abusedesk.account.AccountId;
import org.abusedesk.cases.CaseClosure;
import org.abusedesk.cases.CaseFile;
import org.abusedesk.cases.CaseFixtures;
import org.abusedesk.complaint.Attribution;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.Complainant;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.DkimCheck;
import org.abusedesk.complaint.Language;
import org.abusedesk.complaint.MailProvenance;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.complaint.MailingIdCandidate;
import org.abusedesk.complaint.ReceiptVerdicts;
import org.abusedesk.complaint.ReportFormat;
import org.abusedesk.complaint.Salutation;
import org.abusedesk.complaint.Verdict;
import org.abusedesk.complaint.Verification;
import org.abusedesk.evidence.OptInEvidence;
import org.abusedesk.evidence.OptInRecord;
import org.abusedesk.local.Stack;
import org.abusedesk.people.Actor;
import org.abusedesk.suppression.AddressHash;
import org.abusedesk.testkit.MotoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Cases one at a time, and a complainant's records, against the moto server. */
@ExtendWith(MotoExtension.class)
class DynamoDbCasesIT {

    /** To the second: expiry is stored in epoch seconds, as DynamoDB's TTL reads it. */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final DynamoDbComplaints complaints;
    private final DynamoDbCases cases;
    private final DynamoDbLedger ledger;
    private final DynamoDbAcknowledgements acknowledgements;

    DynamoDbCasesIT(Stack stack) {
        this.dynamoDb = stack.aws().dynamoDb();
        this.table = stack.ref("ComplaintsTable");
        this.complaints = new DynamoDbComplaints(dynamoDb, table);
        this.cases = new DynamoDbCases(dynamoDb, table);
        this.ledger = new DynamoDbLedger(
                dynamoDb, table, stack.ref("MailingsTable"), stack.ref("AccountsTable"), stack.ref("LimitsTable"));
        this.acknowledgements = new DynamoDbAcknowledgements(dynamoDb, table, stack.ref("LimitsTable"), 3, 500);
    }

    @Test
    void find_givesTheComplaintWithItsProvenanceAndVerdicts_andWhatTheDeskWroteOnItSince() {
        // GIVEN a mailed complaint with its whole provenance, counted against account 121070 and acknowledged
        var complaint = mailed("ses-find", Optional.of("s3://bucket/inbound/ses-find"));
        complaints.add(complaint);
        ledger.count(complaint, Optional.of(new AccountId("121070")));
        acknowledgements.record(complaint, NOW.plusSeconds(1));

        // WHEN it is read as a case
        var file = cases.find(complaint.key(), NOW).orElseThrow();

        // THEN everything stored is there: the complaint as stored, its account and acknowledgement
        assertThat(file)
                .isEqualTo(new CaseFile(
                        complaint.withState(ComplaintState.COUNTED),
                        Optional.of(new AccountId("121070")),
                        Optional.of(NOW.plusSeconds(1)),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));
        assertThat(cases.find(complaint.key(), complaint.expiresAt())).isEmpty();
        assertThat(cases.find(ComplaintKey.of("14141611", CaseFixtures.idAt(NOW).value()), NOW))
                .isEmpty();
    }

    @Test
    void close_writesTheClosure_onlyFromTheStateItWasReadIn() {
        var complaint = CaseFixtures.form("14141611", NOW, ComplaintState.NOTIFIED, ERIKA);
        complaints.add(complaint);
        var closure = new CaseClosure(
                ComplaintState.RESOLVED, Actor.named("anna@abuse-team"), NOW.plusSeconds(5), "Kunde verwarnt");

        assertThat(cases.close(complaint.key(), ComplaintState.NOTIFIED, closure))
                .isTrue();
        assertThat(cases.close(
                        complaint.key(),
                        ComplaintState.NOTIFIED,
                        new CaseClosure(ComplaintState.DISMISSED, Actor.named("ben"), NOW, "no")))
                .isFalse();

        var file = cases.find(complaint.key(), NOW).orElseThrow();
        assertThat(file.state()).isEqualTo(ComplaintState.RESOLVED);
        assertThat(file.closure()).contains(closure);
        assertThat(item(complaint.key()))
                .containsEntry("closedBy", AttributeValue.fromS("anna@abuse-team"))
                .containsEntry(
                        "closedAt", AttributeValue.fromS(NOW.plusSeconds(5).toString()))
                .containsEntry("closingNote", AttributeValue.fromS("Kunde verwarnt"));
    }

    @Test
    void close_ofAMissingCase_isFalse_andCreatesNoItem() {
        var key = ComplaintKey.of("14141611", CaseFixtures.idAt(NOW).value());

        assertThat(cases.close(
                        key,
                        ComplaintState.NOTIFIED,
                        new CaseClosure(ComplaintState.RESOLVED, Actor.named("anna"), NOW, "x")))
                .isFalse();
        assertThat(item(key)).isEmpty();
    }

    @Test
    void ofComplainant_findsEveryComplaintOfTheAddress_expiredOnesToo_andNoOneElses() {
        // GIVEN two complaints of one person (one past its expiry), and one of someone else
        String person = "karl.beispiel." + NOW.toEpochMilli() + "@example.net";
        var current = CaseFixtures.form("14141611", NOW, ComplaintState.NOTIFIED, person);
        var expired = CaseFixtures.expiringAt(
                CaseFixtures.form("14141612", NOW.minus(Duration.ofDays(190)), ComplaintState.NOTIFIED, person),
                NOW.minus(Duration.ofDays(10)));
        var someoneElse = CaseFixtures.form("14141611", NOW, ComplaintState.NOTIFIED, "other." + person);
        complaints.add(current);
        complaints.add(expired);
        complaints.add(someoneElse);

        // WHEN the address is looked up, written otherwise
        var found = cases.ofComplainant(AddressHash.of("  " + person.toUpperCase() + " "));

        // THEN both of the person's complaints are found, whole, and nothing else
        assertThat(found).extracting(f -> f.complaint().key()).containsExactlyInAnyOrder(current.key(), expired.key());
    }

    @Test
    void ofReceipt_givesTheKeysOfEveryComplaintTheMailGave() {
        var first = mailed("ses-two-parts", Optional.empty());
        var second = mailed("ses-two-parts", Optional.empty());
        complaints.add(first);
        complaints.add(second);

        assertThat(cases.ofReceipt("ses-two-parts")).containsExactlyInAnyOrder(first.key(), second.key());
        assertThat(cases.ofReceipt("ses-none")).isEmpty();
    }

    @Test
    void erase_removesTheComplainantsData_theNoteAndTheMailPointer_andKeepsTheCase() {
        // GIVEN a mailed complaint of a person, counted and resolved with a note that names her
        var complaint = mailed("ses-erase", Optional.of("s3://bucket/inbound/ses-erase"));
        complaints.add(complaint);
        ledger.count(complaint, Optional.of(new AccountId("121070")));
        complaints.advance(complaint.key(), ComplaintState.COUNTED, ComplaintState.NOTIFIED);
        cases.close(
                complaint.key(),
                ComplaintState.NOTIFIED,
                new CaseClosure(ComplaintState.RESOLVED, Actor.named("anna"), NOW, "Frau Muster angerufen"));

        // WHEN her data is erased
        cases.erase(complaint.key(), NOW.plusSeconds(60));

        // THEN the item names her nowhere and is no longer found by her address; the case and its provenance stay
        var item = item(complaint.key());
        assertThat(item.toString()).doesNotContainIgnoringCase("muster").doesNotContainIgnoringCase("erika");
        assertThat(item)
                .containsEntry("email", AttributeValue.fromS(""))
                .containsEntry("message", AttributeValue.fromS(""))
                .containsEntry("salutation", AttributeValue.fromS("NONE"))
                .containsEntry(
                        "erasedAt", AttributeValue.fromS(NOW.plusSeconds(60).toString()))
                .containsEntry("state", AttributeValue.fromS("RESOLVED"))
                .containsEntry("accountId", AttributeValue.fromS("121070"))
                .containsEntry("closedBy", AttributeValue.fromS("anna"))
                .doesNotContainKeys("name", "complainantHash", "closingNote");
        assertThat(item.get("provenance").m()).doesNotContainKey("evidence").containsKey("verdicts");
        assertThat(cases.ofComplainant(AddressHash.of(ERIKA)))
                .extracting(f -> f.complaint().key())
                .doesNotContain(complaint.key());
        var file = cases.find(complaint.key(), NOW).orElseThrow();
        assertThat(file.erasedAt()).contains(NOW.plusSeconds(60));
        assertThat(file.closure().orElseThrow().note()).isEmpty();
        assertThat(file.complaint().attribution().provenance().orElseThrow().candidates())
                .isEqualTo(complaint.attribution().provenance().orElseThrow().candidates());
        assertThat(file.complaint().classification()).isEqualTo(Classification.COMPLAINT);
    }

    @Test
    void theOptInEvidence_isKeptWholeOnTheComplaint_neverOverwrittenByALateFailure_andErasedWithTheComplainant() {
        // GIVEN a counted complaint with the platform's record of the recipient's opt-in
        var complaint = CaseFixtures.form("14141611", NOW, ComplaintState.RECEIVED, ERIKA);
        complaints.add(complaint);
        ledger.count(complaint, Optional.of(new AccountId("121070")));
        var record = new OptInRecord(
                OptInRecord.SourceType.FORM,
                "https://shop.example/newsletter",
                Instant.parse("2026-03-01T10:00:00Z"),
                Optional.of(Instant.parse("2026-03-01T10:05:00Z")),
                Optional.of("2001:db8::7"),
                Optional.of("Mozilla/5.0"),
                Optional.of("Ja, ich will."),
                Optional.of("2026-01"));
        var found = new OptInEvidence(OptInEvidence.Status.FOUND, Optional.of(record), 3, NOW, "status 200");
        assertThat(cases.record(complaint.key(), found)).isTrue();

        // WHEN a repeated question's late failure comes after it
        boolean overwritten = cases.record(
                complaint.key(),
                new OptInEvidence(OptInEvidence.Status.NO_ANSWER, Optional.empty(), 4, NOW, "no answer in time"));

        // THEN the record stays, every field of it
        assertThat(overwritten).isFalse();
        assertThat(cases.find(complaint.key(), NOW).orElseThrow().optInEvidence())
                .contains(found);

        // WHEN the complainant is erased, THEN the record goes with her data, and no answer is kept any more
        cases.erase(complaint.key(), NOW.plusSeconds(60));
        assertThat(item(complaint.key())).doesNotContainKey("optInEvidence");
        assertThat(cases.record(complaint.key(), found)).isFalse();
        assertThat(cases.find(complaint.key(), NOW).orElseThrow().optInEvidence())
                .isEmpty();
    }

    @Test
    void theOptInEvidence_ofAComplaintThatIsGone_isNotWritten_andCreatesNoItem() {
        var gone = ComplaintKey.of("14141611", CaseFixtures.idAt(NOW).value());

        boolean written = cases.record(
                gone, new OptInEvidence(OptInEvidence.Status.NO_RECORD, Optional.empty(), 1, NOW, "status 404"));

        assertThat(written).isFalse();
        assertThat(item(gone)).isEmpty();
    }

    @Test
    void erase_ofAFormComplaint_andOfOneThatIsGone_works() {
        var form = CaseFixtures.form("14141611", NOW, ComplaintState.RECEIVED, ERIKA);
        complaints.add(form);
        var gone = ComplaintKey.of("14141611", CaseFixtures.idAt(NOW).value());

        cases.erase(form.key(), NOW);
        cases.erase(gone, NOW);

        assertThat(item(form.key()))
                .containsEntry("email", AttributeValue.fromS(""))
                .doesNotContainKey("name");
        assertThat(item(gone)).isEmpty();
    }

    private Map<String, AttributeValue> item(ComplaintKey key) {
        return dynamoDb.getItem(r -> r.tableName(table).key(DynamoDbComplaints.key(key)))
                .item();
    }

    private static Complaint mailed(String receiptId, Optional<String> evidence) {
        var provenance = new MailProvenance(
                receiptId,
                0,
                ReportFormat.ARF,
                Optional.of("header:Feedback-ID"),
                List.of(new MailingIdCandidate("14141611", Optional.of("121070"), "header:Feedback-ID", true)),
                false,
                false,
                evidence,
                List.of(new DkimCheck("example.com", "s1", true, true)),
                Optional.empty(),
                new ReceiptVerdicts(Verdict.PASS, Verdict.PASS, Verdict.PASS, Verdict.PASS, Verdict.GRAY),
                false);
        return new Complaint(
                new ComplaintKey(new MailingId("14141611"), CaseFixtures.idAt(NOW)),
                Channel.MAIL,
                Classification.COMPLAINT,
                ComplaintState.RECEIVED,
                NOW,
                new Complainant(ERIKA, Optional.of("Erika Muster"), Salutation.NONE, Language.DE),
                "Spam",
                new Attribution(Optional.of("121070"), false, Verification.SIGNED_BY_SENDER, Optional.of(provenance)),
                NOW.plus(Duration.ofDays(180)));
    }
}
