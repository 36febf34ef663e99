package org.abusedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.abusedesk.local.AwsEndpoint;
import org.abusedesk.local.CloudFormationTemplate;
import org.abusedesk.local.LocalStack;
import org.abusedesk.local.ProjectRoot;
import org.abusedesk.testkit.MotoExtension;
import org.abusedesk.testkit.StackContents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The abuse team's commands against the local stack, as `./abuse-desk local` runs it: through its admin API with
 * the stack file's token, and with {@code --direct} through the handler in this process.
 */
@ExtendWith(MotoExtension.class)
class AdminCommandsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "mailingId,accountId,recipients,sentAt,subject,sender";
    private static final String COMPLAINANT = "zora.quell@example.net";
    private static final String LAST_YEAR = Instant.now()
            .minus(Duration.ofDays(400))
            .truncatedTo(ChronoUnit.DAYS)
            .toString();

    /** What a command printed, and its exit code. */
    record Run(int exit, String out, String err) {

        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private LocalStack local;
    private AwsEndpoint aws;
    private Path stackFile;

    @AfterEach
    void stop() {
        if (local != null) {
            local.close();
        }
    }

    @Test
    void theAbuseTeamsDay_throughTheCommandLine(AwsEndpoint aws, ProjectRoot root, @TempDir Path temp)
            throws Exception {
        // GIVEN the local stack and its stack file: its API, a read-and-write token, each function's environment
        this.aws = aws;
        local = LocalStack.start(
                CloudFormationTemplate.load(root.resolve("template.yaml")),
                aws,
                new LocalStack.Options(
                        "127.0.0.1",
                        0,
                        "cli" + UUID.randomUUID().toString().substring(0, 8),
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

        // WHEN a registry file of 10,000 rows, 3 of them bad, is imported: mailings of last year (so that the
        // account's complaint rate need not read them all) and one sent yesterday
        String prefix = "c" + UUID.randomUUID().toString().substring(0, 6) + "-";
        var rows = new ArrayList<String>();
        for (int i = 1; i <= 10_000; i++) {
            rows.add(prefix + i + ",121070,1000," + LAST_YEAR + ",Angebote " + i + ",news@shop.example.org");
        }
        rows.set(
                41,
                prefix + "42,121070,1000,"
                        + Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS)
                        + ",Angebote,news@shop.example.org");
        rows.set(1_499, prefix + "1500,121070,many," + LAST_YEAR + ",Angebote,news@shop.example.org");
        rows.set(4_999, prefix + "7,121070,1000," + LAST_YEAR + ",again,news@shop.example.org");
        rows.set(8_999, prefix + "9000,121070,1000,yesterday,Angebote,news@shop.example.org");
        Path csv = temp.resolve("mailings.csv");
        Files.writeString(csv, HEADER + "\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        var imported = cli("mailings", "import", "--json", csv.toString());

        // THEN all but the 3 are stored, and those are named by their lines in the file
        assertThat(imported.exit()).as(imported.err()).isEqualTo(2);
        var report = imported.json();
        assertThat(report.get("rows").asLong()).isEqualTo(10_000);
        assertThat(report.get("written").asLong()).isEqualTo(9_997);
        assertThat(report.get("rejected").asLong()).isEqualTo(3);
        assertThat(report.get("complete").asBoolean()).isTrue();
        assertThat(report.get("rejectedRows").findValuesAsText("line")).containsExactly("1501", "5001", "9001");
        assertThat(report.at("/rejectedRows/1/reason").asText()).isEqualTo("mailingId: is in line 8 already");
        String mailing = prefix + "42";
        var shown = cli("mailings", "show", "--json", mailing);
        assertThat(shown.json().get("accountId").asText()).isEqualTo("121070");
        assertThat(shown.json().get("recipients").asLong()).isEqualTo(1000);
        assertThat(cli("mailings", "show", prefix + "1500").err()).isEqualTo("mailingId: no such mailing\n");

        // WHEN someone complains about one of them through the form
        var posted = post(
                "/complaints",
                "{\"mailingId\":\"" + mailing + "\",\"email\":\"" + COMPLAINANT + "\",\"message\":\"spam\"}");
        assertThat(posted.statusCode()).isEqualTo(202);

        // THEN the mailing's case is listed, and once notified can be resolved
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> assertThat(cli("complaints", "list", "--json", "--mailing-id", mailing)
                                .json()
                                .at("/items/0/state")
                                .asText())
                        .isEqualTo("NOTIFIED"));
        var listed = cli("complaints", "list", "--mailing-id", mailing);
        String complaintId = cli("complaints", "list", "--json", "--mailing-id", mailing)
                .json()
                .at("/items/0/complaintId")
                .asText();
        assertThat(listed.out().lines().findFirst().orElseThrow())
                .startsWith("mailingId")
                .contains("complaintId");
        assertThat(listed.out()).contains(complaintId).contains("NOTIFIED");
        var resolved = cli("complaints", "resolve", "--json", mailing, complaintId, "--note", "spoke to the sender");
        assertThat(resolved.json().get("state").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.json().get("closedBy").asText()).isEqualTo("anna");
        assertThat(cli("complaints", "show", "--json", mailing, complaintId)
                        .json()
                        .at("/closure/note")
                        .asText())
                .isEqualTo("spoke to the sender");

        // ... and exported as X-ARF, one case to stdout, and every case of the mailing into a directory
        var xarf = cli("export", "xarf", mailing, complaintId);
        assertThat(xarf.exit()).as(xarf.err()).isZero();
        assertThat(xarf.json().get("smtp_from").asText()).isEqualTo("news@shop.example.org");
        Path exports = temp.resolve("xarf");
        var exportedAll = cli("export", "xarf", "--mailing-id", mailing, "--out", exports.toString());
        assertThat(exportedAll.exit()).as(exportedAll.err()).isZero();
        assertThat(JSON.readTree(exports.resolve(complaintId + ".json").toFile()))
                .isEqualTo(xarf.json());

        // WHEN the account counted against is paused and set active again by a person, expecting it paused
        var paused = cli("accounts", "set-status", "121070", "PAUSED", "--reason", "complaints about Angebote");
        assertThat(paused.exit()).as(paused.err()).isZero();
        var active = cli(
                "accounts",
                "set-status",
                "--json",
                "121070",
                "ACTIVE",
                "--reason",
                "list cleaned",
                "--expected-status",
                "PAUSED");

        // THEN the changes are its history, newest first, and setting it from a status it no longer has is 409
        assertThat(active.exit()).as(active.err()).isZero();
        assertThat(active.json().get("to").asText()).isEqualTo("ACTIVE");
        var account = cli("accounts", "show", "--json", "121070").json();
        assertThat(account.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(account.get("history").get("items").findValuesAsText("to")).startsWith("ACTIVE", "PAUSED");
        var stale = cli("accounts", "set-status", "121070", "FLAGGED", "--reason", "x", "--expected-status", "PAUSED");
        assertThat(stale.exit()).isEqualTo(1);
        assertThat(stale.err()).isNotBlank();
        assertThat(cli("accounts", "show", "121070").out()).contains("history (newest first):", "list cleaned");

        // WHEN the same is done through the handler in this process, with no token at all
        var directPut = cli(
                "mailings",
                "put",
                "--direct",
                "--json",
                "--mailing-id",
                prefix + "direct",
                "--account-id",
                "121070",
                "--sent-at",
                "2026-11-28T09:00:00Z");
        var directShow = cli("mailings", "show", "--direct", "--json", prefix + "direct");
        var directStatus =
                cli("accounts", "set-status", "--direct", "--json", "121070", "FLAGGED", "--reason", "watch");

        // THEN it reads and writes the same tables, recording the person at the terminal
        assertThat(directPut.exit()).as(directPut.err()).isZero();
        assertThat(directShow.json().get("sentAt").asText()).isEqualTo("2026-11-28T09:00:00Z");
        assertThat(cli("mailings", "show", "--json", prefix + "direct")
                        .json()
                        .get("accountId")
                        .asText())
                .isEqualTo("121070");
        assertThat(directStatus.json().get("changedBy").asText()).isEqualTo(System.getProperty("user.name"));

        // WHEN a read-only token is used to change something
        String reader = local.tokens().mint("rita", List.of("abuse-desk/read"), Duration.ofMinutes(5));
        var refused = cli("accounts", "set-status", "--token", reader, "121070", "ACTIVE", "--reason", "x");
        var read = cli("mailings", "show", "--token", reader, mailing);

        // THEN the API refuses it, saying which scope it lacks; reading works
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err())
                .contains("the token lacks the scope abuse-desk/write")
                .doesNotContain(reader);
        assertThat(read.exit()).isZero();

        // WHEN the complainant's data is erased by her address
        assertThat(StackContents.occurrences(local.stack(), COMPLAINANT))
                .as("before erasure")
                .isNotEmpty();
        var erased = cli("erase", "--json", COMPLAINANT);

        // THEN her case is named, and no table item and no stored object holds her address any more
        assertThat(erased.exit()).as(erased.err()).isZero();
        assertThat(erased.json().get("complaintsErased").asLong()).isEqualTo(1);
        assertThat(erased.json().get("complaints").findValuesAsText("complaintId"))
                .containsExactly(complaintId);
        assertThat(StackContents.occurrences(local.stack(), COMPLAINANT)).isEmpty();
        assertThat(StackContents.occurrences(local.stack(), "zora")).isEmpty();
        assertThat(cli("complaints", "show", "--json", mailing, complaintId)
                        .json()
                        .get("complainant")
                        .isNull())
                .isTrue();
    }

    /** Runs the command line in this JVM on the stack file. */
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

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(local.apiUrl().resolve(path))
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
