package org.abusedesk.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.abusedesk.account.AccountId;
import org.abusedesk.account.AccountStatus;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.outgoing.NotificationComposer;
import org.abusedesk.processing.Notification;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The admin API's hostile input catalogue: header injection and markup in the free-text fields a person writes (an
 * account's status reason, a mailing's subject and sender), and malformed bodies. A line break or control character
 * is a 400 naming the field; other text, markup and CJK characters included, is stored as written and reaches the
 * abuse team's notification escaped. An import file that is hostile in its header (a line of a megabyte, a quote
 * that never closes, a hundred columns) is a 400 naming the header; one hostile in a row has that row refused by its
 * line, never echoed. (Who may call which route is AdminAccessIT's.)
 */
class HostileAdminCatalogueTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SET_STATUS = "PUT /admin/accounts/{accountId}/status";
    private static final String REGISTER = "PUT /admin/mailings/{mailingId}";
    private static final Map<String, String> ACCOUNT = Map.of("accountId", "121070");
    private static final Map<String, String> MAILING = Map.of("mailingId", "14141611");

    private final InMemoryAdminApi api = new InMemoryAdminApi();

    @org.junit.jupiter.api.BeforeEach
    void pauseTheAccount() {
        api.accounts.changeStatus(new org.abusedesk.account.StatusChange(
                new AccountId("121070"),
                AccountStatus.ACTIVE,
                AccountStatus.PAUSED,
                org.abusedesk.cases.CaseFixtures.NOW.minusSeconds(3600),
                "0.4 % complaints",
                org.abusedesk.account.StatusChange.AUTOMATIC,
                InMemoryAdminApi.STATISTICS,
                List.of("01KB3V9X4E0ZQ6K8N2M5T7R1YH")));
    }

    static Stream<Arguments> refusedFields() {
        return Stream.of(
                Arguments.of("CR LF in a status reason", SET_STATUS, "reason", "geprüft\r\nBcc: x@example.org"),
                Arguments.of("LF in a status reason", SET_STATUS, "reason", "geprüft\nBcc: x@example.org"),
                Arguments.of("NUL in a status reason", SET_STATUS, "reason", "geprüft\u0000"),
                Arguments.of("U+2028 in a status reason", SET_STATUS, "reason", "geprüft\u2028Bcc: x"),
                Arguments.of("U+2029 in a status reason", SET_STATUS, "reason", "geprüft\u2029Bcc: x"),
                Arguments.of("CR LF in a mailing's subject", REGISTER, "subject", "Angebote\r\nBcc: x@example.org"),
                Arguments.of("U+2028 in a mailing's subject", REGISTER, "subject", "Angebote\u2028Bcc: x"),
                Arguments.of("NUL in a mailing's subject", REGISTER, "subject", "Angebote\u0000"),
                Arguments.of("CR LF in a mailing's sender", REGISTER, "sender", "news@shop.example\r\nBcc: x@e.org"));
    }

    @ParameterizedTest(name = "{0}: 400 naming the field")
    @MethodSource("refusedFields")
    void aLineBreakOrControlCharacter_is400NamingTheField_andChangesNothing(
            String row, String route, String field, String value) throws IOException {
        var response = send(route, field, value);

        assertThat(response.getStatusCode()).as(row).isEqualTo(400);
        assertThat(JSON.readTree(response.getBody()).findValuesAsText("field"))
                .as(row)
                .contains(field);
        assertThat(api.mailings.find(new MailingId("14141611"))).as(row).isEmpty();
        assertThat(api.accounts.status(new AccountId("121070"))).as(row).isEqualTo(AccountStatus.PAUSED);
    }

    static Stream<Arguments> keptFields() {
        return Stream.of(
                Arguments.of("script in a status reason", SET_STATUS, "reason", "<script>alert(1)</script>"),
                Arguments.of("U+760D/U+760A in a status reason", SET_STATUS, "reason", "geprüft \u760D\u760A"),
                Arguments.of("script in a mailing's subject", REGISTER, "subject", "<script>alert(1)</script>"),
                Arguments.of("img onerror in a mailing's subject", REGISTER, "subject", "<img src=x onerror=alert(1)>"),
                Arguments.of("U+760D/U+760A in a mailing's subject", REGISTER, "subject", "Angebote \u760D\u760A"),
                Arguments.of("IDN sender", REGISTER, "sender", "news@bücher.example"));
    }

    @ParameterizedTest(name = "{0}: stored as written, escaped where it is shown")
    @MethodSource("keptFields")
    void otherText_isStoredAsWritten_andEscapedInTheNotification(String row, String route, String field, String value)
            throws IOException {
        var response = send(route, field, value);

        assertThat(response.getStatusCode()).as(row).isBetween(200, 201);
        assertThat(response.getHeaders()).as(row).containsEntry("content-type", "application/json; charset=utf-8");
        assertThat(JSON.readTree(response.getBody()).findValuesAsText(field))
                .as(row)
                .contains(value);
        if (route.equals(REGISTER)) {
            var mailing = api.mailings.find(new MailingId("14141611")).orElseThrow();
            var html = html(new NotificationComposer("abuse-desk@example.com", "abuse-team@example.com")
                    .compose(new Notification(
                            mailing.id(),
                            Optional.of(mailing),
                            Optional.of(mailing.accountId()),
                            AccountStatus.ACTIVE,
                            Optional.empty(),
                            List.of(org.abusedesk.cases.CaseFixtures.form(
                                    "14141611",
                                    org.abusedesk.cases.CaseFixtures.NOW,
                                    org.abusedesk.complaint.ComplaintState.COUNTED,
                                    "a@example.net")),
                            1,
                            Optional.empty(),
                            Notification.Paging.ONLY)));
            assertThat(html).as(row).doesNotContain("<script", "<img");
        }
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("not JSON", "status=ACTIVE"),
                Arguments.of("a JSON array", "[\"ACTIVE\"]"),
                Arguments.of("JSON nested 5,000 deep", "[".repeat(5_000) + "]".repeat(5_000)),
                Arguments.of("a truncated object", "{\"status\":\"ACTIVE\",\"reason\":\"geprüft"),
                Arguments.of(
                        "invalid UTF-8 (a lone continuation byte)", "{\"status\":\"ACTIVE\",\"reason\":\"\u0080\"}"),
                Arguments.of(
                        "an unpaired surrogate escape in the reason", "{\"status\":\"ACTIVE\",\"reason\":\"\\ud800\"}"),
                Arguments.of("reason a number", "{\"status\":\"ACTIVE\",\"reason\":42}"),
                Arguments.of(
                        "an object and another after it",
                        "{\"status\":\"ACTIVE\",\"reason\":\"geprüft\"} {\"status\":\"ACTIVE\"}"));
    }

    @ParameterizedTest(name = "{0}: 400")
    @MethodSource("malformedBodies")
    void aMalformedBody_is400_andChangesNothing(String row, String body) {
        var response = api.call(SET_STATUS, ACCOUNT, InMemoryAdminApi.WRITE, body);

        assertThat(response.getStatusCode()).as(row).isEqualTo(400);
        assertThat(api.accounts.status(new AccountId("121070"))).as(row).isEqualTo(AccountStatus.PAUSED);
    }

    private static final String HEADER = "mailingId,accountId,sentAt";
    private static final String GOOD_ROW = "14141611,121070,2026-11-27T09:00:00Z";

    static Stream<Arguments> hostileHeaders() {
        return Stream.of(
                Arguments.of("a header line of 1 MB", HEADER + "," + "x".repeat(1_000_000)),
                Arguments.of("a header line of 1 MB in quotes", HEADER + ",\"" + "x".repeat(1_000_000) + "\""),
                Arguments.of("a header whose quote never closes", "\"" + HEADER),
                Arguments.of("a header whose quote never closes, a megabyte on", "\"" + HEADER + "x".repeat(1_000_000)),
                Arguments.of("a header of 100 columns", HEADER + ",c".repeat(97)),
                Arguments.of("a header of 100 columns named alike", HEADER + ",mailingId".repeat(97)));
    }

    @ParameterizedTest(name = "{0}: 400 naming the header")
    @MethodSource("hostileHeaders")
    void anImportFileHostileInItsHeader_is400NamingTheHeader_andStoresNothing(String row, String header)
            throws IOException {
        var response = api.importCsv(header + "\n" + GOOD_ROW + "\n", "text/csv");

        assertThat(response.getStatusCode()).as(row).isEqualTo(400);
        var errors = JSON.readTree(response.getBody()).get("errors");
        assertThat(errors.findValuesAsText("field")).as(row).isNotEmpty().containsOnly("header");
        // What it says is bounded, never the hostile text echoed.
        assertThat(response.getBody().length()).as(row).isLessThan(1_000);
        assertThat(api.mailings.find(new MailingId("14141611"))).as(row).isEmpty();
    }

    static Stream<Arguments> hostileRows() {
        return Stream.of(
                Arguments.of("a row line of 1 MB", "14141612,121070," + "x".repeat(1_000_000)),
                Arguments.of("a row line of 1 MB in quotes", "14141612,121070,\"" + "x".repeat(1_000_000) + "\""),
                Arguments.of("a row whose quote never closes", "14141612,121070,\"2026-11-27T09:00:00Z\n14141613,1,2"),
                Arguments.of(
                        "a row whose quote never closes, a megabyte on",
                        "14141612,121070,\"2026-11-27T09:00:00Z" + "\nx".repeat(500_000)),
                Arguments.of("a row of 100 columns", "14141612,121070,2026-11-27T09:00:00Z" + ",x".repeat(97)),
                Arguments.of("a row of 100,000 columns", "14141612,121070,2026-11-27T09:00:00Z" + ",".repeat(100_000)));
    }

    @ParameterizedTest(name = "{0}: the row refused by its line")
    @MethodSource("hostileRows")
    void anImportFileHostileInARow_refusesThatRowByItsLine_andStoresTheRowsBefore(String row, String hostile)
            throws IOException {
        var response = api.importCsv(HEADER + "\n" + GOOD_ROW + "\n" + hostile + "\n", "text/csv");

        assertThat(response.getStatusCode()).as(row).isEqualTo(200);
        var report = JSON.readTree(response.getBody());
        assertThat(report.get("written").asLong()).as(row).isEqualTo(1);
        assertThat(report.at("/rejectedRows/0/line").asLong()).as(row).isEqualTo(3);
        assertThat(report.at("/rejectedRows/0/errors/0/message").asText())
                .as(row)
                .isNotBlank();
        assertThat(response.getBody().length()).as(row).isLessThan(2_000);
        assertThat(api.mailings.find(new MailingId("14141611"))).as(row).isPresent();
        assertThat(api.mailings.find(new MailingId("14141612"))).as(row).isEmpty();
    }

    private com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse send(
            String route, String field, String value) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        if (route.equals(SET_STATUS)) {
            body.put("status", "ACTIVE").put("reason", "geprüft");
        } else {
            body.put("accountId", "121070")
                    .put("recipients", 1000)
                    .put("sentAt", "2026-11-27T09:00:00Z")
                    .put("subject", "Angebote");
        }
        body.put(field, value);
        return api.call(
                route,
                route.equals(SET_STATUS) ? ACCOUNT : MAILING,
                InMemoryAdminApi.WRITE,
                JSON.writeValueAsString(body));
    }

    private static String html(org.abusedesk.outgoing.OutgoingMail mail) throws IOException {
        var message = new DefaultMessageBuilder().parseMessage(new ByteArrayInputStream(mail.raw()));
        for (Entity part : ((Multipart) message.getBody()).getBodyParts()) {
            if (part.getMimeType().equals("text/html")) {
                var out = new StringWriter();
                try (var reader = ((TextBody) part.getBody()).getReader()) {
                    reader.transferTo(out);
                }
                return out.toString();
            }
        }
        throw new AssertionError("no HTML part " + Instant.now());
    }
}
