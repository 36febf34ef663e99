package org.abusedesk.cases;

import static org.abusedesk.cases.CaseFixtures.ERIKA;
import static org.abusedesk.cases.CaseFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.InMemoryComplaints;
import org.abusedesk.logging.CapturedLog;
import org.abusedesk.people.Actor;
import org.junit.jupiter.api.Test;

class CloseCaseTest {

    private static final String NOTE = "Kunde verwarnt; Frau Muster bekam die Mail trotz Abmeldung.";

    private final InMemoryComplaints complaints = new InMemoryComplaints();
    private final InMemoryCases cases = new InMemoryCases(complaints);
    private final CloseCase close = new CloseCase(cases, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void resolve_ofANotifiedCase_marksItResolved_withWhoWhenAndTheNote_keepingTheNoteOffTheLog() {
        // GIVEN a case the abuse team was told of
        var key = add(CaseFixtures.form("14141611", NOW.minusSeconds(3600), ComplaintState.NOTIFIED, ERIKA));

        // WHEN a person resolves it with a note
        CaseFile resolved;
        try (var log = CapturedLog.start()) {
            resolved = close.resolve(key, Actor.named("anna@abuse-team"), "  " + NOTE + "\n");

            // THEN it is RESOLVED, stored so, with the closure; the log names the case only
            assertThat(log.text()).contains("case closed", key.complaintId().value(), "RESOLVED");
            assertThat(log.text()).doesNotContain("Muster", "verwarnt", "anna");
        }
        var closure = new CaseClosure(ComplaintState.RESOLVED, Actor.named("anna@abuse-team"), NOW, NOTE);
        assertThat(resolved.state()).isEqualTo(ComplaintState.RESOLVED);
        assertThat(resolved.closure()).contains(closure);
        var stored = cases.find(key, NOW).orElseThrow();
        assertThat(stored.state()).isEqualTo(ComplaintState.RESOLVED);
        assertThat(stored.closure()).contains(closure);
        assertThat(closure.toString()).doesNotContain("verwarnt");
    }

    @Test
    void resolve_ofACaseNotNotifiedYet_isRefused_namingItsState_andChangesNothing() {
        var key = add(CaseFixtures.form("14141611", NOW.minusSeconds(60), ComplaintState.COUNTED, ERIKA));

        assertThatThrownBy(() -> close.resolve(key, Actor.named("anna"), NOTE))
                .isInstanceOfSatisfying(
                        CaseStateException.class, e -> assertThat(e.state()).isEqualTo(ComplaintState.COUNTED))
                .hasMessage("case 14141611/" + key.complaintId()
                        + " is COUNTED: only a NOTIFIED or WAITING_FOR_CUSTOMER case can be resolved");
        assertThat(cases.find(key, NOW).orElseThrow().state()).isEqualTo(ComplaintState.COUNTED);
        assertThat(cases.find(key, NOW).orElseThrow().closure()).isEmpty();
    }

    @Test
    void resolve_ofACaseClosedBefore_isRefused_andTheFirstClosureStays() {
        var key = add(CaseFixtures.form("14141611", NOW.minusSeconds(3600), ComplaintState.NOTIFIED, ERIKA));
        close.dismiss(key, Actor.named("anna"), "opted in");

        assertThatThrownBy(() -> close.resolve(key, Actor.named("ben"), NOTE))
                .isInstanceOf(CaseStateException.class)
                .hasMessageContaining("is DISMISSED");
        assertThat(cases.find(key, NOW).orElseThrow().closure().orElseThrow().actor())
                .isEqualTo(Actor.named("anna"));
    }

    @Test
    void close_ofACaseClosedByAnotherPersonSinceItWasRead_isRefused() {
        // GIVEN case files that another person closes between this one's read and write
        var key = add(CaseFixtures.form("14141611", NOW.minusSeconds(3600), ComplaintState.NOTIFIED, ERIKA));
        var racing = new CaseFiles() {
            @Override
            public Optional<CaseFile> find(ComplaintKey k, Instant now) {
                return cases.find(k, now);
            }

            @Override
            public boolean close(ComplaintKey k, ComplaintState from, CaseClosure closure) {
                cases.close(k, from, new CaseClosure(ComplaintState.DISMISSED, Actor.named("ben"), NOW, "first"));
                return cases.close(k, from, closure);
            }

            @Override
            public boolean await(ComplaintKey k, ComplaintState from, Instant dueAt) {
                return cases.await(k, from, dueAt);
            }

            @Override
            public boolean answered(ComplaintKey k) {
                return cases.answered(k);
            }

            @Override
            public boolean markOutcomeTold(ComplaintKey k, Instant at) {
                return cases.markOutcomeTold(k, at);
            }
        };

        // WHEN / THEN this person's closing is refused with the state the other left
        assertThatThrownBy(() ->
                        new CloseCase(racing, Clock.fixed(NOW, ZoneOffset.UTC)).resolve(key, Actor.named("anna"), NOTE))
                .isInstanceOfSatisfying(
                        CaseStateException.class, e -> assertThat(e.state()).isEqualTo(ComplaintState.DISMISSED));
        assertThat(cases.find(key, NOW).orElseThrow().closure().orElseThrow().actor())
                .isEqualTo(Actor.named("ben"));
    }

    @Test
    void dismiss_ofAReceivedMailThatIsNoComplaint_closesIt_butAReceivedComplaintIsNeverDismissed() {
        var bounce = add(CaseFixtures.classified(
                CaseFixtures.form("14141611", NOW.minusSeconds(60), ComplaintState.RECEIVED, ERIKA),
                Classification.BOUNCE));
        var complaint = add(CaseFixtures.form("14141611", NOW.minusSeconds(60), ComplaintState.RECEIVED, ERIKA));

        assertThat(close.dismiss(bounce, Actor.named("anna"), "a bounce").state())
                .isEqualTo(ComplaintState.DISMISSED);
        assertThatThrownBy(() -> close.dismiss(complaint, Actor.named("anna"), "not spam"))
                .isInstanceOf(CaseStateException.class)
                .hasMessageEndingWith(
                        "is RECEIVED: only a NOTIFIED or WAITING_FOR_CUSTOMER case, or a RECEIVED one that is no complaint, can be dismissed");
        assertThatThrownBy(() -> close.resolve(bounce, Actor.named("anna"), NOTE))
                .isInstanceOf(CaseStateException.class);
    }

    @Test
    void close_ofAMissingCase_isRefusedAsNotFound() {
        var key = ComplaintKey.of("14141611", CaseFixtures.idAt(NOW).value());

        assertThatThrownBy(() -> close.resolve(key, Actor.named("anna"), NOTE))
                .isInstanceOf(CaseNotFoundException.class)
                .hasMessage("no case 14141611/" + key.complaintId());
    }

    @Test
    void close_withoutNoteOrActor_orWithTooLongANote_isRefused_andChangesNothing() {
        var key = add(CaseFixtures.form("14141611", NOW.minusSeconds(3600), ComplaintState.NOTIFIED, ERIKA));

        assertThatThrownBy(() -> close.resolve(key, Actor.named("anna"), " \n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("note is blank");
        assertThatThrownBy(() -> close.resolve(key, Actor.named(" "), NOTE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("actor's subject must be 1 to 200 characters");
        assertThatThrownBy(() -> close.resolve(key, Actor.named("anna\r\nX-Injected: 1"), NOTE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("actor's subject contains a control character or line break");
        assertThatThrownBy(() -> close.resolve(key, Actor.named("anna"), "x".repeat(5_001)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("note longer than 5000 characters");
        assertThat(cases.find(key, NOW).orElseThrow().state()).isEqualTo(ComplaintState.NOTIFIED);
    }

    private ComplaintKey add(Complaint complaint) {
        complaints.add(complaint);
        return complaint.key();
    }
}
