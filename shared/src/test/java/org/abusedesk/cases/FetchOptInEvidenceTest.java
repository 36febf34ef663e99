package org.abusedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.abusedesk.account.AccountId;
import org.abusedesk.cases.FetchOptInEvidence.Outcome;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.InMemoryComplaints;
import org.abusedesk.evidence.EvidencePlatform;
import org.abusedesk.evidence.EvidenceRequest;
import org.abusedesk.evidence.OptInEvidence;
import org.abusedesk.evidence.OptInEvidence.Answer;
import org.abusedesk.evidence.OptInEvidence.Status;
import org.abusedesk.evidence.OptInRecord;
import org.abusedesk.suppression.AddressHash;
import org.junit.jupiter.api.Test;

class FetchOptInEvidenceTest {

    private static final Instant NOW = CaseFixtures.NOW.plusSeconds(60);
    private static final String ERIKA = "Erika.Muster@Example.NET";
    private static final OptInRecord RECORD = new OptInRecord(
            OptInRecord.SourceType.FORM,
            "https://shop.example/newsletter",
            Instant.parse("2026-03-01T10:00:00Z"),
            Optional.of(Instant.parse("2026-03-01T10:05:00Z")),
            Optional.of("192.0.2.10"),
            Optional.empty(),
            Optional.empty(),
            Optional.of("2026-01"));

    private final InMemoryComplaints complaints = new InMemoryComplaints();
    private final InMemoryCases cases = new InMemoryCases(complaints);
    private final List<EvidenceRequest> asked = new ArrayList<>();
    private final List<Answer> answers = new ArrayList<>();
    private final EvidencePlatform platform = request -> {
        asked.add(request);
        return answers.remove(0);
    };
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void aRecord_isKeptWithTheCase_askedForByTheAddressHash_withoutTheAddress() throws Exception {
        var complaint = counted(ERIKA);
        answers.add(Answer.found(RECORD));

        var result = fetch(false).fetch(complaint.key(), 1);

        assertThat(result.outcome()).isEqualTo(Outcome.SETTLED);
        assertThat(asked).singleElement().satisfies(request -> {
            assertThat(request.recipientHash()).isEqualTo(AddressHash.of(ERIKA));
            assertThat(request.recipientAddress()).isEmpty();
            assertThat(request.account()).isEqualTo(new AccountId("121070"));
            assertThat(new String(request.json(), java.nio.charset.StandardCharsets.UTF_8))
                    .doesNotContainIgnoringCase("erika")
                    .contains(AddressHash.of(ERIKA).value());
        });
        var kept =
                cases.find(complaint.key(), NOW).orElseThrow().optInEvidence().orElseThrow();
        assertThat(kept.status()).isEqualTo(Status.FOUND);
        assertThat(kept.record()).contains(RECORD);
        assertThat(kept.attempts()).isEqualTo(1);
        assertThat(kept.at()).isEqualTo(NOW);
    }

