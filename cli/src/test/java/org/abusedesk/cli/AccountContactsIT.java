package org.abusedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.abusedesk.local.AwsEndpoint;
import org.abusedesk.local.CloudFormationTemplate;
import org.abusedesk.local.LocalStack;
import org.abusedesk.local.ProjectRoot;
import org.abusedesk.testkit.MotoExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Account contacts set and imported through the command line, against the local stack's admin API and table. */
@ExtendWith(MotoExtension.class)
class AccountContactsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalStack local;
    private Path stackFile;

    @AfterEach
    void stop() {
        if (local != null) {
            local.close();
        }
    }

    @Test
    void contacts_setOneAtATime_andFromAFile_areShownWithTheirAccounts(
            AwsEndpoint aws, ProjectRoot root, @TempDir Path temp) throws Exception {
        // GIVEN the local stack and a read-and-write token
        local = LocalStack.start(
                CloudFormationTemplate.load(root.resolve("template.yaml")),
                aws,
                new LocalStack.Options(
                        "127.0.0.1",
                        0,
                        "contacts" + UUID.randomUUID().toString().substring(0, 8),
                        MotoExtension.TEST_PARAMETERS));
        stackFile = temp.resolve("stack.json");
        StackConnection.write(
                stackFile,
                StackConnection.StackFile.of(
                        local,
                        aws.uri(),
                        aws.region().id(),
                        local.apiUrl().toString(),
                        local.tokens()
                                .mint("anna", List.of("abuse-desk/read", "abuse-desk/write"), Duration.ofMinutes(30))));
        String prefix = "k" + UUID.randomUUID().toString().substring(0, 6) + "-";

        // WHEN one contact is set, and a header injection is tried
        var put = cli(
                "accounts",
                "put",
                "--account-id",
                prefix + "1",
                "--contact-email",
                "owner@shop.example",
                "--contact-name",
                "Shop GmbH",
                "--language",
                "de",
                "--json");
        var injected = cli(
                "accounts",
                "put",
                "--account-id",
                prefix + "1",
                "--contact-email",
                "a@b.example\r\nBcc: x@y",
                "--contact-name",
                "Shop GmbH",
                "--language",
                "de");

        // THEN the first is stored and shown with the account, the second refused naming the field
        assertThat(put.exit()).as(put.err()).isZero();
        assertThat(injected.exit()).isEqualTo(1);
        assertThat(injected.err()).isEqualTo("email: must be a single line without control characters\n");
        var shown = cli("accounts", "show", "--json", prefix + "1");
        assertThat(shown.json().get("contact"))
                .isEqualTo(
                        JSON.readTree("{\"email\":\"owner@shop.example\",\"name\":\"Shop GmbH\",\"language\":\"de\"}"));

        // WHEN a file of three contacts, one with a display name, is imported
        Path csv = temp.resolve("contacts.csv");
        Files.writeString(
                csv,
                "accountId,contactEmail,contactName,language\n"
                        + prefix + "1,abuse@shop.example,Shop GmbH,en\n"
                        + prefix + "2,Store <owner@store.example>,Store Ltd,en\n"
                        + prefix + "3,owner@store.example,\"Store Ltd, London\",EN\n",
                StandardCharsets.UTF_8);
        var imported = cli("accounts", "import", "--json", csv.toString());

        // THEN the good rows are stored, the bad one named by its line and column
        assertThat(imported.exit()).as(imported.err()).isEqualTo(2);
        var report = imported.json();
        assertThat(report.get("written").asLong()).isEqualTo(2);
        assertThat(report.at("/rejectedRows/0/line").asLong()).isEqualTo(3);
        assertThat(report.at("/rejectedRows/0/reason").asText())
                .isEqualTo("contactEmail: must be the address alone, without a display name");
        assertThat(cli("accounts", "show", "--json", prefix + "1")
                        .json()
                        .at("/contact/email")
                        .asText())
                .isEqualTo("abuse@shop.example");
        assertThat(cli("accounts", "show", "--json", prefix + "3")
                        .json()
                        .at("/contact/name")
                        .asText())
                .isEqualTo("Store Ltd, London");
        assertThat(cli("accounts", "show", prefix + "2").exit()).isEqualTo(1);
    }

    /** What a command printed, and its exit code. */
    record Run(int exit, String out, String err) {

        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    private Run cli(String... args) {
        var words = new ArrayList<>(List.of(args));
        words.add("--stack-file");
        words.add(stackFile.toString());
        var out = new StringWriter();
        var err = new StringWriter();
        var commandLine = new CommandLine(new AbuseDesk());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(words.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }
}
