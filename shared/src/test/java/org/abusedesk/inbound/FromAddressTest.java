package org.abusedesk.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FromAddressTest {

    @Test
    void anEncodedWordSpellingAnAddress_isOnlyADisplayName_theAddressIsTheAngleOne() {
        var mailbox = FromAddress.parse("=?utf-8?q?victim=40example.org?= <attacker@evil.example>")
                .orElseThrow();

        assertThat(mailbox.getAddress()).isEqualTo("attacker@evil.example");
        assertThat(mailbox.getName()).isEqualTo("victim@example.org");
    }

    @Test
    void aQuotedDisplayNameSpellingAnAddress_isOnlyADisplayName() {
        assertThat(FromAddress.parse("\"victim@example.org\" <attacker@evil.example>")
                        .map(Mailbox::getAddress))
                .contains("attacker@evil.example");
    }

    @Test
    void aPlainMailbox_andANamedOne_giveTheirAddress() {
        assertThat(FromAddress.parse("erika.muster@example.net").map(Mailbox::getAddress))
                .contains("erika.muster@example.net");
        assertThat(FromAddress.parse("=?utf-8?q?J=C3=BCrgen_M=C3=BCller?= <j.mueller@example.net>")
                        .map(Mailbox::getName))
                .contains("Jürgen Müller");
        assertThat(FromAddress.parse("Jörg <jörg.müller@bücher.example>").map(Mailbox::getAddress))
                .contains("jörg.müller@bücher.example");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // an encoded word is never an address, however it decodes
                "=?utf-8?b?dmljdGltQGV4YW1wbGUub3Jn?=",
                "=?utf-8?q?victim=40example.org?=",
                // more than one mailbox, or a group
                "victim@example.org, attacker@evil.example",
                "Victim <victim@example.org>, Eve <attacker@evil.example>",
                "undisclosed: victim@example.org;",
                "friends: victim@example.org, attacker@evil.example;",
                "undisclosed-recipients:;",
                // no domain, no dot in it, or a literal
                "victim",
                "<victim>",
                "victim@localhost",
                "victim@[192.0.2.1]",
                "victim@example..org",
                // quoted local parts: an @ (or anything) hidden in quotes
                "\"victim@example.org\"@evil.example",
                "<\"victim@example.org\"@evil.example>",
                "\"victim\\\"@example.org\"@evil.example",
                // a source route
                "<@relay.example:victim@example.org>",
                // control characters
                "victim@example.org\u0000",
                "Eve\r\nBcc: x@example.org <eve@example.net>",
                "Eve\u007f <eve@example.net>",
                // empty
                "",
                " ",
                "<>"
            })
    void anAmbiguousOrUnusableFrom_givesNoAddress(String raw) {
        assertThat(FromAddress.parse(raw)).isEmpty();
    }

    @Test
    void anAddressOver254Characters_orAnOverlongField_givesNoAddress() {
        String local = "a".repeat(64);
        String domain = ("b".repeat(60) + ".").repeat(3) + "example"; // 190 characters
        assertThat(FromAddress.parse(local + "@" + domain)).isEmpty();
        assertThat(FromAddress.parse(local + "@" + domain.substring(10))).isPresent();
        assertThat(FromAddress.parse("x".repeat(FromAddress.MAX_FIELD_LENGTH) + " <a@example.net>"))
                .isEmpty();
    }

    @Test
    void twoFromFields_giveNoAddress() {
        assertThat(FromAddress.of(List.of("victim@example.org", "attacker@evil.example")))
                .isEmpty();
        assertThat(FromAddress.of(List.of())).isEmpty();
        assertThat(FromAddress.of(List.of("a@example.net")).map(Mailbox::getAddress))
                .contains("a@example.net");
    }
}
