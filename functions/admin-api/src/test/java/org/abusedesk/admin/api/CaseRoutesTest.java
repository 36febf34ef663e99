package org.abusedesk.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.abusedesk.account.AccountId;
import org.abusedesk.cases.CaseFixtures;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.registration.Mailing;
import org.junit.jupiter.api.Test;

class CaseRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = CaseFixtures.NOW;

    private final InMemoryAdminApi api = new InMemoryAdminApi();

    @Test
    void theCasesOfAnAccount_comeOldestFirst_aPageAtATime() throws Exception {
        // GIVEN three cases counted against account 121070 on two mailings, and one of another account
        var oldest = counted("14141611", NOW.minusSeconds(3 * 3600), "121070");
        var middle = counted("14141612", NOW.minusSeconds(2 * 3600), "121070");
        var newest = counted("14141611", NOW.minusSeconds(3600), "121070");
        counted("14141613", NOW.minusSeconds(1800), "999999");

        // WHEN they are listed two at a time
        var pages = pages("GET /admin/accounts/{accountId}/complaints", Map.of("accountId", "121070"), Map.of());

        // THEN the account's three come once each, oldest first, on two pages
        assertThat(pages).hasSize(2);
        assertThat(ids(pages)).containsExactly(id(oldest), id(middle), id(newest));
    }

    @Test
    void theCasesInAState_andWithoutAState_theOpenOnesFirst() throws Exception {
        // GIVEN a resolved case and two notified ones
        var resolved = counted("14141611", NOW.minusSeconds(3 * 3600), "121070");
        api.complaints.replace(withState(resolved, ComplaintState.RESOLVED));
        var notified = counted("14141612", NOW.minusSeconds(2 * 3600), "121070");
        var later = counted("14141613", NOW.minusSeconds(3600), "121070");

        // WHEN the RESOLVED cases are listed, and then all cases without a state
        var inState = pages("GET /admin/complaints", Map.of(), Map.of("state", "resolved"));
        var all = pages("GET /admin/complaints", Map.of(), Map.of());

        // THEN the state filters, case ignored; without one the open cases lead
        assertThat(ids(inState)).containsExactly(id(resolved));
        assertThat(ids(all)).hasSize(3).endsWith(id(resolved)).contains(id(notified), id(later));
        assertThat(api.get("GET /admin/complaints", Map.of(), Map.of("state", "LOST"))
                        .getStatusCode())
                .isEqualTo(400);
    }

    @Test
    void oneCase_showsWhoComplained_itsProvenance_andALinkToItsRawMail() throws Exception {
        // GIVEN a mailed complaint with stored raw mail
        var mailed = CaseFixtures.mailed(
                "14141611", NOW.minusSeconds(600), ComplaintState.NOTIFIED, CaseFixtures.ERIKA, "ses-1", false);
        api.complaints.add(mailed);

        // WHEN it is opened
        var response = api.get("GET /admin/complaints/{mailingId}/{complaintId}", path(mailed), Map.of());

        // THEN it shows the person, the message, where the Mailing ID came from and the signed link
        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode shown = JSON.readTree(response.getBody());
        assertThat(shown.at("/complainant/email").asText()).isEqualTo(CaseFixtures.ERIKA);
        assertThat(shown.get("message").asText()).contains("Schon wieder");
        assertThat(shown.at("/provenance/receiptId").asText()).isEqualTo("ses-1");
        assertThat(shown.at("/provenance/mailingIdSource").asText()).isEqualTo("header:X-Mailing");
        assertThat(shown.at("/provenance/verdicts/spam").asText()).isEqualTo("UNKNOWN");
        assertThat(shown.get("evidenceLink").asText()).isEqualTo("https://evidence.example/" + id(mailed));
        assertThat(api.get(
                                "GET /admin/complaints/{mailingId}/{complaintId}",
                                Map.of("mailingId", "14141611", "complaintId", "01KB3V9X4E0ZQ6K8N2M5T7R1YH"),
                                Map.of())
                        .getStatusCode())
                .isEqualTo(404);
    }

    @Test
    void anErasedCase_showsNothingOfThePerson() throws Exception {
        var form = CaseFixtures.form("14141611", NOW.minusSeconds(600), ComplaintState.NOTIFIED, CaseFixtures.ERIKA);
        api.complaints.add(form);
        api.cases.erase(form.key(), NOW);

        var shown = JSON.readTree(api.get("GET /admin/complaints/{mailingId}/{complaintId}", path(form), Map.of())
                .getBody());

        assertThat(shown.get("complainant").isNull()).isTrue();
        assertThat(shown.get("message").isNull()).isTrue();
        assertThat(shown.get("erasedAt").asText()).isEqualTo(NOW.toString());
        assertThat(shown.toString()).doesNotContain("erika", "Muster");
    }

    @Test
    void exports_giveTheXarfReportAndTheCsaBundle_orSayWhatIsMissing() throws Exception {
        // GIVEN a form complaint on a registered mailing whose sender is known, and one on a mailing without
        var complaint =
                CaseFixtures.form("14141611", NOW.minusSeconds(600), ComplaintState.NOTIFIED, CaseFixtures.ERIKA);
        api.complaints.add(complaint);
        api.mailings.register(Mailing.registered(
                new MailingId("14141611"),
                new AccountId("121070"),
                OptionalLong.of(1_000),
                NOW.minusSeconds(86_400),
                Optional.of("Angebote"),
                Optional.of("news@shop.example.org")));
        var unknown = CaseFixtures.form("99999999", NOW.minusSeconds(600), ComplaintState.NOTIFIED, CaseFixtures.ERIKA);
        api.complaints.add(unknown);

        // WHEN both are exported
        var xarf = api.get("GET /admin/complaints/{mailingId}/{complaintId}/xarf", path(complaint), Map.of());
        var csa = api.get("GET /admin/complaints/{mailingId}/{complaintId}/csa", path(complaint), Map.of());
        var noSender = api.get("GET /admin/complaints/{mailingId}/{complaintId}/xarf", path(unknown), Map.of());

        // THEN the report is X-ARF v4 spam from the mailing's sender, the bundle carries its deadline, and the
        // case without a sender address is a conflict that says so
        assertThat(xarf.getStatusCode()).isEqualTo(200);
        JsonNode report = JSON.readTree(xarf.getBody());
        assertThat(report.get("xarf_version").asText()).isEqualTo("4.0.0");
        assertThat(report.get("type").asText()).isEqualTo("spam");
        assertThat(report.get("smtp_from").asText()).isEqualTo("news@shop.example.org");
        assertThat(csa.getStatusCode()).isEqualTo(200);
        assertThat(JSON.readTree(csa.getBody()).at("/deadline/lastWorkingDay").asText())
                .isEqualTo("2026-12-01");
        assertThat(noSender.getStatusCode()).isEqualTo(409);
        assertThat(JSON.readTree(noSender.getBody()).at("/errors/0/message").asText())
                .contains("no sender address");
    }

    private Complaint counted(String mailingId, Instant at, String accountId) {
        var complaint = CaseFixtures.form(mailingId, at, ComplaintState.NOTIFIED, CaseFixtures.ERIKA);
        api.complaints.add(complaint);
        api.cases.attribute(complaint.key(), new AccountId(accountId));
        return complaint;
    }

    private static Complaint withState(Complaint c, ComplaintState state) {
        return new Complaint(
                c.key(),
                c.channel(),
                c.classification(),
                state,
                c.receivedAt(),
                c.complainant(),
                c.message(),
                c.attribution(),
                c.expiresAt());
    }

    /** Every page of a listing, two cases a page, following the cursors. */
    private List<JsonNode> pages(String route, Map<String, String> path, Map<String, String> query) throws Exception {
        var pages = new ArrayList<JsonNode>();
        String cursor = null;
        do {
            var parameters = new java.util.HashMap<>(query);
            parameters.put("limit", "2");
            if (cursor != null) {
                parameters.put("cursor", cursor);
            }
            var response = api.get(route, path, parameters);
            assertThat(response.getStatusCode()).isEqualTo(200);
            var page = JSON.readTree(response.getBody());
            pages.add(page);
            cursor = page.get("next").isNull() ? null : page.get("next").asText();
        } while (cursor != null);
        return pages;
    }

    private static List<String> ids(List<JsonNode> pages) {
        var ids = new ArrayList<String>();
        pages.forEach(page -> page.get("items")
                .forEach(item -> ids.add(item.get("complaintId").asText())));
        return ids;
    }

    private static String id(Complaint complaint) {
        return complaint.key().complaintId().value();
    }

    private static Map<String, String> path(Complaint complaint) {
        return Map.of("mailingId", complaint.key().mailingId().value(), "complaintId", id(complaint));
    }
}
