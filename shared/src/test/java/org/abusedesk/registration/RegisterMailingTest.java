package org.abusedesk.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.abusedesk.account.AccountId;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.complaint.MailingIdFormat;
import org.abusedesk.request.FieldError;
import org.abusedesk.request.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegisterMailingTest {

    private final InMemoryMailings mailings = new InMemoryMailings();
    private final RegisterMailing registerMailing = new RegisterMailing(mailings, MailingIdFormat.DEFAULT);
    private final ShowMailing showMailing = new ShowMailing(mailings);

    @Test
    void register_storesTheRegistration_withItsOptInEvidence_andShowGivesItBack() {
        var stored = registerMailing.register(new RegistrationRequest(
                " 14141611 ",
                "121070",
                "1000",
                "2025-11-20T10:30:00.123456+01:00",
                "Herbst-Angebote",
                "news@example.com",
                "https://optin.example.com/proof/14141611"));

        var expected = Mailing.registered(
                new MailingId("14141611"),
                new AccountId("121070"),
                OptionalLong.of(1000),
                Instant.parse("2025-11-20T09:30:00.123Z"),
                Optional.of("Herbst-Angebote"),
                Optional.of("news@example.com"),
                Optional.of("https://optin.example.com/proof/14141611"));
        assertThat(stored).isEqualTo(expected);
        assertThat(showMailing.show("14141611")).contains(expected);
    }

    @Test
    void register_withoutTheOptionalFields_leavesThemEmpty() {
        var stored = registerMailing.register(
                new RegistrationRequest("14141611", "121070", "", "2025-11-20T09:30:00Z", null, " ", null));

        assertThat(stored.recipients()).isEmpty();
        assertThat(stored.subject()).isEmpty();
        assertThat(stored.sender()).isEmpty();
        assertThat(stored.optInEvidence()).isEmpty();
    }

    @Test
    void register_keepsTheComplaintsCountedOnTheMailing() {
        var id = new MailingId("14141611");
        mailings.count(id, true);
        registerMailing.register(
                new RegistrationRequest("14141611", "121070", "1000", "2025-11-20T09:30:00Z", null, null, null));

        var shown = showMailing.show("14141611").orElseThrow();
        assertThat(shown.complaints()).isEqualTo(1);
        assertThat(shown.verifiedComplaints()).isEqualTo(1);
    }

    @Test
    void register_namesEveryFieldThatIsWrong_andStoresNothing() {
        assertThatThrownBy(() -> registerMailing.register(new RegistrationRequest(
                        "1414 1611", null, "-5", "20.11.2025", "two\nlines", "x".repeat(321), "y".repeat(2_001))))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).errors())
                        .containsExactly(
                                new FieldError("mailingId", "is not a valid Mailing ID"),
                                new FieldError("accountId", "is required"),
                                new FieldError("recipients", "must be a whole number of 0 or more"),
                                new FieldError(
                                        "sentAt",
                                        "must be an ISO-8601 time with its offset, e.g. 2025-11-20T09:30:00Z"),
                                new FieldError("subject", "must be a single line without control characters"),
                                new FieldError("sender", "must be at most 320 characters"),
                                new FieldError("optInEvidence", "must be at most 2000 characters")));
        assertThat(mailings.all()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "recipients | 1.5        | must be a whole number of 0 or more",
                "recipients | +3         | must be a whole number of 0 or more",
                "recipients | 99999999999999999999 | must be at most 19 characters",
                "sentAt     | 2025-11-20T09:30:00 | must be an ISO-8601 time with its offset, e.g. 2025-11-20T09:30:00Z",
                "sentAt     | 2025-02-30T09:30:00Z | must be an ISO-8601 time with its offset, e.g. 2025-11-20T09:30:00Z",
                "sentAt     | +100000-01-01T00:00:00Z | must be an ISO-8601 time with its offset, e.g. 2025-11-20T09:30:00Z",
                "sentAt     | 1969-12-31T23:59:59Z | must be an ISO-8601 time with its offset, e.g. 2025-11-20T09:30:00Z",
                "mailingId  | UNATTRIBUTED | is reserved for complaints whose mailing is unknown",
            })
    void register_refusesAFieldThatIsWrong_namingIt(String field, String value, String message) {
        var request = new RegistrationRequest(
                field.equals("mailingId") ? value : "14141611",
                "121070",
                field.equals("recipients") ? value : "1000",
                field.equals("sentAt") ? value : "2025-11-20T09:30:00Z",
                null,
                null,
                null);

        assertThatThrownBy(() -> registerMailing.register(request))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).errors())
                        .containsExactly(new FieldError(field, message)));
    }

    @Test
    void register_checksTheMailingIdAgainstTheConfiguredPattern() {
        var digitsOnly = new RegisterMailing(mailings, MailingIdFormat.of("[0-9]{8}"));

        assertThatThrownBy(() -> digitsOnly.register(
                        new RegistrationRequest("ab141611", "121070", "1", "2025-11-20T09:30:00Z", null, null, null)))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(digitsOnly
                        .register(new RegistrationRequest(
                                "14141611", "121070", "1", "2025-11-20T09:30:00Z", null, null, null))
                        .id())
                .isEqualTo(new MailingId("14141611"));
    }

    @Test
    void show_ofAMailingOnlyComplaintsNamed_isEmpty_andABlankIdIsRefused() {
        mailings.count(new MailingId("99999999"), false);

        assertThat(showMailing.show("99999999")).isEmpty();
        assertThatThrownBy(() -> showMailing.show(""))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).errors())
                        .isEqualTo(List.of(new FieldError("mailingId", "is required"))));
    }
}
