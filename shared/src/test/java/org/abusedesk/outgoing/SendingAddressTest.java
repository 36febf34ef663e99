package org.abusedesk.outgoing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SendingAddressTest {

    @Test
    void anInternationalisedDomain_isPunycoded() {
        assertThat(SendingAddress.of("user@bücher.de")).isEqualTo(Optional.of("user@xn--bcher-kva.de"));
    }

    @Test
    void anAsciiAddress_staysAsItIs() {
        assertThat(SendingAddress.of("First.Last+tag@Example.net"))
                .isEqualTo(Optional.of("First.Last+tag@Example.net"));
    }

    @Test
    void aLocalPartOutsideAscii_cannotBeSentThroughSes() {
        assertThat(SendingAddress.of("jürgen@example.de")).isEmpty();
    }

    @Test
    void somethingThatIsNoAddress_cannotBeSent() {
        assertThat(SendingAddress.of("no-at-sign")).isEmpty();
        assertThat(SendingAddress.of("a@")).isEmpty();
        assertThat(SendingAddress.of("@example.net")).isEmpty();
    }
}
