package org.abusedesk.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Base64;
import org.abusedesk.complaint.Complaint;

/**
 * Coverage-guided fuzzing of the form handler's body decoding, urlencoded and JSON, through the handler as API
 * Gateway invokes it (the body base64-encoded, so any bytes arrive). {@code ./mvnw verify} replays the committed
 * inputs in {@code FormDecodingFuzzTestInputs/<method>}; {@code JAZZER_FUZZ=1} fuzzes. Whatever the bytes: an answer
 * below 500, and whatever was stored has a single-line name and address.
 */
class FormDecodingFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void urlencoded(byte[] body) {
        var desk = new TestDesk();
        var event = TestDesk.formPost(java.util.Map.of());
        event.setBody(Base64.getEncoder().encodeToString(body));
        event.setIsBase64Encoded(true);

        var response = desk.send(event);

        assertThat(response.getStatusCode()).isBetween(200, 499);
        desk.complaints.all().forEach(FormDecodingFuzzTest::assertSingleLine);
    }

    @FuzzTest(maxDuration = "60s")
    void json(byte[] body) {
        var desk = new TestDesk();
        var event = TestDesk.jsonPost("");
        event.setBody(Base64.getEncoder().encodeToString(body));
        event.setIsBase64Encoded(true);

        var response = desk.send(event);

        assertThat(response.getStatusCode()).isBetween(200, 499);
        assertThat(response.getBody()).isNotNull();
        desk.complaints.all().forEach(FormDecodingFuzzTest::assertSingleLine);
    }

    private static void assertSingleLine(Complaint complaint) {
        assertThat(complaint.complainant().email()).doesNotContain("\r", "\n", "\u0000", "\u2028", "\u2029");
        complaint
                .complainant()
                .name()
                .ifPresent(name -> assertThat(name).doesNotContain("\r", "\n", "\u0000", "\u2028", "\u2029"));
    }
}
