package org.abusedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.InMemoryComplaints;
import org.abusedesk.complaint.Salutation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubmitComplaintTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:15:30Z");

    private final InMemoryComplaints complaints = new InMemoryComplaints();
    private final SubmitComplaint submit =
            new SubmitComplaint(complaints, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(180));

    @Test
    void submit_storesOneReceivedFormComplaintUnderItsMailingId() {
        // GIVEN a complete submission with padding around the values
        var submission =
                new ComplaintSubmission(" 14141611 ", "a@example.net", "spam\nagain", "frau", " Erika Muster ");

        // WHEN it is submitted
        var key = submit.submit(submission);

        // THEN exactly one complaint is stored, as given, received now and expiring after the retention
        assertThat(complaints.all()).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo(key);
            assertThat(c.mailingId().value()).isEqualTo("14141611");
            assertThat(c.channel()).isEqualTo(Channel.FORM);
            assertThat(c.state()).isEqualTo(ComplaintState.RECEIVED);
            assertThat(c.receivedAt()).isEqualTo(NOW);
            assertThat(c.expiresAt()).isEqualTo(Instant.parse("2027-05-27T10:15:30Z"));
            assertThat(c.complainant().email()).isEqualTo("a@example.net");
            assertThat(c.complainant().name()).contains("Erika Muster");
            assertThat(c.complainant().salutation()).isEqualTo(Salutation.FRAU);
            assertThat(c.message()).isEqualTo("spam\nagain");
        });
    }

    @Test
    void submit_givesEachComplaintItsOwnReference() {
        var submission = new ComplaintSubmission("14141611", "a@example.net", "spam", null, null);

        var first = submit.submit(submission);
        var second = submit.submit(submission);

        assertThat(first.complaintId()).isNotEqualTo(second.complaintId());
        assertThat(complaints.all()).hasSize(2);
    }

    @Test
    void submit_withoutNameOrSalutation_storesNoneOfThem() {
        var key = submit.submit(new ComplaintSubmission("14141611", "a@example.net", "spam", "", "  "));

        var stored = complaints.find(key, NOW).orElseThrow();
        assertThat(stored.complainant().name()).isEqualTo(Optional.empty());
        assertThat(stored.complainant().salutation()).isEqualTo(Salutation.NONE);
    }

    @Test
    void submit_namesEveryMissingRequiredField_andStoresNothing() {
        assertThatThrownBy(() -> submit.submit(new ComplaintSubmission(null, " ", "", null, null)))
                .isInstanceOfSatisfying(
                        InvalidSubmissionException.class,
                        e -> assertThat(e.violations())
                                .containsExactly(
                                        new Violation("mailingId", "is required"),
                                        new Violation("email", "is required"),
                                        new Violation("message", "is required")));
        assertThat(complaints.all()).isEmpty();
    }

    @Test
    void submit_rejectsMessageOver5000Chars() {
        assertThat(violations(new ComplaintSubmission("1", "a@example.net", "x".repeat(5_001), null, null)))
                .containsExactly(new Violation("message", "must be at most 5000 characters"));
        assertThat(violations(new ComplaintSubmission("1", "a@example.net", "x".repeat(5_000), null, null)))
                .isEmpty();
    }

    @Test
    void submit_rejectsNameOver200Chars() {
        assertThat(violations(new ComplaintSubmission("1", "a@example.net", "spam", null, "n".repeat(201))))
                .containsExactly(new Violation("name", "must be at most 200 characters"));
    }

    @Test
    void submit_rejectsMailingIdOver64Chars() {
        assertThat(violations(new ComplaintSubmission("9".repeat(65), "a@example.net", "spam", null, null)))
                .containsExactly(new Violation("mailingId", "must be at most 64 characters"));
    }

    @Test
    void submit_rejectsEmailOver254Chars() {
        String email = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(59) + ".de";
        assertThat(email).hasSize(255);
        assertThat(violations(new ComplaintSubmission("1", email, "spam", null, null)))
                .containsExactly(new Violation("email", "must be at most 254 characters"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-address", "a@", "@example.net", "a b@example.net", "a@example..net"})
    void submit_rejectsMalformedEmail(String email) {
        assertThat(violations(new ComplaintSubmission("1", email, "spam", null, null)))
                .containsExactly(new Violation("email", "is not a valid e-mail address"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"user@bücher.de", "first.last+tag@example.co.uk", "user@xn--bcher-kva.de"})
    void submit_acceptsValidAndInternationalisedEmail(String email) {
        assertThat(violations(new ComplaintSubmission("1", email, "spam", null, null)))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"Erika\nMuster", "Erika\rMuster", "Erika\u0000Muster", "Erika\u2028Muster", "Erika\tMuster"})
    void submit_rejectsLineBreaksAndControlCharactersInName(String name) {
        assertThat(violations(new ComplaintSubmission("1", "a@example.net", "spam", null, name)))
                .containsExactly(new Violation("name", "must be a single line without control characters"));
    }

    @Test
    void submit_rejectsLineBreakInMailingId() {
        assertThat(violations(
                        new ComplaintSubmission("141\r\nBcc: x@example.net", "a@example.net", "spam", null, null)))
                .containsExactly(new Violation("mailingId", "must be a single line without control characters"));
    }

    @Test
    void submit_rejectsUnknownSalutation() {
        assertThat(violations(new ComplaintSubmission("1", "a@example.net", "spam", "Dr.", null)))
                .containsExactly(new Violation("salutation", "must be one of HERR, FRAU, NONE"));
    }

    private java.util.List<Violation> violations(ComplaintSubmission submission) {
        try {
            submit.submit(submission);
            return java.util.List.of();
        } catch (InvalidSubmissionException e) {
            return e.violations();
        }
    }
}
