package org.abusedesk.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.abusedesk.complaint.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguagesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "-|-|DE",
                "en|de-DE|EN",
                "EN-gb|-|EN",
                "fr|en|EN",
                "-|en-US,en;q=0.9|EN",
                "-|de-AT,en;q=0.5|DE",
                "-|fr-FR,fr;q=0.9,en;q=0.8,de;q=0.7|EN",
                "-|en;q=0.2,de;q=0.8|DE",
                "-|en;q=0,fr|DE",
                "-|*|DE",
                "-|en;q=nonsense,de|DE"
            })
    void negotiate_prefersTheChoice_thenTheBestRankedLanguage(String chosen, String header, Language expected) {
        assertThat(Languages.negotiate(Optional.ofNullable(chosen), Optional.ofNullable(header), Language.DE))
                .isEqualTo(expected);
    }
}
