package org.abusedesk.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MailingIdTest {

    @Test
    void mailingId_keepsItsValueExactly() {
        assertThat(new MailingId("14141611").value()).isEqualTo("14141611");
    }

    @Test
    void mailingId_refusesNull() {
        assertThatThrownBy(() -> new MailingId(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("mailingId == null");
    }

    @Test
    void mailingId_refusesMoreThan64Characters() {
        assertThat(new MailingId("9".repeat(64)).value()).hasSize(64);
        assertThatThrownBy(() -> new MailingId("9".repeat(65))).hasMessage("mailingId longer than 64 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"141\r\n41611", "14141611\n", "1414\u00001611", "1414\u20281611"})
    void mailingId_refusesLineBreaksAndControlCharacters(String value) {
        assertThatThrownBy(() -> new MailingId(value))
                .hasMessage("mailingId contains a control character or line break");
    }

    @Test
    void complaintId_mustBeAUlid() {
        assertThat(ComplaintId.generate().value()).hasSize(26);
        assertThatThrownBy(() -> new ComplaintId("not-a-ulid")).hasMessage("complaintId is not a ULID: not-a-ulid");
    }
}
