package org.abusedesk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentTest {

    private final Environment environment =
            new Environment(Map.of("TABLE", "complaints", "DAYS", "180", "BAD", "-3", "BLANK", " "));

    @Test
    void require_givesTheValue() {
        assertThat(environment.require("TABLE")).isEqualTo("complaints");
    }

    @Test
    void require_namesTheMissingVariable() {
        assertThatThrownBy(() -> environment.require("ABUSE_TEAM_ADDRESS"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("environment variable ABUSE_TEAM_ADDRESS is not set");
        assertThatThrownBy(() -> environment.require("BLANK")).hasMessage("environment variable BLANK is not set");
    }

    @Test
    void requirePositiveInt_readsAWholeNumber_andNamesTheVariableOtherwise() {
        assertThat(environment.requirePositiveInt("DAYS")).isEqualTo(180);
        assertThatThrownBy(() -> environment.requirePositiveInt("BAD"))
                .hasMessage("environment variable BAD must be a positive whole number: -3");
        assertThatThrownBy(() -> environment.requirePositiveInt("TABLE"))
                .hasMessage("environment variable TABLE must be a positive whole number: complaints");
    }

    @Test
    void requireNonNegativeInt_takesZero_andNamesTheVariableOtherwise() {
        var environment = new Environment(Map.of("ZERO", "0", "THREE", " 3 ", "MINUS", "-1"));

        assertThat(environment.requireNonNegativeInt("ZERO")).isZero();
        assertThat(environment.requireNonNegativeInt("THREE")).isEqualTo(3);
        assertThatThrownBy(() -> environment.requireNonNegativeInt("MINUS"))
                .hasMessage("environment variable MINUS must be 0 or a positive whole number: -1");
    }

    @Test
    void optional_isEmptyForMissingOrBlank() {
        assertThat(environment.optional("BLANK")).isEmpty();
        assertThat(environment.optional("NOPE")).isEmpty();
        assertThat(environment.optional("TABLE")).contains("complaints");
    }
}
