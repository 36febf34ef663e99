package org.abusedesk.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.abusedesk.account.AccountStatus;
import org.abusedesk.complaint.Attribution;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.Complainant;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintId;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.Language;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.complaint.Salutation;
import org.abusedesk.config.Environment;
import org.abusedesk.local.Outbox;
import org.abusedesk.local.Stack;
import org.abusedesk.outgoing.NotificationComposer;
import org.abusedesk.processing.Notification;
import org.abusedesk.testkit.MotoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

@ExtendWith(MotoExtension.class)
class SesAbuseTeamNotifierIT {

    @Test
    void notify_handsTheMailToSes(Stack stack) {
        var clients =
                new AwsClients(new Environment(stack.runtimeEnvironment(stack.function("ComplaintProcessorFunction"))));
        var notifier = new SesAbuseTeamNotifier(
                clients.configure(SesV2Client.builder()).build(),
                new NotificationComposer("abuse-desk@example.com", "abuse-team@example.com"));
        var complaint = complaint();

        notifier.notify(notification(complaint));

        assertThat(new Outbox(stack.aws().uri()).mails())
                .filteredOn(m -> m.text().contains(complaint.id().value()))
                .singleElement()
                .satisfies(mail -> {
                    assertThat(mail.from()).isEqualTo("abuse-desk@example.com");
                    assertThat(mail.to()).containsExactly("abuse-team@example.com");
                    assertThat(mail.subject())
                            .isEqualTo(
                                    "[ACTIVE] Mailing 14141611 · account unknown · 1 complaint · no recipient count");
                    assertThat(mail.text()).contains("Mailing ID:   14141611");
                    assertThat(mail.html()).contains("<td>14141611</td>");
                });
    }

    @Test
    void notify_fromAnUnverifiedSender_fails_soThatTheComplaintIsRetried(Stack stack) {
        var clients = new AwsClients(new Environment(Map.of(
                "AWS_REGION",
                stack.aws().region().id(),
                "AWS_ENDPOINT_URL",
                stack.aws().uri().toString())));
        var notifier = new SesAbuseTeamNotifier(
                clients.configure(SesV2Client.builder()).build(),
                new NotificationComposer("desk@unverified.example", "abuse-team@example.com"));

        assertThatThrownBy(() -> notifier.notify(notification(complaint()))).isInstanceOf(SesV2Exception.class);
    }

    private static Notification notification(Complaint complaint) {
        return new Notification(
                complaint.mailingId(),
                Optional.empty(),
                Optional.empty(),
                AccountStatus.ACTIVE,
                Optional.empty(),
                List.of(complaint),
                1,
                Optional.empty(),
                Notification.Paging.ONLY);
    }

    private static Complaint complaint() {
        return new Complaint(
                new ComplaintKey(new MailingId("14141611"), ComplaintId.generate()),
                Channel.FORM,
                Classification.COMPLAINT,
                ComplaintState.RECEIVED,
                Instant.now(),
                new Complainant("a@example.net", Optional.empty(), Salutation.NONE, Language.DE),
                "spam",
                Attribution.NONE,
                Instant.now().plusSeconds(3600));
    }
}
