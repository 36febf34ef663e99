package org.abusedesk.aws;

import java.util.Objects;
import org.abusedesk.outgoing.NotificationComposer;
import org.abusedesk.processing.AbuseTeamNotifier;
import org.abusedesk.processing.HeldBack;
import org.abusedesk.processing.HeldBackNotifier;
import org.abusedesk.processing.Notification;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** Sends the abuse team's notifications and digests through SES v2 as raw MIME messages. */
public final class SesAbuseTeamNotifier implements AbuseTeamNotifier, HeldBackNotifier {

    private final SesV2Client ses;
    private final NotificationComposer composer;

    public SesAbuseTeamNotifier(SesV2Client ses, NotificationComposer composer) {
        this.ses = Objects.requireNonNull(ses, "ses == null");
        this.composer = Objects.requireNonNull(composer, "composer == null");
    }

    @Override
    public void notify(Notification notification) {
        SesMail.send(ses, composer.compose(notification));
    }

    @Override
    public void notify(HeldBack heldBack) {
        SesMail.send(ses, composer.compose(heldBack));
    }

    /** Composes the notification's mail and its request to SES, and sends nothing. */
    public void rehearse(Notification sample) {
        SesMail.request(composer.compose(sample));
    }
}
