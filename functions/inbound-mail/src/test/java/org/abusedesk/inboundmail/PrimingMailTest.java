package org.abusedesk.inboundmail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Set;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.InMemoryComplaints;
import org.abusedesk.complaint.ReportFormat;
import org.abusedesk.inbound.DkimVerifier;
import org.abusedesk.inbound.InMemoryRawMails;
import org.abusedesk.inbound.InboundLimits;
import org.abusedesk.inbound.MailReader;
import org.abusedesk.inbound.RawMails;
import org.abusedesk.inbound.ReceiveMail;
import org.abusedesk.inbound.ResolutionProfile;
import org.abusedesk.metrics.RecordingDeskMetrics;
import org.junit.jupiter.api.Test;

/** The built-in SES event and mail the function reads before its snapshot: they must take the whole way in. */
class PrimingMailTest {

    @Test
    void theBuiltInMail_readsAsAForwardedComplaintOnItsMailing_withoutLookingUpAnyKey() throws IOException {
        // GIVEN the function's reader, for the template's sending domain, with key lookups forbidden
        var reader = new MailReader(
                InboundLimits.DEFAULT,
                ResolutionProfile.DEFAULT,
                new DkimVerifier(Set.of("example.com"), (selector, domain, deadline) -> {
                    throw new AssertionError("looked up the key of " + selector + "._domainkey." + domain);
                }));
        var receiveMail = new ReceiveMail(
                new InMemoryRawMails(),
                reader,
                new InMemoryComplaints(),
                new RecordingDeskMetrics(),
                InboundLimits.DEFAULT,
                Duration.ofDays(1));

        // WHEN the built-in event and mail are read
        var received = SesEvent.received(
                SesEvent.read(resource("ses-event.json")).records().get(0));
        var complaints = receiveMail.complaints(
                received,
                new RawMails.RawMail(
                        resource("forwarded-complaint.eml").readAllBytes(), false, "s3://b/k", received.receivedAt()));

        // THEN they give one complaint about the attached message's mailing, as a real forward would
        assertThat(received.receiptId()).isEqualTo("snapstart-priming");
        assertThat(complaints).singleElement().satisfies(complaint -> {
            assertThat(complaint.mailingId().value()).isEqualTo("99999999");
            assertThat(complaint.channel()).isEqualTo(Channel.MAIL);
            assertThat(complaint.classification()).isEqualTo(Classification.COMPLAINT);
            assertThat(complaint.attribution().claimedAccountId()).contains("99999");
            assertThat(complaint.attribution().provenance().orElseThrow().format())
                    .isEqualTo(ReportFormat.ATTACHED_MESSAGE);
        });
    }

    private static InputStream resource(String name) {
        return PrimingMailTest.class.getResourceAsStream("/snapstart/" + name);
    }
}
