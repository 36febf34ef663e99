package org.abusedesk.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.abusedesk.cases.CaseFixtures;
import org.abusedesk.complaint.ComplaintState;
import org.junit.jupiter.api.Test;

class ErasureRouteTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ERASE = "POST /admin/erasures";

    private final InMemoryAdminApi api = new InMemoryAdminApi();

    @Test
    void erase_removesThePersonFromEveryComplaint_andDeletesTheirRawMail() throws Exception {
        // GIVEN Erika's form complaint and her forwarded mail, and Karl's complaint
        var form = CaseFixtures.form(
                "14141611", CaseFixtures.NOW.minusSeconds(7200), ComplaintState.NOTIFIED, CaseFixtures.ERIKA);
        var mailed = CaseFixtures.mailed(
                "14141611",
                CaseFixtures.NOW.minusSeconds(3600),
                ComplaintState.NOTIFIED,
                CaseFixtures.ERIKA,
                "ses-1",
                false);
        var karl = CaseFixtures.form(
                "14141611", CaseFixtures.NOW.minusSeconds(1800), ComplaintState.NOTIFIED, "karl@example.org");
        api.complaints.add(form);
        api.complaints.add(mailed);
        api.complaints.add(karl);
        api.evidence.put("memory://ses-1", "From: Erika <erika.muster@example.net>".getBytes(StandardCharsets.UTF_8));

        // WHEN her data is erased, the address written differently
        var response = api.call(ERASE, Map.of(), InMemoryAdminApi.WRITE, "{\"address\":\"Erika.Muster@EXAMPLE.net\"}");

        // THEN both her complaints are erased and her mail deleted; Karl's stays
        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode report = JSON.readTree(response.getBody());
        assertThat(report.get("complaintsErased").asInt()).isEqualTo(2);
        assertThat(report.get("rawMailsDeleted").asInt()).isEqualTo(1);
        assertThat(response.getBody()).doesNotContainIgnoringCase("erika");
        assertThat(api.complaints.all())
                .extracting(complaint -> complaint.complainant().email())
                .containsExactlyInAnyOrder("", "", "karl@example.org");
        assertThat(api.evidence.holds("memory://ses-1")).isFalse();
    }

    @Test
    void erase_withoutAnAddress_isA400_andNeedsTheWriteScope() {
        assertThat(api.call(ERASE, Map.of(), InMemoryAdminApi.WRITE, "{}").getStatusCode())
                .isEqualTo(400);
        assertThat(api.call(ERASE, Map.of(), InMemoryAdminApi.WRITE, "{\"address\":\"kein at\"}")
                        .getStatusCode())
                .isEqualTo(400);
        assertThat(api.call(ERASE, Map.of(), InMemoryAdminApi.READ, "{\"address\":\"a@example.net\"}")
                        .getStatusCode())
                .isEqualTo(403);
    }
}
