package org.abusedesk.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EventLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void json_listsEachEventReceived_newestLast_inTheEnvelopesFieldNames() throws Exception {
        // GIVEN a log that received two events
        var log = new EventLog(Clock.fixed(NOW, ZoneOffset.UTC));
        log.received("abuse-desk", "SuppressionAdded", "{\"version\": 1, \"accountId\": \"121070\"}");
        log.received("abuse-desk", "CaseClosed", "{\"version\": 1, \"outcome\": \"RESOLVED\"}");

        // WHEN it is written as JSON
        var json = JSON.readTree(log.json());

        // THEN it is an array of both, the older first, each with its time, source, detail type and detail
        assertThat(json)
                .isEqualTo(JSON.readTree("[{\"time\":\"2026-11-27T10:00:00Z\",\"source\":\"abuse-desk\","
                        + "\"detail-type\":\"SuppressionAdded\",\"detail\":{\"version\":1,\"accountId\":\"121070\"}},"
                        + "{\"time\":\"2026-11-27T10:00:00Z\",\"source\":\"abuse-desk\","
                        + "\"detail-type\":\"CaseClosed\",\"detail\":{\"version\":1,\"outcome\":\"RESOLVED\"}}]"));
        assertThat(log.events("CaseClosed"))
                .singleElement()
                .satisfies(e -> assertThat(e.detail().get("outcome").asText()).isEqualTo("RESOLVED"));
    }

    @Test
    void json_ofALogThatReceivedNothing_isAnEmptyArray() {
        assertThat(new EventLog(Clock.systemUTC()).json()).isEqualTo("[]");
    }

    @Test
    void received_aDetailThatIsNoJson_fails_andKeepsNothing() {
        var log = new EventLog(Clock.systemUTC());

        assertThatThrownBy(() -> log.received("abuse-desk", "CaseClosed", "{\"version\": 1,"))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(log.events()).isEmpty();
    }
}
