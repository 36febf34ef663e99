package org.abusedesk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.abusedesk.cases.AbuseDeskContact;
import org.junit.jupiter.api.Test;

class DeskSettingsTest {

    @Test
    void abuseDeskContact_takesTheOrganisationAndTheAbuseAddress_andTheDomainFromTheAddress() {
        var environment = new Environment(
                Map.of("ABUSE_DESK_ORGANISATION", "Example ESP GmbH", "ABUSE_ADDRESS", "abuse@Mail.Example.com"));

        assertThat(DeskSettings.abuseDeskContact(environment))
                .isEqualTo(new AbuseDeskContact("Example ESP GmbH", "abuse@Mail.Example.com", "mail.example.com"));
    }

    @Test
    void abuseDeskContact_namesAMissingVariable_andAnAddressWithoutDomainIsRefused() {
        assertThatThrownBy(() ->
                        DeskSettings.abuseDeskContact(new Environment(Map.of("ABUSE_ADDRESS", "abuse@example.com"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("environment variable ABUSE_DESK_ORGANISATION is not set");
        assertThatThrownBy(() -> AbuseDeskContact.of("Example ESP GmbH", "abuse@"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("address is no e-mail address: abuse@");
    }
}
