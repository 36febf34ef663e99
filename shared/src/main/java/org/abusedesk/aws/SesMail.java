package org.abusedesk.aws;

import org.abusedesk.outgoing.OutgoingMail;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/** Hands a composed mail to SES v2 as raw MIME. */
final class SesMail {

    private SesMail() {}

    static void send(SesV2Client ses, OutgoingMail mail) {
        ses.sendEmail(request(mail));
    }

    static SendEmailRequest request(OutgoingMail mail) {
        return SendEmailRequest.builder()
                .fromEmailAddress(mail.from())
                .destination(d -> d.toAddresses(mail.to()))
                .content(c -> c.raw(raw -> raw.data(SdkBytes.fromByteArray(mail.raw()))))
                .build();
    }
}
