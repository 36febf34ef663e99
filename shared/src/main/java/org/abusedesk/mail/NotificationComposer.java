package org.abusedesk.mail;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.abusedesk.complaint.Complaint;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.field.ParseException;
import org.apache.james.mime4j.field.address.DefaultAddressParser;
import org.apache.james.mime4j.message.BodyPartBuilder;
import org.apache.james.mime4j.message.DefaultMessageWriter;
import org.apache.james.mime4j.message.MultipartBuilder;
import org.apache.james.mime4j.stream.RawField;

/** Composes the abuse team's notification of a complaint: text and HTML from precompiled templates. */
public final class NotificationComposer {

    private static final TemplateEngine HTML =
            TemplateEngine.createPrecompiled(null, ContentType.Html, null, "org.abusedesk.templates.html");
    private static final TemplateEngine TEXT =
            TemplateEngine.createPrecompiled(null, ContentType.Plain, null, "org.abusedesk.templates.text");

    private final Mailbox sender;
    private final Mailbox abuseTeam;

    public NotificationComposer(String senderAddress, String abuseTeamAddress) {
        this.sender = mailbox("senderAddress", senderAddress);
        this.abuseTeam = mailbox("abuseTeamAddress", abuseTeamAddress);
    }

    public OutgoingMail compose(Complaint complaint) {
        var view = NotificationView.of(complaint);
        var mailingId = HeaderText.clean(view.mailingId());
        try {
            var message = Message.Builder.of()
                    .setFrom(sender)
                    .setTo(abuseTeam)
                    .setSubject(HeaderText.clean(
                            "Complaint on mailing " + mailingId + " (reference " + view.reference() + ")"))
                    .setDate(new Date())
                    .setMessageId("<" + view.reference() + "@abuse-desk>")
                    // One thread per mailing in the abuse team's mail client.
                    .addField(new RawField("References", "<mailing-" + headerToken(mailingId) + "@abuse-desk>"))
                    // RFC 3834: no auto-responder should answer a notification.
                    .addField(new RawField("Auto-Submitted", "auto-generated"))
                    .addField(new RawField("X-Abuse-Desk-Reference", view.reference()))
                    .setBody(MultipartBuilder.create("alternative")
                            .addBodyPart(BodyPartBuilder.create()
                                    .setBody(render(TEXT, view), "plain", StandardCharsets.UTF_8)
                                    .setContentTransferEncoding("quoted-printable"))
                            .addBodyPart(BodyPartBuilder.create()
                                    .setBody(render(HTML, view), "html", StandardCharsets.UTF_8)
                                    .setContentTransferEncoding("quoted-printable"))
                            .build())
                    .build();
            var raw = new ByteArrayOutputStream();
            new DefaultMessageWriter().writeMessage(message, raw);
            return new OutgoingMail(sender.getAddress(), List.of(abuseTeam.getAddress()), raw.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String render(TemplateEngine engine, NotificationView view) {
        var out = new StringOutput();
        engine.render("notification.jte", view, out);
        return out.toString();
    }

    // A message-id's left part allows only atext; anything else in a Mailing ID becomes '_'.
    private static String headerToken(String value) {
        return value.replaceAll("[^A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]", "_");
    }

    private static Mailbox mailbox(String name, String address) {
        Objects.requireNonNull(address, name + " == null");
        try {
            return DefaultAddressParser.DEFAULT.parseMailbox(HeaderText.clean(address));
        } catch (ParseException e) {
            throw new IllegalArgumentException(name + " is not a mail address: " + address, e);
        }
    }
}
