package org.abusedesk.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.abusedesk.account.AccountStatus;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.outgoing.AcknowledgementComposer;
import org.abusedesk.outgoing.NotificationComposer;
import org.abusedesk.outgoing.OutgoingMail;
import org.abusedesk.processing.Notification;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The form's hostile input catalogue, beyond BadInputTest's field limits and EscapingTest's echoed values: markup and
 * look-alike characters that are valid text, internationalised addresses, and bodies that are not what they claim.
 * Valid text is stored as written and reaches the acknowledgement and the abuse team's notification escaped, with
 * no header added; a body that cannot be read is a 400, never a 500, and stores nothing.
 */
class HostileFormCatalogueTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ACKNOWLEDGEMENT_HEADERS = List.of(
            "MIME-Version",
            "From",
            "To",
            "Subject",
            "Date",
            "Message-ID",
            "Auto-Submitted",
            "X-Abuse-Desk-Reference",
            "Content-Type");

    private final TestDesk desk = new TestDesk();

    static Stream<Arguments> storedAndEscaped() {
        return Stream.of(
                Arguments.of("script in the message", "message", "<script>alert(1)</script>"),
                Arguments.of("img onerror in the message", "message", "<img src=x onerror=alert(1)>"),
                Arguments.of("script in the name", "name", "<script>alert(1)</script>"),
                Arguments.of("attribute break-out in the name", "name", "\"><svg onload=alert(1)>"),
                Arguments.of("U+760D/U+760A (CR/LF cut to a byte) in the name", "name", "Erika \u760D\u760ABcc: x"),
                Arguments.of(
                        "CR LF in the message (kept: it is no header)", "message", "Zeile 1\r\nBcc: x@example.org"),
                Arguments.of("IDN domain in the address", "email", "erika@bücher.example"),
                Arguments.of("right-to-left override in the name", "name", "Erika \u202Egnp.exe"));
    }

    @ParameterizedTest(name = "{0}: stored as written, escaped in every mail")
    @MethodSource("storedAndEscaped")
    void validButHostileText_isStoredAsWritten_andReachesTheMailsEscaped(String row, String field, String value)
            throws IOException {
        var body = new LinkedHashMap<String, Object>(
                Map.of("mailingId", "14141611", "email", "erika@example.net", "message", "spam", "name", "Erika"));
        body.put(field, value);

        var response = desk.send(TestDesk.jsonPost(JSON.writeValueAsString(body)));

        assertThat(response.getStatusCode()).as(row).isEqualTo(202);
        var complaint = desk.complaints.all().get(0);
        assertThat(List.of(
                        complaint.message(),
                        complaint.complainant().name().orElse(""),
                        complaint.complainant().email()))
                .as(row)
                .contains(value);
        for (var mail : List.of(
                new AcknowledgementComposer("abuse-desk@example.com").compose(complaint),
                new NotificationComposer("abuse-desk@example.com", "abuse-team@example.com")
                        .compose(notification(complaint)))) {
            var message = parse(mail);
            assertThat(message.getHeader().getFields())
                    .as(row)
                    .allSatisfy(f ->
                            assertThat(f.getBody().replaceAll("\r\n[ \t]", " ")).doesNotContain("\r", "\n", "\u0000"));
            assertThat(html(message)).as(row).doesNotContain("<script", "<img", "<svg");
        }
        var acknowledgement = parse(new AcknowledgementComposer("abuse-desk@example.com").compose(complaint));
        assertThat(acknowledgement.getHeader().getFields().stream()
                        .map(f -> f.getName())
                        .toList())
                .as(row)
                .isEqualTo(ACKNOWLEDGEMENT_HEADERS);
        if (field.equals("email")) {
            // SMTP needs the domain in its ASCII form.
            assertThat(acknowledgement.getHeader().getField("To").getBody()).isEqualTo("erika@xn--bcher-kva.example");
        }
    }

    static Stream<Arguments> unreadableBodies() {
        return Stream.of(
                Arguments.of("JSON: invalid UTF-8", "application/json", bytes(0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d)),
                Arguments.of(
                        "JSON: an overlong encoding of '<'",
                        "application/json",
                        bytes(0x7b, 0x22, 0xc0, 0xbc, 0x22, 0x3a, 0x31, 0x7d)),
                Arguments.of(
                        "JSON: nested 5,000 deep",
                        "application/json",
                        ("[".repeat(5_000) + "]".repeat(5_000)).getBytes(StandardCharsets.UTF_8)),
                Arguments.of("JSON: a number", "application/json", "42".getBytes(StandardCharsets.UTF_8)),
                Arguments.of(
                        "JSON: a field as an object",
                        "application/json",
                        "{\"email\":{\"$ne\":null}}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of(
                        "JSON: a truncated string",
                        "application/json",
                        "{\"email\":\"a@".getBytes(StandardCharsets.UTF_8)),
                Arguments.of(
                        "form: 3,000 empty fields and no token",
                        "application/x-www-form-urlencoded",
                        "a=&".repeat(3_000).getBytes(StandardCharsets.UTF_8)),
                Arguments.of(
                        "form: stray percent signs and no token",
                        "application/x-www-form-urlencoded",
                        "email=%&message=%zz%".getBytes(StandardCharsets.UTF_8)),
                Arguments.of(
                        "form: invalid UTF-8 and no token",
                        "application/x-www-form-urlencoded",
                        bytes(0x6e, 0x61, 0x6d, 0x65, 0x3d, 0xff, 0xfe)));
    }

    @ParameterizedTest(name = "{0}: 400, nothing stored")
    @MethodSource("unreadableBodies")
    void anUnreadableBody_is400_andStoresNothing(String row, String contentType, byte[] body) {
        var event = contentType.equals("application/json") ? TestDesk.jsonPost("") : TestDesk.formPost(Map.of());
        event.setBody(Base64.getEncoder().encodeToString(body));
        event.setIsBase64Encoded(true);

        var response = desk.send(event);

        assertThat(response.getStatusCode()).as(row).isEqualTo(400);
        assertThat(desk.complaints.all()).as(row).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void unpairedSurrogateEscapes_areStoredAsReplacementCharacters_asInvalidUtf8InAFormIs() {
        var response = desk.send(TestDesk.jsonPost("{\"mailingId\":\"14141611\",\"email\":\"erika@example.net\","
                + "\"message\":\"spam \\udc00\\ud83d\\ude00\",\"name\":\"Erika \\ud800\"}"));

        assertThat(response.getStatusCode()).isEqualTo(202);
        var complaint = desk.complaints.all().get(0);
        assertThat(complaint.complainant().name()).contains("Erika \uFFFD");
        // A pair stays the character it names.
        assertThat(complaint.message()).isEqualTo("spam \uFFFD\uD83D\uDE00");
    }

    @org.junit.jupiter.api.Test
    void aBodyThatClaimsBase64AndIsNot_is400() {
        var event = TestDesk.jsonPost("{\"not\": \"base64\"}");
        event.setIsBase64Encoded(true);

        assertThat(desk.send(event).getStatusCode()).isEqualTo(400);
        assertThat(desk.complaints.all()).isEmpty();
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
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

    private static Message parse(OutgoingMail mail) throws IOException {
        return new DefaultMessageBuilder().parseMessage(new ByteArrayInputStream(mail.raw()));
    }

    private static String html(Message message) throws IOException {
        for (Entity part : ((Multipart) message.getBody()).getBodyParts()) {
            if (part.getMimeType().equals("text/html")) {
                var out = new StringWriter();
                try (var reader = ((TextBody) part.getBody()).getReader()) {
                    reader.transferTo(out);
                }
                return out.toString();
            }
        }
        throw new AssertionError("no HTML part");
    }
}
