package org.abusedesk.suppression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AddressHashTest {

    @Test
    void of_isTheSha256OfTheNormalisedAddress() {
        // sha256("a@example.net"), as `printf %s a@example.net | sha256sum` prints it
        assertThat(AddressHash.of("a@example.net").value())
                .isEqualTo("3a915e6458ec3df4989ce2891de9069d0292a4ae766dd82c07aa699cc2a0c199");
    }

    @Test
    void of_ignoresCaseSurroundingSpaceAndTheUnicodeFormOfTheDomain() {
        assertThat(AddressHash.of("  Erika.Muster@Bücher.DE "))
                .isEqualTo(AddressHash.of("erika.muster@xn--bcher-kva.de"));
    }

    @Test
    void of_differsForDifferentAddresses() {
        assertThat(AddressHash.of("a@example.net")).isNotEqualTo(AddressHash.of("b@example.net"));
    }

    @Test
    void addressHash_refusesWhatIsNoDigest() {
        assertThatThrownBy(() -> new AddressHash("a@example.net"))
                .hasMessage("not a SHA-256 hex digest: a@example.net");
    }
}
