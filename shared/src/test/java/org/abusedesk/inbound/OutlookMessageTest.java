package org.abusedesk.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.poi.util.IOUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What POI may do with a hostile .msg file: never more than a mail's size at once, and never stop the parse. */
class OutlookMessageTest {

    private static final String TEXT_BODY = "__substg1.0_1000001F";

    private final MailReader reader = Fixtures.reader();

    private final byte[] valid = OutlookFiles.message(
            "Grosse Rabatte nur heute",
            "Received: from mta1.example.com\r\nX-Mailing: 14141611\r\nX-Client: 121070\r\n",
            "Jetzt kaufen: https://links.example.com/c?mid=14141611");

    @Test
    void poi_allocatesNoArrayLargerThanTheLargestMail_onceAMessageWasRead() {
        OutlookMessage.read(valid, 1000);

        assertThat((long) IOUtils.getByteArrayMaxOverride()).isEqualTo(InboundLimits.DEFAULT.maxBytes());
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MAX_VALUE, Integer.MIN_VALUE})
    void aStreamThatClaims2Gb_isATruncatedAttachment_andTheRestOfTheMailIsRead(int claimed) {
        // GIVEN a .msg whose directory says its text body is 2 GB long (2^31 - 1, or 2^31 read as a negative int)
        byte[] hostile = OutlookFiles.withStreamLength(valid, TEXT_BODY, claimed);

        // WHEN it is read alone, and attached to a complaint
        var alone = OutlookMessage.read(hostile, 1000);
        var reading = reader.read(Fixtures.withOutlookAttachment(hostile));

        // THEN it is unreadable, like a damaged file: the mail is marked truncated and its own text still read
        assertThat(alone).isEmpty();
        assertThat(reading.mail().truncated()).isTrue();
        assertThat(reading.reports()).hasSize(1);
        assertThat(reading.reports().get(0).message().text()).contains("Spam attached.");
    }

    @Test
    void theSameFile_withItsTrueLength_isRead() {
        var reading = reader.read(Fixtures.withOutlookAttachment(OutlookFiles.withStreamLength(
                valid, TEXT_BODY, "Jetzt kaufen: https://links.example.com/c?mid=14141611".length() * 2)));

        assertThat(reading.mail().truncated()).isFalse();
        assertThat(reading.reports().get(0).resolution().mailingId()).contains("14141611");
        assertThat(reading.reports().get(0).message().text()).contains("Jetzt kaufen");
    }
}
