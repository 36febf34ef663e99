package org.abusedesk.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.abusedesk.complaint.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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

    @Test
    void negotiate_followsTheQValues_notTheOrder() {
        var header = Optional.of("en;q=0.3, de;q=0.9");

        assertThat(Languages.negotiate(Optional.empty(), header, Language.EN)).isEqualTo(Language.DE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "de;q=nonsense,en",
                "de;q=2,en",
                "en-US;level=1,de",
                "de_DE,en",
                "en,,de",
                "de-aVeryLongSubtag,en",
                ";q=1"
            })
    void negotiate_ofAMalformedHeader_givesTheFallback(String header) {
        assertThat(Languages.negotiate(Optional.empty(), Optional.of(header), Language.EN))
                .isEqualTo(Language.EN);
        assertThat(Languages.negotiate(Optional.empty(), Optional.of(header), Language.DE))
                .isEqualTo(Language.DE);
    }

    @Test
    void negotiate_readsNoHeaderLongerThanTheGate_andEveryOneWithin() {
        String padding = "fr;q=0.5,";
        String within = padding.repeat((Languages.MAX_ACCEPT_LANGUAGE_LENGTH - 2) / padding.length()) + "de";
        String beyond = padding.repeat(Languages.MAX_ACCEPT_LANGUAGE_LENGTH / padding.length() + 1) + "de";

        assertThat(within).hasSizeLessThanOrEqualTo(Languages.MAX_ACCEPT_LANGUAGE_LENGTH);
        assertThat(Languages.negotiate(Optional.empty(), Optional.of(within), Language.EN))
                .isEqualTo(Language.DE);
        assertThat(beyond).hasSizeGreaterThan(Languages.MAX_ACCEPT_LANGUAGE_LENGTH);
        assertThat(Languages.negotiate(Optional.empty(), Optional.of(beyond), Language.EN))
                .isEqualTo(Language.EN);
    }
}
