package org.abusedesk.aws;

import org.abusedesk.mail.OutgoingMail;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** Hands a composed mail to SES v2 as raw MIME. */
final class SesMail {

    private SesMail() {}

    static void send(SesV2Client ses, OutgoingMail mail) {
        ses.sendEmail(r -> r.fromEmailAddress(mail.from())
                .destination(d -> d.toAddresses(mail.to()))
                .content(c -> c.raw(raw -> raw.data(SdkBytes.fromByteArray(mail.raw())))));
    }
}
