package org.abusedesk.outgoing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"\r", "\n", "\r\n", "\u0000", "\u2028", "\u2029", "\u0085", "\t"})
    void clean_replacesEveryLineBreakAndControlCharacterBySpace(String separator) {
        assertThat(HeaderText.clean("Subject" + separator + "Bcc: x@example.org"))
                .isEqualTo("Subject Bcc: x@example.org");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Beschwerde über Mailing 14141611", "Réclamation ✉", "plain"})
    void clean_keepsPrintableText(String text) {
        assertThat(HeaderText.clean(text)).isEqualTo(text);
    }
}
