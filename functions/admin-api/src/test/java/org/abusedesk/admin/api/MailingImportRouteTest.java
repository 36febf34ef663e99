package org.abusedesk.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.abusedesk.complaint.MailingId;
import org.junit.jupiter.api.Test;

class MailingImportRouteTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemoryAdminApi api = new InMemoryAdminApi();

    @Test
    void aCsvFile_registersItsGoodRows_andReportsEachBadOneByLine() throws Exception {
        String csv = String.join(
                "\n",
                "mailingId,accountId,recipients,sentAt,subject,sender,optInEvidence",
                "14141611,121070,1000,2026-11-20T09:30:00Z,Angebote,news@shop.example.org,DOI-Protokoll 2026-11",
                "14141612,121070,minus eins,2026-11-20T09:30:00Z,,,",
                "14141613,121070,500,2026-11-21T09:30:00Z,,,",
                "");

        var response = api.importCsv(csv, "text/csv; charset=utf-8");

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode report = JSON.readTree(response.getBody());
        assertThat(report.get("rows").asLong()).isEqualTo(3);
        assertThat(report.get("written").asLong()).isEqualTo(2);
        assertThat(report.get("rejected").asLong()).isEqualTo(1);
        assertThat(report.at("/rejectedRows/0/line").asLong()).isEqualTo(3);
        assertThat(report.at("/rejectedRows/0/errors"))
                .isEqualTo(JSON.readTree(
                        "[{\"field\":\"recipients\",\"message\":\"must be a whole number of 0 or more\"}]"));
        // As answers before line and errors: the same line, the errors in one text.
        assertThat(report.at("/rejectedRows/0/row").asLong()).isEqualTo(3);
        assertThat(report.at("/rejectedRows/0/reason").asText())
                .isEqualTo("recipients: must be a whole number of 0 or more");
        assertThat(api.mailings.find(new MailingId("14141611")).orElseThrow().optInEvidence())
                .hasValue("DOI-Protokoll 2026-11");
        assertThat(api.mailings.find(new MailingId("14141612"))).isEmpty();
    }

    @Test
    void aFileOfOnlyTheRequiredColumns_inAnyOrder_registersItsRows() throws Exception {
        var response = api.importCsv(
                "sentAt,accountId,mailingId\n2026-11-20T09:30:00Z,121070,14141611\n", "text/csv; charset=utf-8");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.getBody()).get("written").asLong()).isEqualTo(1);
        var mailing = api.mailings.find(new MailingId("14141611")).orElseThrow();
        assertThat(mailing.recipients()).isEmpty();
        assertThat(mailing.subject()).isEmpty();
        assertThat(mailing.sender()).isEmpty();
    }

    @Test
    void aHeaderWithAnUnknownColumn_is400NamingIt_andStoresNothing() throws Exception {
        var response = api.importCsv(
                "mailingId,accountId,sentAt,campaign\n14141611,121070,2026-11-20T09:30:00Z,Herbst\n", "text/csv");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.getBody()).at("/errors/0/field").asText())
                .isEqualTo("header");
        assertThat(JSON.readTree(response.getBody()).at("/errors/0/message").asText())
                .startsWith("has an unknown column \"campaign\"");
        assertThat(api.mailings.find(new MailingId("14141611"))).isEmpty();
    }

    @Test
    void aPartOfALargerFile_withItsLineOffset_isReportedInTheFilesLines() throws Exception {
        String part = "mailingId,accountId,sentAt\n"
                + "14141611,121070,2026-11-20T09:30:00Z\n"
                + "14141612,121070,gestern\n"
                + "14141611,121070,2026-11-20T09:30:00Z\n";

        var response = api.importCsv(part, "text/csv", Map.of("lineOffset", "4998"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode report = JSON.readTree(response.getBody());
        assertThat(report.get("rejectedRows").findValuesAsText("line")).containsExactly("5001", "5002");
        assertThat(report.at("/rejectedRows/1/errors/0/field").asText()).isEqualTo("mailingId");
        assertThat(report.at("/rejectedRows/1/errors/0/message").asText()).isEqualTo("is in line 5000 already");
    }

    @Test
    void aLineOffsetThatIsNoWholeNumberInItsRange_is400NamingIt_andStoresNothing() throws Exception {
        String csv = "mailingId,accountId,sentAt\n14141611,121070,2026-11-20T09:30:00Z\n";
        for (String offset : List.of("-1", "zwei", "1.5", "+3", "1000000000001", "99999999999999999999")) {
            var response = api.importCsv(csv, "text/csv", Map.of("lineOffset", offset));

            assertThat(response.getStatusCode()).as(offset).isEqualTo(400);
            assertThat(JSON.readTree(response.getBody()).at("/errors/0/field").asText())
                    .as(offset)
                    .isEqualTo("lineOffset");
        }
        assertThat(api.mailings.find(new MailingId("14141611"))).isEmpty();
    }

    @Test
    void anImport_notSentAsCsv_is415_andOneLargerThanAMebibyte_is413_storingNothing() throws Exception {
        String header = "mailingId,accountId,recipients,sentAt,subject,sender\n";
        var large = new StringBuilder(header);
        for (int i = 0; large.length() <= MailingRoutes.MAX_IMPORT_BYTES; i++) {
            large.append(10_000_000 + i).append(",121070,1000,2026-11-20T09:30:00Z,Angebote,news@shop.example.org\n");
        }

        var json = api.importCsv(header + "14141611,121070,1,2026-11-20T09:30:00Z,,\n", "application/json");
        var tooLarge = api.importCsv(large.toString(), "text/csv");

        assertThat(json.getStatusCode()).isEqualTo(415);
        assertThat(tooLarge.getStatusCode()).isEqualTo(413);
        assertThat(JSON.readTree(tooLarge.getBody()).at("/errors/0/message").asText())
                .contains("in parts");
        assertThat(api.mailings.find(new MailingId("14141611"))).isEmpty();
        assertThat(api.mailings.find(new MailingId("10000000"))).isEmpty();
    }

    @Test
    void put_keepsTheOptInEvidence_andNamesEveryBadField() throws Exception {
        var put = api.call(
                "PUT /admin/mailings/{mailingId}",
                Map.of("mailingId", "14141611"),
                InMemoryAdminApi.WRITE,
                "{\"accountId\":\"121070\",\"recipients\":\"1000\",\"sentAt\":\"2026-11-20T09:30:00Z\","
                        + "\"optInEvidence\":\"https://shop.example.org/doi/14141611\"}");
        var bad = api.call(
                "PUT /admin/mailings/{mailingId}",
                Map.of("mailingId", "14141612"),
                InMemoryAdminApi.WRITE,
                "{\"recipients\":-3,\"sentAt\":\"gestern\"}");

        assertThat(put.getStatusCode()).isEqualTo(200);
        assertThat(JSON.readTree(put.getBody()).get("optInEvidence").asText())
                .isEqualTo("https://shop.example.org/doi/14141611");
        assertThat(bad.getStatusCode()).isEqualTo(400);
        var fields = new java.util.ArrayList<String>();
        JSON.readTree(bad.getBody())
                .get("errors")
                .forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("accountId", "recipients", "sentAt");
    }
}
