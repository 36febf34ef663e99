package org.abusedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.abusedesk.local.AwsEndpoint;
import org.abusedesk.local.CloudFormationTemplate;
import org.abusedesk.local.LocalStack;
import org.abusedesk.local.ProjectRoot;
import org.abusedesk.suppression.AddressHash;
import org.abusedesk.testkit.MotoExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The events of a complaint's way through the local stack, as {@code GET /_local/events} lists what the pipes put
 * on the bus: its suppression when counted, its case's closing when the abuse team resolves it.
 */
@ExtendWith(MotoExtension.class)
class BusEventsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private LocalStack local;

    @AfterEach
    void stop() {
        if (local != null) {
            local.close();
        }
    }

    @Test
    void aCountedFormComplaint_isASuppressionAdded_andItsResolvedCase_aCaseClosed_inTheLocalEvents(
            AwsEndpoint aws, ProjectRoot root) throws Exception {
        // GIVEN the local stack, and a mailing of an account of its own registered through the admin API
        local = LocalStack.start(
                CloudFormationTemplate.load(root.resolve("template.yaml")),
                aws,
                new LocalStack.Options(
                        "127.0.0.1",
                        0,
                        "ev" + UUID.randomUUID().toString().substring(0, 8),
                        MotoExtension.TEST_PARAMETERS));
        String writer = local.tokens()
                .mint("anna.team", List.of("abuse-desk/read", "abuse-desk/write"), Duration.ofMinutes(10));
        String account = "acc" + UUID.randomUUID().toString().substring(0, 8);
        String mailing = "e" + UUID.randomUUID().toString().substring(0, 7);
        assertThat(send(
                                "PUT",
                                "/admin/mailings/" + mailing,
                                writer,
                                "{\"accountId\":\"" + account
                                        + "\",\"recipients\":1000,\"sentAt\":\"2026-11-27T09:00:00Z\"}")
                        .statusCode())
                .isEqualTo(200);
        String address = "Erika.Quellberg@Example.NET";

        // WHEN a person complains about it through the form
        var posted = send(
                "POST",
                "/complaints",
                null,
                "{\"mailingId\":\"" + mailing + "\",\"email\":\"" + address
                        + "\",\"name\":\"Erika Quellberg\",\"message\":\"Nie bestellt, von 198.51.100.73\"}");
        assertThat(posted.statusCode()).isEqualTo(202);
        String complaintId = JSON.readTree(posted.body()).get("reference").asText();

        // THEN, once it is counted, the bus received a SuppressionAdded of the account by the address's hash
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(events("SuppressionAdded"))
                        .filteredOn(e -> e.get("accountId").asText().equals(account))
                        .singleElement()
                        .satisfies(e -> assertThat(e.get("addressHash").asText())
                                .isEqualTo(AddressHash.of(address).value())));
        // ... and a ComplaintCounted of it, with the mailing's counts after it
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(events("ComplaintCounted"))
                        .filteredOn(e -> e.get("complaintId").asText().equals(complaintId))
                        .singleElement()
                        .satisfies(e -> {
                            assertThat(e.get("accountId").asText()).isEqualTo(account);
                            assertThat(e.get("complaints").asText()).isEqualTo("1");
                            assertThat(e.get("recipients").asText()).isEqualTo("1000");
                            assertThat(e.get("ratePercent").asText()).isEqualTo("0.1000");
                            assertThat(e.toString()).doesNotContainIgnoringCase("quellberg");
                        }));

        // ... and WHEN the abuse team, notified, resolves the case
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> send(
                                        "POST",
                                        "/admin/complaints/" + mailing + "/" + complaintId + "/resolve",
                                        writer,
                                        "{\"note\":\"Kunde verwarnt\"}")
                                .statusCode()
                        == 200);

        // THEN a CaseClosed of it follows, newest last, naming who closed it and nothing of the complainant
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(events("CaseClosed"))
                        .filteredOn(e -> e.get("complaintId").asText().equals(complaintId))
                        .singleElement()
                        .satisfies(e -> {
                            assertThat(e.get("mailingId").asText()).isEqualTo(mailing);
                            assertThat(e.get("outcome").asText()).isEqualTo("RESOLVED");
                            assertThat(e.get("closedBy").asText()).isEqualTo("anna.team");
                        }));
        var all = JSON.readTree(send("GET", "/_local/events", null, null).body());
        assertThat(all.get(all.size() - 1).get("detail-type").asText()).isEqualTo("CaseClosed");
        String text = all.toString().toLowerCase(Locale.ROOT);
        for (String value : List.of("quellberg", "example.net", "bestellt", "198.51.100.73", "verwarnt")) {
            assertThat(text).as("the events hold %s", value).doesNotContain(value);
        }
    }

    /** The details of the events of this type the bus received, oldest first. */
    private List<JsonNode> events(String detailType) throws IOException, InterruptedException {
        var details = new ArrayList<JsonNode>();
        for (JsonNode event :
                JSON.readTree(send("GET", "/_local/events", null, null).body())) {
            if (event.get("detail-type").asText().equals(detailType)) {
                assertThat(event.get("source").asText()).isEqualTo("abuse-desk");
                details.add(event.get("detail"));
            }
        }
        return details;
    }

    private HttpResponse<String> send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        return LocalApi.send(http, local.apiUrl(), method, path, token, body);
    }

    private URI uri(String path) {
        return local.apiUrl().resolve(path);
    }
}
