package org.abusedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The abuse team's commands against a fake admin API: what they call, print, and exit with. */
class AdminCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String MAILING = "{\"mailingId\":\"14141611\",\"accountId\":\"121070\",\"recipients\":1000,"
            + "\"sentAt\":\"2026-11-27T09:00:00Z\",\"subject\":\"Angebote\",\"sender\":null,\"optInEvidence\":null,"
            + "\"complaints\":3,\"verifiedComplaints\":1}";

    private final FakeAdminApi api = new FakeAdminApi();
    private final Cli cli = new Cli(api);

    @Test
    void mailingsShow_printsAlignedNameValueLines_andTheApisJsonWithJson() throws Exception {
        api.on(Route.MAILING, 200, MAILING);

        var table = cli.run("mailings", "show", "14141611");
        var json = cli.run("mailings", "show", "--json", "14141611");

        assertThat(table.exit()).isZero();
        assertThat(table.out().lines())
                .containsExactly(
                        "mailingId:          14141611",
                        "accountId:          121070",
                        "recipients:         1000",
                        "sentAt:             2026-11-27T09:00:00Z",
                        "subject:            Angebote",
                        "sender:             -",
                        "optInEvidence:      -",
                        "complaints:         3",
                        "verifiedComplaints: 1");
        assertThat(json.exit()).isZero();
        assertThat(JSON.readTree(json.out())).isEqualTo(JSON.readTree(MAILING));
        assertThat(json.err()).isEmpty();
        assertThat(api.calls)
                .extracting(FakeAdminApi.Call::pathParameters)
                .containsOnly(Map.of("mailingId", "14141611"));
    }

    @Test
    void mailingsPut_sendsTheRegistrationAsJson_andPrintsWhatTheApiStored() throws Exception {
        api.on(Route.PUT_MAILING, 200, MAILING);

        var result = cli.run(
                "mailings",
                "put",
                "--mailing-id",
                "14141611",
                "--account-id",
                "121070",
                "--recipients",
                "1000",
                "--sent-at",
                "2026-11-27T09:00:00Z",
                "--subject",
                "Angebote",
                "--opt-in-evidence",
                "double opt-in 2026-01-02");

        assertThat(result.exit()).isZero();
        var call = api.callsOf(Route.PUT_MAILING).get(0);
        assertThat(call.pathParameters()).isEqualTo(Map.of("mailingId", "14141611"));
        assertThat(call.contentType()).isEqualTo("application/json");
        assertThat(JSON.readTree(call.body()))
                .isEqualTo(JSON.readTree("{\"accountId\":\"121070\",\"recipients\":1000,"
                        + "\"sentAt\":\"2026-11-27T09:00:00Z\",\"subject\":\"Angebote\",\"sender\":null,"
                        + "\"optInEvidence\":\"double opt-in 2026-01-02\"}"));
        assertThat(result.out()).contains("complaints:         3");
    }

    @Test
    void complaintsList_printsATableUnderColumnHeaders_andTheCommandThatListsTheNextPage() {
        api.on(Route.MAILING_COMPLAINTS, 200, page("next-1", summary("01J0000000000000000000000A", "NOTIFIED")));

        var result = cli.run("complaints", "list", "--mailing-id", "14141611", "--limit", "1");

        assertThat(result.exit()).isZero();
        assertThat(result.out().lines())
                .containsExactly(
                        "mailingId  complaintId                 state     classification  channel  receivedAt"
                                + "            accountId  verified",
                        "14141611   01J0000000000000000000000A  NOTIFIED  SPAM            FORM     2026-11-27T10:00:00Z"
                                + "  121070     false",
                        "",
                        "next page: abuse-desk complaints list --mailing-id 14141611 --limit 1 --cursor next-1");
        assertThat(api.calls.get(0).query()).isEqualTo(Map.of("limit", "1"));
    }

    @Test
    void complaintsList_withAll_followsNextToTheEnd_andPrintsEveryCase() throws Exception {
        api.on(Route.COMPLAINTS, call -> switch (call.query().getOrDefault("cursor", "")) {
            case "" -> new AdminApi.Response(200, page("c2", summary("A1", "RECEIVED"), summary("A2", "NOTIFIED")));
            case "c2" -> new AdminApi.Response(200, page("c3", summary("A3", "NOTIFIED")));
            case "c3" -> new AdminApi.Response(200, page(null, summary("A4", "RESOLVED")));
            default -> new AdminApi.Response(400, "{\"errors\":[{\"field\":\"cursor\",\"message\":\"bad\"}]}");
        });

        var table = cli.run("complaints", "list", "--all");
        var json = cli.run("complaints", "list", "--all", "--json", "--state", "NOTIFIED");

        assertThat(table.exit()).isZero();
        assertThat(table.out()).contains("A1", "A2", "A3", "A4").doesNotContain("next page");
        assertThat(table.out().lines()).hasSize(5);
        var all = JSON.readTree(json.out());
        assertThat(all.get("items").findValuesAsText("complaintId")).containsExactly("A1", "A2", "A3", "A4");
        assertThat(all.get("next").isNull()).isTrue();
        assertThat(api.calls)
                .extracting(call -> call.query().get("cursor"))
                .containsExactly(null, "c2", "c3", null, "c2", "c3");
        assertThat(api.calls.get(3).query()).containsEntry("state", "NOTIFIED");
    }

    @Test
    void complaintsList_byAccount_usesTheAccountsRoute_withTheTimeRange() {
        api.on(Route.ACCOUNT_COMPLAINTS, 200, page(null));

        var result = cli.run(
                "complaints", "list", "--account-id", "121070", "--from", "2026-11-01T00:00:00Z", "--to", "2026-12-01");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).isEqualTo("no cases\n");
        var call = api.callsOf(Route.ACCOUNT_COMPLAINTS).get(0);
        assertThat(call.pathParameters()).isEqualTo(Map.of("accountId", "121070"));
        assertThat(call.query()).isEqualTo(Map.of("from", "2026-11-01T00:00:00Z", "to", "2026-12-01"));
    }

    @Test
    void complaintsList_byMailingAndByState_atOnce_isAUsageError() {
        var result = cli.run("complaints", "list", "--mailing-id", "1", "--state", "NOTIFIED");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("mutually exclusive");
        assertThat(api.calls).isEmpty();
    }

    @Test
    void aRefusal_isPrintedAsFieldAndMessage_onStderrOnly_andExits1() {
        api.on(Route.MAILING, 404, "{\"errors\":[{\"field\":\"mailingId\",\"message\":\"no such mailing\"}]}");
        api.on(
                Route.RESOLVE,
                400,
                "{\"errors\":[{\"field\":\"note\",\"message\":\"is required\"},{\"message\":\"second\"}]}");

        var missing = cli.run("mailings", "show", "--json", "nope");
        var invalid = cli.run("complaints", "resolve", "14141611", "A1", "--note", " ");

        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err()).isEqualTo("mailingId: no such mailing\n");
        assertThat(invalid.exit()).isEqualTo(1);
        assertThat(invalid.err().lines()).containsExactly("note: is required", "second");
    }

    @Test
    void a401_saysTheTokenIsMissingOrExpired_anda403_whichScopeTheRouteNeeds() {
        api.on(Route.ACCOUNT_STATUS, 403, "{\"message\":\"Forbidden\"}");
        api.on(Route.ACCOUNT, 401, "{\"message\":\"Unauthorized\"}");

        var forbidden = cli.run("accounts", "set-status", "121070", "PAUSED", "--reason", "x");
        var unauthorized = cli.run("accounts", "show", "121070");

        assertThat(forbidden.exit()).isEqualTo(1);
        assertThat(forbidden.err().lines())
                .containsExactly(
                        "Forbidden (HTTP 403)",
                        "the token lacks the scope abuse-desk/write that PUT /admin/accounts/{accountId}/status needs");
        assertThat(unauthorized.exit()).isEqualTo(1);
        assertThat(unauthorized.err().lines())
                .containsExactly(
                        "Unauthorized (HTTP 401)",
                        "the token is missing or has expired: pass a valid one with --token-stdin, --token-file or"
                                + " ABUSE_DESK_TOKEN"
                                + " (a local stack's is in its stack file)");
    }

    @Test
    void setStatus_sendsTheExpectedStatus_andA409IsTheApisMessage() throws Exception {
        api.on(
                Route.ACCOUNT_STATUS,
                409,
                "{\"errors\":[{\"field\":\"expectedStatus\",\"message\":\"the account is FLAGGED, not PAUSED\"}]}");

        var result = cli.run(
                "accounts",
                "set-status",
                "121070",
                "ACTIVE",
                "--reason",
                "spoke to them",
                "--expected-status",
                "PAUSED");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("expectedStatus: the account is FLAGGED, not PAUSED\n");
        assertThat(JSON.readTree(api.calls.get(0).body()))
                .isEqualTo(JSON.readTree(
                        "{\"status\":\"ACTIVE\",\"reason\":\"spoke to them\",\"expectedStatus\":\"PAUSED\"}"));
    }

    @Test
    void anApiThatCannotBeReached_isOneLineOnStderr_andExits1() {
        api.on(Route.MAILING, call -> {
            throw new FakeAdminApi.Unreachable("cannot reach the admin API at http://127.0.0.1:9: Connection refused");
        });

        var result = cli.run("mailings", "show", "14141611");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err())
                .isEqualTo("GET /admin/mailings/{mailingId}: cannot reach the admin API at http://127.0.0.1:9:"
                        + " Connection refused\n");
    }

    @Test
    void anAnswerThatIsNoJson_isShownByStatusAndItsStart() {
        api.on(Route.MAILING, 502, "<html>Bad Gateway</html>");

        var result = cli.run("mailings", "show", "14141611");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("HTTP 502: <html>Bad Gateway</html>\n");
    }

    @Test
    void aSuccessThatIsNoJson_saysSomethingElseAnswered() {
        api.on(Route.MAILING, 200, "<html>Welcome</html>");

        var result = cli.run("mailings", "show", "14141611");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err())
                .isEqualTo("GET /admin/mailings/{mailingId} answered HTTP 200 with no JSON: <html>Welcome</html>"
                        + " (is the API URL the stack's ApiUrl?)\n");
    }

    @Test
    void aListingWhoseNextPageComesBack_isStoppedWithAnError_notFollowedForever() {
        api.on(Route.COMPLAINTS, 200, page("same", summary("A1", "NOTIFIED")));

        var result = cli.run("complaints", "list", "--all");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("GET /admin/complaints: the same next page twice, cursor same\n");
        assertThat(api.calls).hasSize(2);
    }

    @Test
    void accountsShow_printsStatusAndCounters_thenTheHistoryAsATable() throws Exception {
        api.on(
                Route.ACCOUNT,
                200,
                "{\"accountId\":\"121070\",\"status\":\"FLAGGED\",\"complaints\":3,\"verifiedComplaints\":0}");
        api.on(
                Route.ACCOUNT_HISTORY,
                200,
                "{\"items\":[{\"at\":\"2026-11-27T10:00:00Z\",\"from\":\"ACTIVE\",\"to\":\"FLAGGED\","
                        + "\"changedBy\":\"abuse-desk\",\"reason\":\"rate\\nabove\",\"ratePercent\":\"0.3000\","
                        + "\"complaintIds\":[\"A1\",\"A2\"]}],\"next\":null}");

        var table = cli.run("accounts", "show", "121070");
        var json = cli.run("accounts", "show", "--json", "121070");

        assertThat(table.out().lines())
                .containsExactly(
                        "accountId:          121070",
                        "status:             FLAGGED",
                        "complaints:         3",
                        "verifiedComplaints: 0",
                        "",
                        "history (newest first):",
                        "  at                    from    to       changedBy   reason      ratePercent  complaintIds",
                        "  2026-11-27T10:00:00Z  ACTIVE  FLAGGED  abuse-desk  rate above  0.3000       A1,A2");
        assertThat(JSON.readTree(json.out()).at("/history/items/0/to").asText()).isEqualTo("FLAGGED");
        assertThat(JSON.readTree(json.out()).get("status").asText()).isEqualTo("FLAGGED");
    }

    @Test
    void controlCharactersFromTheApi_neverReachTheTerminal() {
        api.on(
                Route.COMPLAINT,
                200,
                "{\"mailingId\":\"1\",\"complaintId\":\"A1\",\"message\":\"line one\\nline two \\u001b[2J\","
                        + "\"complainant\":{\"name\":\"Erika\",\"email\":\"e@example.net\"}}");

        var result = cli.run("complaints", "show", "1", "A1");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).doesNotContain("\u001b");
        assertThat(result.out().lines())
                .containsExactly(
                        "mailingId:         1",
                        "complaintId:       A1",
                        "message:           line one",
                        "                   line two \uFFFD[2J",
                        "complainant.name:  Erika",
                        "complainant.email: e@example.net");
    }

    @Test
    void suppressionsList_printsAnAccountsSuppressions_followingPagesWithAll() {
        api.on(
                Route.SUPPRESSIONS,
                call -> new AdminApi.Response(
                        200,
                        call.query().containsKey("cursor")
                                ? "{\"items\":[{\"addressHash\":\"h2\",\"since\":\"2026-11-02T00:00:00Z\",\"complaintId\":\"B\"}],"
                                        + "\"next\":null}"
                                : "{\"items\":[{\"addressHash\":\"h1\",\"since\":\"2026-11-01T00:00:00Z\",\"complaintId\":\"A\"}],"
                                        + "\"next\":\"n\"}"));

        var result = cli.run("suppressions", "list", "--account-id", "121070", "--all");

        assertThat(result.exit()).isZero();
        assertThat(result.out().lines())
                .containsExactly(
                        "addressHash  since                 complaintId",
                        "h1           2026-11-01T00:00:00Z  A",
                        "h2           2026-11-02T00:00:00Z  B");
    }

    @Test
    void erase_postsTheAddress_andPrintsTheCountsAndTheErasedCases() throws Exception {
        api.on(
                Route.ERASURES,
                200,
                "{\"complaints\":[{\"mailingId\":\"14141611\",\"complaintId\":\"A1\"}],\"complaintsErased\":1,"
                        + "\"rawMailsDeleted\":1,\"rawMailsKept\":0,\"suppressionsKept\":2}");

        var result = cli.run("erase", "a@example.net");

        assertThat(result.exit()).isZero();
        assertThat(JSON.readTree(api.calls.get(0).body())).isEqualTo(JSON.readTree("{\"address\":\"a@example.net\"}"));
        assertThat(result.out().lines())
                .containsExactly(
                        "complaintsErased: 1",
                        "rawMailsDeleted:  1",
                        "rawMailsKept:     0",
                        "suppressionsKept: 2",
                        "",
                        "mailingId  complaintId",
                        "14141611   A1");
    }

    @Test
    void exportXarf_writesTheDocumentAsTheApiGaveIt_toStdoutOrAFile(@TempDir Path temp) throws Exception {
        String report = "{\"Version\":\"4\",\"ReporterInfo\":{}}";
        api.on(Route.XARF, 200, report);

        var printed = cli.run("export", "xarf", "14141611", "A1");
        var written = cli.run(
                "export",
                "xarf",
                "14141611",
                "A1",
                "--out",
                temp.resolve("a1.json").toString());

        assertThat(printed.out()).isEqualTo(report + "\n");
        assertThat(written.exit()).isZero();
        assertThat(written.out()).isEmpty();
        assertThat(Files.readString(temp.resolve("a1.json"))).isEqualTo(report);
        assertThat(api.calls.get(0).pathParameters()).isEqualTo(Map.of("mailingId", "14141611", "complaintId", "A1"));
    }

    @Test
    void exportCsa_ofAMailing_writesEveryCaseOfEveryPage_intoTheDirectory(@TempDir Path temp) throws Exception {
        api.on(
                Route.MAILING_COMPLAINTS,
                call -> new AdminApi.Response(
                        200,
                        call.query().containsKey("cursor")
                                ? page(null, summary("A3", "NOTIFIED"))
                                : page("p2", summary("A1", "NOTIFIED"), summary("A2", "RESOLVED"))));
        api.on(
                Route.CSA,
                call -> call.pathParameters().get("complaintId").equals("A2")
                        ? new AdminApi.Response(409, "{\"errors\":[{\"message\":\"erased\"}]}")
                        : new AdminApi.Response(
                                200, "{\"case\":\"" + call.pathParameters().get("complaintId") + "\"}"));

        var result = cli.run(
                "export",
                "csa",
                "--mailing-id",
                "14141611",
                "--out",
                temp.resolve("csa").toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(Files.readString(temp.resolve("csa/A1.json"))).isEqualTo("{\"case\":\"A1\"}");
        assertThat(Files.readString(temp.resolve("csa/A3.json"))).isEqualTo("{\"case\":\"A3\"}");
        assertThat(temp.resolve("csa/A2.json")).doesNotExist();
        assertThat(result.out())
                .isEqualTo("exported 2 of 3 cases of mailing 14141611 to " + temp.resolve("csa") + "; 1 failed\n");
        assertThat(result.err()).contains("A2: erased").contains("export: 100% (3/3 cases)");
        assertThat(api.callsOf(Route.MAILING_COMPLAINTS).get(0).query()).containsEntry("limit", "100");
    }

    @Test
    void export_withNeitherACaseNorAMailing_isAUsageError() {
        var result = cli.run("export", "xarf", "14141611");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("name a case (MAILING_ID COMPLAINT_ID), or a mailing with --mailing-id");
    }

    @Test
    void exportFileNames_neverLeaveTheDirectory() {
        assertThat(ExportCommand.Export.fileName("01J0000000000000000000000A"))
                .isEqualTo("01J0000000000000000000000A.json");
        assertThat(ExportCommand.Export.fileName("../../etc/passwd")).isEqualTo("__.._etc_passwd.json");
    }

    static String summary(String complaintId, String state) {
        return "{\"mailingId\":\"14141611\",\"complaintId\":\"" + complaintId + "\",\"state\":\"" + state
                + "\",\"classification\":\"SPAM\",\"channel\":\"FORM\",\"receivedAt\":\"2026-11-27T10:00:00Z\","
                + "\"accountId\":\"121070\",\"claimedAccountId\":null,\"verified\":false,\"mailingIdSource\":null,"
                + "\"erasedAt\":null}";
    }

    static String page(String next, String... items) {
        return "{\"items\":[" + String.join(",", items) + "],\"next\":" + (next == null ? "null" : "\"" + next + "\"")
                + "}";
    }
}
