package org.abusedesk.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad input of the design brief's limits table, through the JSON API and through the form page: the exact
 * status, the field named, and nothing stored.
 */
class BadInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestDesk desk = new TestDesk();

    static Stream<Arguments> badFields() {
        return Stream.of(
                Arguments.of("message over 5,000 characters", "message", "x".repeat(5_001), "message"),
                Arguments.of("name over 200 characters", "name", "n".repeat(201), "name"),
                Arguments.of("Mailing ID over 64 characters", "mailingId", "9".repeat(65), "mailingId"),
                Arguments.of(
                        "e-mail over 254 characters",
                        "email",
                        "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(59) + ".de",
                        "email"),
                Arguments.of("e-mail without @", "email", "erika.example.net", "email"),
                Arguments.of("e-mail with a display name", "email", "Erika <erika@example.net>", "email"),
                Arguments.of("e-mail with two dots", "email", "erika@example..net", "email"),
                Arguments.of("e-mail with a header injected", "email", "a@example.net\r\nBcc: b@example.net", "email"),
                Arguments.of("missing e-mail", "email", "", "email"),
                Arguments.of("missing message", "message", "  ", "message"),
                Arguments.of("missing Mailing ID", "mailingId", "", "mailingId"),
                Arguments.of("Mailing ID outside the pattern", "mailingId", "141 416 11", "mailingId"),
                Arguments.of("CR in the Mailing ID", "mailingId", "141\r41611", "mailingId"),
                Arguments.of("LF in the name", "name", "Erika\nMuster", "name"),
                Arguments.of("CRLF in the name", "name", "Eve\r\nBcc: x@example.net", "name"),
                Arguments.of("NUL in the name", "name", "Erika\u0000Muster", "name"),
                Arguments.of("tab in the name", "name", "Erika\tMuster", "name"),
                Arguments.of("U+2028 in the name", "name", "Erika\u2028Muster", "name"),
                Arguments.of("U+2029 in the e-mail", "email", "erika\u2029@example.net", "email"),
                Arguments.of("DEL in the Mailing ID", "mailingId", "1414\u007f1611", "mailingId"),
                Arguments.of("unknown salutation", "salutation", "Dr.", "salutation"));
    }

    @ParameterizedTest(name = "JSON: {0}")
    @MethodSource("badFields")
    void json_badField_is400NamingIt(String what, String field, String value, String named) throws IOException {
        var body = validJson();
        body.put(field, value);

        var response = desk.send(TestDesk.jsonPost(JSON.writeValueAsString(body)));

        assertThat(response.getStatusCode()).isEqualTo(400);
        var errors = JSON.readTree(response.getBody()).get("errors");
        assertThat(errors.size()).isEqualTo(1);
        assertThat(errors.get(0).get("field").asText()).isEqualTo(named);
        assertThat(desk.complaints.all()).isEmpty();
    }

    @ParameterizedTest(name = "form: {0}")
    @MethodSource("badFields")
    void form_badField_is400_withTheErrorAtTheField(String what, String field, String value, String named) {
        var fields = desk.filledForm();
        fields.put(field, value);
        desk.clock.advance(Duration.ofMinutes(1));

        var response = desk.send(TestDesk.formPost(fields));

        assertThat(response.getStatusCode()).isEqualTo(400);
        String page = response.getBody();
        assertThat(page).contains("<li><a href=\"#" + named + "\">");
        assertThat(page).containsOnlyOnce("<li><a href=");
        assertThat(page).contains("id=\"" + named + "-error\"");
        assertThat(desk.complaints.all()).isEmpty();
    }

    @Test
    void bodyOver32KiB_is413_asJsonAndAsAPage() throws IOException {
        var body = validJson();
        body.put("message", "x".repeat(33_000));
        var fields = desk.filledForm();
        fields.put("message", "x".repeat(33_000));

        var json = desk.send(TestDesk.jsonPost(JSON.writeValueAsString(body)));
        var page = desk.send(TestDesk.formPost(fields));

        assertThat(json.getStatusCode()).isEqualTo(413);
        assertThat(json.getBody())
                .isEqualTo("{\"errors\":[{\"field\":\"body\",\"message\":\"must be at most 32768 bytes\"}]}");
        assertThat(page.getStatusCode()).isEqualTo(413);
        assertThat(page.getBody()).contains("<h1>Ihre Angaben sind zu lang</h1>");
        assertThat(desk.complaints.all()).isEmpty();
    }

    @Test
    void bodyOfExactly32KiB_isRead() throws IOException {
        var body = validJson();
        body.put("message", "");
        int room = 32 * 1024 - JSON.writeValueAsString(body).length();
        body.put("message", "x".repeat(room));

        var response = desk.send(TestDesk.jsonPost(JSON.writeValueAsString(body)));

        // Read, and refused for the message's length only: the body itself was within the limit.
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.getBody()).at("/errors/0/field").asText())
                .isEqualTo("message");
    }

    @Test
    void anotherContentType_is415() throws IOException {
        for (String type : new String[] {"text/plain", "multipart/form-data; boundary=x", "application/xml"}) {
            var event = TestDesk.jsonPost("{}");
            event.getHeaders().put("content-type", type);

            var response = desk.send(event);

            assertThat(response.getStatusCode()).as(type).isEqualTo(415);
            assertThat(JSON.readTree(response.getBody()).at("/errors/0/field").asText())
                    .isEqualTo("content-type");
        }
    }

    @Test
    void anotherMethod_is405() {
        for (String method : new String[] {"GET", "PUT", "DELETE", "PATCH"}) {
            var event = TestDesk.jsonPost("{}");
            event.getRequestContext().getHttp().setMethod(method);

            var response = desk.send(event);

            assertThat(response.getStatusCode()).as(method).isEqualTo(405);
            assertThat(response.getHeaders()).containsEntry("allow", "POST");
        }
    }

    @Test
    void garbage_isNever500() {
        var inputs = new String[] {"%", "%zz=1&&=&token=%", "mailingId=%E0%A4%A", "a=" + "%".repeat(100), "\u0000"};
        for (String body : inputs) {
            var event = TestDesk.formPost(Map.of());
            event.setBody(body);
            assertThat(desk.send(event).getStatusCode()).as(body).isEqualTo(400);
        }
        var notBase64 = TestDesk.jsonPost("{}");
        notBase64.setBody("%%%not base64%%%");
        notBase64.setIsBase64Encoded(true);
        assertThat(desk.send(notBase64).getStatusCode()).isEqualTo(400);
    }

    private static Map<String, String> validJson() {
        var body = new LinkedHashMap<String, String>();
        body.put("mailingId", "14141611");
        body.put("salutation", "FRAU");
        body.put("name", "Erika Muster");
        body.put("email", "erika.muster@example.net");
        body.put("message", "Ich habe diesen Newsletter nie bestellt.");
        return body;
    }
}
