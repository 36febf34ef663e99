package org.abusedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.abusedesk.config.Environment;
import org.junit.jupiter.api.Test;

class AbuseDeskContactTest {

    @Test
    void fromEnvironment_takesTheOrganisationAndTheAbuseAddress_andTheDomainFromTheAddress() {
        var environment = new Environment(
                Map.of("ABUSE_DESK_ORGANISATION", "Example ESP GmbH", "ABUSE_ADDRESS", "abuse@Mail.Example.com"));

        assertThat(AbuseDeskContact.fromEnvironment(environment))
                .isEqualTo(new AbuseDeskContact("Example ESP GmbH", "abuse@Mail.Example.com", "mail.example.com"));
    }

    @Test
    void fromEnvironment_namesAMissingVariable_andAnAddressWithoutDomainIsRefused() {
        assertThatThrownBy(() ->
                        AbuseDeskContact.fromEnvironment(new Environment(Map.of("ABUSE_ADDRESS", "abuse@example.com"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("environment variable ABUSE_DESK_ORGANISATION is not set");
        assertThatThrownBy(() -> AbuseDeskContact.of("Example ESP GmbH", "abuse@"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("address is no e-mail address: abuse@");
    }
}