    @Test
    void theAddressOption_sendsTheAddressBesideItsHash() throws Exception {
        var complaint = counted(ERIKA);
        answers.add(Answer.of(Status.NO_RECORD, "status 404"));

        fetch(true).fetch(complaint.key(), 1);

        assertThat(asked.get(0).recipientAddress()).contains(ERIKA);
        assertThat(new String(asked.get(0).json(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"address\":\"" + ERIKA + "\"");
    }

    @Test
    void aFailure_isKeptAsWhatItWas_andAskedAgain_untilARecordReplacesIt() throws Exception {
        var complaint = counted(ERIKA);
        answers.add(Answer.of(Status.ENDPOINT_ERROR, "status 500"));
        answers.add(Answer.of(Status.NO_ANSWER, "no answer in time"));
        answers.add(Answer.found(RECORD));
        var fetch = fetch(false);

        assertThat(fetch.fetch(complaint.key(), 1).outcome()).isEqualTo(Outcome.RETRY);
        assertThat(evidence(complaint).status()).isEqualTo(Status.ENDPOINT_ERROR);
        assertThat(evidence(complaint).reason()).isEqualTo("status 500");
        assertThat(fetch.fetch(complaint.key(), 2).outcome()).isEqualTo(Outcome.RETRY);
        assertThat(evidence(complaint).status()).isEqualTo(Status.NO_ANSWER);
        assertThat(evidence(complaint).attempts()).isEqualTo(2);
        assertThat(fetch.fetch(complaint.key(), 3).outcome()).isEqualTo(Outcome.SETTLED);
        assertThat(evidence(complaint).record()).contains(RECORD);
    }

    @Test
    void aSettledAnswer_isNotAskedAgain_byARepeatOfTheEvent() throws Exception {
        var complaint = counted(ERIKA);
        answers.add(Answer.of(Status.NO_RECORD, "status 404"));
        var fetch = fetch(false);
        fetch.fetch(complaint.key(), 1);

        var repeat = fetch.fetch(complaint.key(), 1);

        assertThat(repeat.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(asked).hasSize(1);
        assertThat(evidence(complaint).status()).isEqualTo(Status.NO_RECORD);
    }

    @Test
    void aLateFailure_neverReplacesTheRecordAnEarlierAttemptGot() {
        var complaint = counted(ERIKA);
        var found = new OptInEvidence(Status.FOUND, Optional.of(RECORD), 1, NOW, "status 200");
        var failed = new OptInEvidence(Status.NO_ANSWER, Optional.empty(), 2, NOW, "no answer in time");

        assertThat(cases.record(complaint.key(), found)).isTrue();
        assertThat(cases.record(complaint.key(), failed)).isFalse();

        assertThat(evidence(complaint).status()).isEqualTo(Status.FOUND);
    }

    @Test
    void anErasedCase_anUncountedOne_orNoneAtAll_isNotAsked() throws Exception {
        var erased = counted(ERIKA);
        cases.erase(erased.key(), NOW);
        var uncounted = CaseFixtures.form("14141612", CaseFixtures.NOW, ComplaintState.COUNTED, ERIKA);
        complaints.add(uncounted);
        var fetch = fetch(false);

        assertThat(fetch.fetch(erased.key(), 1).reason()).isEqualTo("complainant erased");
        assertThat(fetch.fetch(uncounted.key(), 1).reason()).isEqualTo("counted against no account");
        assertThat(fetch.fetch(
                                org.abusedesk.complaint.ComplaintKey.of(
                                        "1", CaseFixtures.idAt(NOW).value()),
                                1)
                        .outcome())
                .isEqualTo(Outcome.SKIPPED);
        assertThat(asked).isEmpty();
    }

    @Test
    void aComplaintWithoutAnAddress_isSettledAsNoRecipient_withoutAsking() throws Exception {
        var complaint = counted("");

        var result = fetch(false).fetch(complaint.key(), 1);

        assertThat(result.outcome()).isEqualTo(Outcome.SETTLED);
        assertThat(result.status()).contains(Status.NO_RECIPIENT);
        assertThat(asked).isEmpty();
    }

    @Test
    void erasure_removesTheRecord() throws Exception {
        var complaint = counted(ERIKA);
        answers.add(Answer.found(RECORD));
        fetch(false).fetch(complaint.key(), 1);

        cases.erase(complaint.key(), NOW);

        assertThat(cases.find(complaint.key(), NOW).orElseThrow().optInEvidence())
                .isEmpty();
    }

    private FetchOptInEvidence fetch(boolean sendAddress) {
        return new FetchOptInEvidence(cases, cases, platform, sendAddress, clock);
    }

    private OptInEvidence evidence(Complaint complaint) {
        return cases.find(complaint.key(), NOW).orElseThrow().optInEvidence().orElseThrow();
    }

    private Complaint counted(String email) {
        var complaint = CaseFixtures.form("14141611", CaseFixtures.NOW, ComplaintState.COUNTED, email);
        complaints.add(complaint);
        cases.attribute(complaint.key(), new AccountId("121070"));
        return complaint;
    }
}
