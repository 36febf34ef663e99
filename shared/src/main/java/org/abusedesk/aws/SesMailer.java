package org.abusedesk.aws;

import java.util.Objects;
import org.abusedesk.outgoing.Mailer;
import org.abusedesk.outgoing.OutgoingMail;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** Sends composed mail through SES v2, as raw MIME. */
public final class SesMailer implements Mailer {

    private final SesV2Client ses;

    public SesMailer(SesV2Client ses) {
        this.ses = Objects.requireNonNull(ses, "ses == null");
    }

    @Override
    public void send(OutgoingMail mail) {
        SesMail.send(ses, mail);
    }
}
