package org.abusedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The account contact commands against a fake admin API: what they send, print, and exit with. */
class AccountContactCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTACT =
            "{\"email\":\"owner@shop.example\",\"name\":\"Shop GmbH\",\"language\":\"de\"}";
    private static final String HEADER = "accountId,contactEmail,contactName,language\n";

    private final FakeAdminApi api = new FakeAdminApi();
    private final Cli cli = new Cli(api);

    @Test
    void accountsPut_sendsTheContactAsJson_andPrintsWhatTheApiStored() throws Exception {
        api.on(Route.ACCOUNT_CONTACT, 200, CONTACT);

        var result = cli.run(
                "accounts",
                "put",
                "--account-id",
                " 121070 ",
                "--contact-email",
                "owner@shop.example",
                "--contact-name",
                "Shop GmbH",
                "--language",
                "de");

        assertThat(result.exit()).isZero();
        assertThat(result.out().lines())
                .containsExactly("email:    owner@shop.example", "name:     Shop GmbH", "language: de");
        var call = api.callsOf(Route.ACCOUNT_CONTACT).get(0);
        assertThat(call.pathParameters()).isEqualTo(Map.of("accountId", "121070"));
        assertThat(call.contentType()).isEqualTo("application/json");
        assertThat(JSON.readTree(call.body())).isEqualTo(JSON.readTree(CONTACT));
    }

    @Test
    void accountsPut_aRefusedField_isPrintedOnStderr_andExits1() {
        api.on(
                Route.ACCOUNT_CONTACT,
                400,
                "{\"errors\":[{\"field\":\"email\",\"message\":\"must be the address alone, without a display"
                        + " name\"}]}");

        var result = cli.run(
                "accounts",
                "put",
                "--account-id",
                "121070",
                "--contact-email",
                "Shop <owner@shop.example>",
                "--contact-name",
                "Shop GmbH",
                "--language",
                "de");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("email: must be the address alone, without a display name\n");
    }

    @Test
    void accountsShow_printsTheContact_orThatThereIsNone() {
        api.on(
                Route.ACCOUNT,
                200,
                "{\"accountId\":\"121070\",\"status\":\"ACTIVE\",\"complaints\":0,\"verifiedComplaints\":0,"
                        + "\"contact\":" + CONTACT + "}");
        api.on(Route.ACCOUNT_HISTORY, 200, "{\"items\":[],\"next\":null}");

        var result = cli.run("accounts", "show", "121070");

        assertThat(result.out().lines())
                .containsExactly(
                        "accountId:          121070",
                        "status:             ACTIVE",
                        "complaints:         0",
                        "verifiedComplaints: 0",
                        "contact.email:      owner@shop.example",
                        "contact.name:       Shop GmbH",
                        "contact.language:   de",
                        "",
                        "no status changes");
    }

    @Test
    void accountsImport_sendsTheFileAsCsv_printsTheRejectedRowsByLine_andExits2(@TempDir Path temp) throws Exception {
        var file = temp.resolve("contacts.csv");
        String csv = HEADER + "121070,owner@shop.example,Shop GmbH,de\n121071,Shop <a@b.example>,Store,en\n";
        Files.writeString(file, csv);
        api.on(
                Route.IMPORT_CONTACTS,
                200,
                "{\"rows\":2,\"written\":1,\"rejected\":1,\"rejectedRows\":[{\"line\":3,\"accountId\":\"121071\","
                        + "\"errors\":[{\"field\":\"contactEmail\",\"message\":\"must be the address alone\"}],"
                        + "\"reason\":\"contactEmail: must be the address alone\"}],\"complete\":true}");

        var result = cli.run("accounts", "import", file.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out().lines())
                .containsExactly(
                        "rows:     2",
                        "written:  1",
                        "rejected: 1",
                        "complete: true",
                        "",
                        "line  accountId  reason",
                        "3     121071     contactEmail: must be the address alone");
        var call = api.callsOf(Route.IMPORT_CONTACTS).get(0);
        assertThat(call.contentType()).isEqualTo("text/csv; charset=utf-8");
        assertThat(call.body()).isEqualTo(csv);
    }

    @Test
    void accountsImport_withEveryRowStored_exits0_andPrintsJsonWithJson(@TempDir Path temp) throws Exception {
        var file = temp.resolve("contacts.csv");
        Files.writeString(file, HEADER + "121070,owner@shop.example,Shop GmbH,de\n");
        String report = "{\"rows\":1,\"written\":1,\"rejected\":0,\"rejectedRows\":[],\"complete\":true}";
        api.on(Route.IMPORT_CONTACTS, 200, report);

        var result = cli.run("accounts", "import", "--json", file.toString());

        assertThat(result.exit()).isZero();
        assertThat(JSON.readTree(result.out())).isEqualTo(JSON.readTree(report));
    }

    @Test
    void accountsImport_ofAHugeFile_orOneThatIsNoUtf8_sendsNothing_andExits1(@TempDir Path temp) throws Exception {
        var huge = temp.resolve("huge.csv");
        Files.writeString(huge, HEADER + "121070,owner@shop.example,Shop GmbH,de\n".repeat(30_000));
        var latin1 = temp.resolve("latin1.csv");
        Files.write(latin1, (HEADER + "121070,owner@shop.example,Bäckerei,de\n").getBytes(StandardCharsets.ISO_8859_1));

        var tooLarge = cli.run("accounts", "import", huge.toString());
        var notUtf8 = cli.run("accounts", "import", latin1.toString());
        var missing = cli.run("accounts", "import", temp.resolve("none.csv").toString());

        assertThat(tooLarge.exit()).isEqualTo(1);
        assertThat(tooLarge.err()).contains("has more than 1048576 bytes");
        assertThat(notUtf8.exit()).isEqualTo(1);
        assertThat(notUtf8.err()).endsWith("is not UTF-8\n");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(api.calls).isEmpty();
    }

    @Test
    void accountsImport_aFileTheApiRefuses_printsWhy_andExits1(@TempDir Path temp) throws Exception {
        var file = temp.resolve("contacts.csv");
        Files.writeString(file, "accountId,email\n121070,a@b.example\n");
        api.on(
                Route.IMPORT_CONTACTS,
                400,
                "{\"errors\":[{\"field\":\"header\",\"message\":\"has an unknown column \\\"email\\\"\"}]}");

        var result = cli.run("accounts", "import", file.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("header: has an unknown column \"email\"\n");
    }
}
