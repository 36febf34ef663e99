package org.abusedesk.outgoing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;

/** Reads a composed mail back, as a mail client would, for tests to look at. */
final class MimeParts {

    private MimeParts() {}

    static Message parse(OutgoingMail mail) throws IOException {
        return parse(mail.raw());
    }

    static Message parse(byte[] raw) throws IOException {
        return new DefaultMessageBuilder().parseMessage(new ByteArrayInputStream(raw));
    }

    /** The decoded text of the first part of this MIME type. */
    static String part(Message message, String mimeType) throws IOException {
        for (Entity part : ((Multipart) message.getBody()).getBodyParts()) {
            if (part.getMimeType().equals(mimeType)) {
                var out = new StringWriter();
                try (var reader = ((TextBody) part.getBody()).getReader()) {
                    reader.transferTo(out);
                }
                return out.toString();
            }
        }
        throw new AssertionError("no " + mimeType + " part");
    }
}
