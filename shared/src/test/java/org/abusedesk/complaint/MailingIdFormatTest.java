package org.abusedesk.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MailingIdFormatTest {

    @Test
    void default_takesOneTo64LettersDigitsDotsUnderscoresAndDashes() {
        assertThat(MailingIdFormat.DEFAULT.pattern()).isEqualTo("[A-Za-z0-9._-]{1,64}");
        assertThat(MailingIdFormat.DEFAULT.matches("14141611")).isTrue();
        assertThat(MailingIdFormat.DEFAULT.matches("nl-2026_11.a")).isTrue();
        assertThat(MailingIdFormat.DEFAULT.matches("9".repeat(64))).isTrue();
        assertThat(MailingIdFormat.DEFAULT.matches("9".repeat(65))).isFalse();
        assertThat(MailingIdFormat.DEFAULT.matches("")).isFalse();
        assertThat(MailingIdFormat.DEFAULT.matches("1 2")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "X-Mailing: 123|123",
                "X-Mailing-ID:123|123",
                "x-mailing-id :  123 |123",
                "Mailing ID: 123|123",
                "mailing-id #123|123",
                "MailingID 123|123",
                "Mailing_ID: ab.1|ab.1",
                "123|123",
                "X-Mailing:|X-Mailing:",
                "Mailingid123|Mailingid123"
            })
    void withoutLabel_takesOffWhatPeoplePasteAlong(String typed, String id) {
        assertThat(MailingIdFormat.withoutLabel(typed)).isEqualTo(id);
    }

    @Test
    void of_refusesSomethingThatIsNoRegularExpression() {
        assertThatThrownBy(() -> MailingIdFormat.of("[a-"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a regular expression for Mailing IDs: [a-");
    }
}
