package org.abusedesk.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each of the design brief's six sources, their order, and the account beside the mailing. */
class MailingIdResolverTest {

    private final MailReader reader = Fixtures.reader();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "X-Mailing-ID: 14141611                                  | 14141611 |        | header:X-Mailing-ID",
                "X-Mailing: 14141611                                     | 14141611 |        | header:X-Mailing",
                "Feedback-ID: 121070:14141611:newsletter:esp             | 14141611 | 121070 | header:Feedback-ID",
                "CFBL-Feedback-ID: 121070:14141611:newsletter:esp        | 14141611 | 121070 | header:CFBL-Feedback-ID",
                "List-Id: Angebote <14141611.121070.lists.example.com>   | 14141611 | 121070 | header:List-Id",
                "List-Unsubscribe: <https://l.example.com/u?mid=14141611> | 14141611 |        | header:List-Unsubscribe",
                "X-Client: 121070                                        |          | 121070 |",
                "List-Id: <announce.lists.example.org>                   |          |        |",
                "Feedback-ID: a:b:c:d                                    |          |        |",
            })
    void headerSource_ofTheAttachedMessage_givesMailingAndAccount(
            String header, String mailingId, String accountId, String source) {
        // GIVEN an attached message carrying one header of the profile
        var reading = reader.read(Fixtures.forwardedAsAttachment(header.strip(), "Kaufen Sie jetzt."));

        // WHEN / THEN the mailing and account come from it, with its name as the source
        var resolution = reading.reports().get(0).resolution();
        assertThat(resolution.mailingId()).isEqualTo(Optional.ofNullable(mailingId));
        assertThat(resolution.accountId()).isEqualTo(Optional.ofNullable(accountId));
        assertThat(resolution.source()).isEqualTo(Optional.ofNullable(source));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "https://links.example.com/c?mid=14141611&l=2          | 14141611",
                "https://links.example.com/c?l=2&amp;mid=14141611       | 14141611",
                "https://links.example.com/m/14141611/view              | 14141611",
                "https://eu.safelinks.example/?url=https%3A%2F%2Flinks.example.com%2Fc%3Fmid%3D14141611 | 14141611",
                "https://links.example.com/c?mid=14141611x              |",
                "https://links.example.com/c?amid=14141611              |",
            })
    void linkInTheBody_givesTheMailing(String link, String mailingId) {
        var reading = reader.read(Fixtures.forwardedAsAttachment("X-Other: 1", "Hier klicken: " + link.strip()));

        var resolution = reading.reports().get(0).resolution();
        assertThat(resolution.mailingId()).isEqualTo(Optional.ofNullable(mailingId));
        assertThat(resolution.source()).isEqualTo(Optional.ofNullable(mailingId).map(m -> "body:link"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Mailing ID: 14141611     | 14141611",
                "mailing-id #14141611     | 14141611",
                "MAILINGID14141611        | 14141611",
                "MailingID: 14141611.     | 14141611",
                "Mailing ID unknown       |",
                "mailing 14141611         |",
            })
    void whatTheComplainantTyped_givesTheMailing(String typed, String mailingId) {
        var reading = reader.read(Fixtures.mail(
                "From: a@example.net", "Subject: Spam", "Content-Type: text/plain", "", "Bitte stoppen. " + typed));

        var resolution = reading.reports().get(0).resolution();
        assertThat(resolution.mailingId()).isEqualTo(Optional.ofNullable(mailingId));
        assertThat(resolution.source()).isEqualTo(Optional.ofNullable(mailingId).map(m -> "text"));
    }

    @Test
    void sources_areTriedInTheBriefsOrder() {
        // GIVEN a message whose sources each name another ID, from the last source to the first
        var reading = reader.read(Fixtures.forwardedAsAttachment(
                "List-Unsubscribe: <https://l.example.com/u?mid=4>\r\nList-Id: <3.9.lists.example.com>\r\n"
                        + "Feedback-ID: 9:2:a:b\r\nX-Mailing: 1",
                "https://l.example.com/c?mid=5"));

        // THEN the headers come first, in the brief's order, then links, then what was typed
        var resolution = reading.reports().get(0).resolution();
        assertThat(resolution.mailingId()).contains("1");
        assertThat(resolution.conflict()).isTrue();
        assertThat(resolution.candidates())
                .extracting(c -> c.mailingId() + "@" + c.source())
                .containsExactly(
                        "1@header:X-Mailing",
                        "2@header:Feedback-ID",
                        "3@header:List-Id",
                        "4@header:List-Unsubscribe",
                        "5@body:link");
    }

    @Test
    void noSource_leavesTheComplaintUnattributed() {
        var reading = reader.read(Fixtures.forwardedAsAttachment("X-Other: 1", "Kaufen."));

        var resolution = reading.reports().get(0).resolution();
        assertThat(resolution.mailingId()).isEmpty();
        assertThat(resolution.accountId()).isEmpty();
        assertThat(resolution.source()).isEmpty();
        assertThat(resolution.candidates()).isEmpty();
        assertThat(resolution.conflict()).isFalse();
    }

    @Test
    void customProfile_readsOtherIds() {
        // GIVEN a profile whose header values may hold letters
        var profile = ResolutionProfile.fromJson("{\"headerValue\":\"^\\\\s*(?<id>[A-Z0-9-]{1,64})\\\\s*$\"}");
        var custom = new MailReader(InboundLimits.DEFAULT, profile, DkimVerifier.none());

        // WHEN / THEN such an ID is found, where the default profile finds none
        byte[] mail = Fixtures.forwardedAsAttachment("X-Mailing: NL-2026-11", "Kaufen.");
        assertThat(custom.read(mail).reports().get(0).resolution().mailingId()).contains("NL-2026-11");
        assertThat(reader.read(mail).reports().get(0).resolution().mailingId()).isEmpty();
    }
}
