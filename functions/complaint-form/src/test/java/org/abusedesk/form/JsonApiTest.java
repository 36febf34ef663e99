package org.abusedesk.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import org.abusedesk.complaint.Language;
import org.abusedesk.intake.IntakeEvent;
import org.junit.jupiter.api.Test;

class JsonApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COMPLAINT =
            "{\"mailingId\":\"14141611\",\"email\":\"a@example.net\",\"message\":\"spam\"}";

    private final TestDesk desk = new TestDesk();

    @Test
    void consentToShare_isStoredWhenTrue_offWhenAbsent_andAnythingButABooleanIs400() {
        var consenting = desk.send(
                TestDesk.jsonPost(
                        "{\"mailingId\":\"14141611\",\"email\":\"a@example.net\",\"message\":\"spam\",\"consentToShare\":true}"));
        var silent = desk.send(
                TestDesk.jsonPost("{\"mailingId\":\"14141611\",\"email\":\"b@example.net\",\"message\":\"spam\"}"));
        var text = desk.send(
                TestDesk.jsonPost(
                        "{\"mailingId\":\"14141611\",\"email\":\"c@example.net\",\"message\":\"spam\",\"consentToShare\":\"yes\"}"));

        assertThat(consenting.getStatusCode()).isEqualTo(202);
        assertThat(silent.getStatusCode()).isEqualTo(202);
        assertThat(text.getStatusCode()).isEqualTo(400);
        assertThat(text.getBody())
                .isEqualTo("{\"errors\":[{\"field\":\"consentToShare\",\"message\":\"must be true or false\"}]}");
        assertThat(desk.complaints.all())
                .extracting(c -> c.complainant().email() + "=" + c.complainant().consentToShare())
                .containsExactlyInAnyOrder("a@example.net=true", "b@example.net=false");
    }

    @Test
    void sameIdempotencyKey_givesTheSameReference_andStoresOneComplaint() throws IOException {
        // GIVEN a complaint sent with an Idempotency-Key
        var first = TestDesk.jsonPost(COMPLAINT);
        first.getHeaders().put("idempotency-key", "8e0f4b1c-5b7a-4c1e-9f7d-1a2b3c4d5e6f");
        var firstResponse = desk.send(first);

        // WHEN it is sent again with the same key
        var again = TestDesk.jsonPost(COMPLAINT);
        again.getHeaders().put("Idempotency-Key", "8e0f4b1c-5b7a-4c1e-9f7d-1a2b3c4d5e6f");
        var againResponse = desk.send(again);

        // THEN both are 202 with the same body, the second marked as a replay, and one complaint is stored
        assertThat(firstResponse.getStatusCode()).isEqualTo(202);
        assertThat(againResponse.getStatusCode()).isEqualTo(202);
        assertThat(againResponse.getBody()).isEqualTo(firstResponse.getBody());
        assertThat(againResponse.getHeaders()).containsEntry("idempotent-replayed", "true");
        assertThat(firstResponse.getHeaders()).doesNotContainKey("idempotent-replayed");
        assertThat(desk.complaints.all()).hasSize(1);
    }

    @Test
    void sameIdempotencyKey_withOtherContent_is422_andStoresNothingMore() throws IOException {
        var first = TestDesk.jsonPost(COMPLAINT);
        first.getHeaders().put("idempotency-key", "k-1");
        String reference = json(desk.send(first).getBody()).get("reference").asText();

        var other = TestDesk.jsonPost("{\"mailingId\":\"14141611\",\"email\":\"a@example.net\",\"message\":\"other\"}");
        other.getHeaders().put("idempotency-key", "k-1");
        var response = desk.send(other);

        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(response.getBody())
                .isEqualTo("{\"errors\":[{\"field\":\"Idempotency-Key\",\"message\":\"was used for another complaint"
                        + " (reference " + reference + ")\"}]}");
        assertThat(desk.complaints.all()).hasSize(1);
    }

    @Test
    void anIdempotencyKeyThatIsNoPrintableAscii_is400() {
        for (String key : new String[] {"", "with space", "ü", "x".repeat(256)}) {
            var event = TestDesk.jsonPost(COMPLAINT);
            event.getHeaders().put("idempotency-key", key);

            var response = desk.send(event);

            assertThat(response.getStatusCode()).as(key).isEqualTo(400);
            assertThat(response.getBody())
                    .isEqualTo("{\"errors\":[{\"field\":\"Idempotency-Key\","
                            + "\"message\":\"must be 1 to 255 printable ASCII characters\"}]}");
        }
        assertThat(desk.complaints.all()).isEmpty();
    }

    @Test
    void theEleventhComplaintFromOneSource_is429WithRetryAfter() throws IOException {
        // GIVEN ten complaints from one address within a minute
        for (int i = 0; i < 10; i++) {
            assertThat(desk.send(TestDesk.jsonPost(COMPLAINT)).getStatusCode()).isEqualTo(202);
            desk.clock.advance(Duration.ofSeconds(6));
        }

        // WHEN the eleventh comes
        var response = desk.send(TestDesk.jsonPost(COMPLAINT));

        // THEN it is refused until the first leaves the ten minutes, 540 s later, and not stored
        assertThat(response.getStatusCode()).isEqualTo(429);
        assertThat(response.getHeaders()).containsEntry("retry-after", "540");
        assertThat(json(response.getBody()).at("/errors/0/message").asText())
                .isEqualTo("too many complaints from this address; try again in 540 seconds");
        assertThat(desk.complaints.all()).hasSize(10);
        assertThat(desk.metrics.events()).containsExactly(IntakeEvent.RATE_LIMITED);
    }

    @Test
    void anotherSourceAddress_hasItsOwnLimit() {
        for (int i = 0; i < 10; i++) {
            desk.send(TestDesk.jsonPost(COMPLAINT));
        }
        var other = TestDesk.jsonPost(COMPLAINT);
        other.getRequestContext().getHttp().setSourceIp("2001:db8::1");

        assertThat(desk.send(other).getStatusCode()).isEqualTo(202);
    }

    @Test
    void errorsAreInGerman_whenTheRequestAsksForGerman_andTheComplaintKeepsTheLanguage() throws IOException {
        var invalid = TestDesk.jsonPost("{\"mailingId\":\"14141611\",\"message\":\"spam\"}");
        invalid.getHeaders().put("accept-language", "de-DE,de;q=0.9,en;q=0.8");
        var valid = TestDesk.jsonPost(COMPLAINT);
        valid.getHeaders().put("accept-language", "de-DE,de;q=0.9,en;q=0.8");

        var response = desk.send(invalid);
        desk.send(valid);

        assertThat(response.getBody())
                .isEqualTo("{\"errors\":[{\"field\":\"email\",\"message\":\"ist erforderlich\"}]}");
        assertThat(desk.complaints.all().get(0).complainant().language()).isEqualTo(Language.DE);
    }

    @Test
    void aPastedHeader_andAnInternationalisedAddress_areAccepted() throws IOException {
        var response = desk.send(TestDesk.jsonPost(
                "{\"mailingId\":\"X-Mailing: 14141611\",\"email\":\"user@bücher.de\",\"message\":\"spam\"}"));

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(json(response.getBody()).get("mailingId").asText()).isEqualTo("14141611");
        assertThat(desk.complaints.all().get(0).complainant().email()).isEqualTo("user@bücher.de");
    }

    @Test
    void anUnknownPath_is404() {
        assertThat(desk.send(TestDesk.request("GET", "/admin")).getStatusCode()).isEqualTo(404);
    }

    @Test
    void getOnComplaints_is405WithAllow() {
        var response = desk.send(TestDesk.request("GET", "/complaints"));

        assertThat(response.getStatusCode()).isEqualTo(405);
        assertThat(response.getHeaders()).containsEntry("allow", "POST");
        assertThat(response.getBody())
                .isEqualTo("{\"errors\":[{\"field\":\"method\",\"message\":\"only POST is allowed\"}]}");
    }

    private static JsonNode json(String body) throws IOException {
        return JSON.readTree(body);
    }
}
