package org.abusedesk.outgoing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.field.ParseException;
import org.apache.james.mime4j.field.address.DefaultAddressParser;
import org.apache.james.mime4j.message.BodyPartBuilder;
import org.apache.james.mime4j.message.DefaultMessageWriter;
import org.apache.james.mime4j.message.MultipartBuilder;
import org.apache.james.mime4j.stream.RawField;

/** Writes a text-and-HTML mail as raw MIME, with every header value cleaned of line breaks. */
final class MimeMail {

    private MimeMail() {}

    static Mailbox mailbox(String name, String address) {
        Objects.requireNonNull(address, name + " == null");
        try {
            return DefaultAddressParser.DEFAULT.parseMailbox(HeaderText.clean(address));
        } catch (ParseException e) {
            throw new IllegalArgumentException(name + " is not a mail address: " + address, e);
        }
    }

    static OutgoingMail write(
            Mailbox from,
            Mailbox to,
            String subject,
            String messageId,
            List<Map.Entry<String, String>> headers,
            String text,
            String html) {
        try {
            var builder = header(from, to, Optional.empty(), subject, messageId, headers);
            builder.setBody(MultipartBuilder.create("alternative")
                    .addBodyPart(BodyPartBuilder.create()
                            .setBody(text, "plain", StandardCharsets.UTF_8)
                            .setContentTransferEncoding("quoted-printable"))
                    .addBodyPart(BodyPartBuilder.create()
                            .setBody(html, "html", StandardCharsets.UTF_8)
                            .setContentTransferEncoding("quoted-printable"))
                    .build());
            return written(from, to, builder.build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plain-text mail with a Reply-To: what the desk writes to a sending customer, or a complainant. */
    static OutgoingMail writeText(
            Mailbox from,
            Mailbox to,
            Optional<Mailbox> replyTo,
            String subject,
            String messageId,
            List<Map.Entry<String, String>> headers,
            String text) {
        try {
            var builder = header(from, to, replyTo, subject, messageId, headers);
            builder.setBody(text, "plain", StandardCharsets.UTF_8).setContentTransferEncoding("quoted-printable");
            return written(from, to, builder.build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Message.Builder header(
            Mailbox from,
            Mailbox to,
            Optional<Mailbox> replyTo,
            String subject,
            String messageId,
            List<Map.Entry<String, String>> headers) {
        var builder = Message.Builder.of()
                .setFrom(from)
                .setTo(to)
                .setSubject(HeaderText.clean(subject))
                .setDate(new Date())
                .setMessageId(HeaderText.clean(messageId));
        replyTo.ifPresent(builder::setReplyTo);
        headers.forEach(header -> builder.addField(new RawField(header.getKey(), HeaderText.clean(header.getValue()))));
        return builder;
    }

    private static OutgoingMail written(Mailbox from, Mailbox to, Message message) throws IOException {
        var raw = new ByteArrayOutputStream();
        new DefaultMessageWriter().writeMessage(message, raw);
        return new OutgoingMail(from.getAddress(), List.of(to.getAddress()), raw.toByteArray());
    }

    /** A message-id's left part allows only atext and dots; anything else becomes '_'. */
    static String token(String value) {
        return value.replaceAll("[^A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]", "_");
    }
}
