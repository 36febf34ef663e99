package org.abusedesk.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResolutionProfileTest {

    @Test
    void fromJson_overridesWhatItNames_andKeepsTheDefaultsElsewhere() {
        var profile = ResolutionProfile.fromJson(
                "{\"mailingHeaders\":[\"X-Campaign\"],\"links\":[\"/c/(?<mailing>[0-9]+)\"]}");

        assertThat(profile.mailingHeaders()).containsExactly("X-Campaign");
        assertThat(profile.links())
                .extracting(java.util.regex.Pattern::pattern)
                .containsExactly("/c/(?<mailing>[0-9]+)");
        assertThat(profile.accountHeaders()).isEqualTo(ResolutionProfile.DEFAULT.accountHeaders());
        assertThat(profile.typed().pattern())
                .isEqualTo(ResolutionProfile.DEFAULT.typed().pattern());
        assertThat(profile.headerNames())
                .containsExactly(
                        "X-Campaign", "X-Client", "Feedback-ID", "CFBL-Feedback-ID", "List-Id", "List-Unsubscribe");
    }

    @Test
    void fromJson_refusesAnUnknownSetting() {
        assertThatThrownBy(() -> ResolutionProfile.fromJson("{\"mailingHeader\":[\"X\"]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("resolution profile has no setting mailingHeader");
    }

    @Test
    void fromJson_refusesAPatternWithoutItsGroup() {
        assertThatThrownBy(() -> ResolutionProfile.fromJson("{\"typed\":\"mailing ([0-9]+)\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("resolution profile typed has no group named mailing");
    }

    @Test
    void fromJson_refusesABrokenPatternAndNoObject() {
        assertThatThrownBy(() -> ResolutionProfile.fromJson("{\"listId\":\"(\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("resolution profile listId is not a pattern");
        assertThatThrownBy(() -> ResolutionProfile.fromJson("[]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("resolution profile must be a JSON object");
        assertThat(List.of(ResolutionProfile.fromJson("{}"))).hasSize(1);
    }
}
