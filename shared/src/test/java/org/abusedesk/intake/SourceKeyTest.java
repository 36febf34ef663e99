package org.abusedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceKeyTest {

    @Test
    void key_isAKeyedHash_neverTheAddress() {
        var key = SourceKey.of("198.51.100.23", Intakes.SECRET);

        assertThat(key.value()).matches("[A-Za-z0-9_-]{43}").doesNotContain("198");
        assertThat(key).isEqualTo(SourceKey.of(" 198.51.100.23 ", Intakes.SECRET));
        assertThat(key).isNotEqualTo(SourceKey.of("198.51.100.24", Intakes.SECRET));
        assertThat(key).isNotEqualTo(SourceKey.of("198.51.100.23", IntakeSecret.of("another-secret-of-32-chars-!!!!")));
        assertThat(key.toString()).isEqualTo("SourceKey[" + key.value().substring(0, 8) + "…]");
    }

    @Test
    void ipv6Addresses_countByTheirSlash64() {
        var one = SourceKey.of("2001:db8:1:2:aaaa::1", Intakes.SECRET);

        assertThat(SourceKey.of("2001:db8:1:2:bbbb:cccc:dddd:eeee", Intakes.SECRET))
                .isEqualTo(one);
        assertThat(SourceKey.of("2001:0db8:0001:0002::ffff", Intakes.SECRET)).isEqualTo(one);
        assertThat(SourceKey.of("2001:db8:1:3::1", Intakes.SECRET)).isNotEqualTo(one);
    }

    @Test
    void ipv4MappedIpv6_isTheIpv4Address() {
        assertThat(SourceKey.of("::ffff:198.51.100.23", Intakes.SECRET))
                .isEqualTo(SourceKey.of("198.51.100.23", Intakes.SECRET));
    }

    @Test
    void aMissingOrOddAddress_stillHasAKey() {
        assertThat(SourceKey.of(null, Intakes.SECRET)).isEqualTo(SourceKey.of("", Intakes.SECRET));
        assertThat(SourceKey.of("not-an-ip", Intakes.SECRET).value()).hasSize(43);
    }
}
