package org.abusedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.abusedesk.local.Stack;
import org.abusedesk.testkit.MotoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * {@code mailings import} against the moto server, the admin API's handler run in this process as {@code --direct}
 * runs it: a registry file of only the columns the sending platform has, sent in chunks, is stored whole.
 */
@ExtendWith(MotoExtension.class)
class MailingImportIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFileOfOnlyMailingIdAccountRecipientsAndSendTime_of10000Rows_registersAll10000(Stack stack, @TempDir Path temp)
            throws Exception {
        // GIVEN the stack's file for the command line, and a registry file of 10,000 rows without subject or sender
        Path stackFile = temp.resolve("stack.json");
        StackConnection.write(
                stackFile,
                new StackConnection.StackFile(
                        stack.aws().uri().toString(),
                        stack.aws().region().id(),
                        stack.outputs(),
                        Map.of(
                                AdminConnection.FUNCTION,
                                stack.function(AdminConnection.FUNCTION).environment())));
        var rows = new ArrayList<String>();
        for (int i = 1; i <= 10_000; i++) {
            rows.add("imp-" + i + ",1210" + (i % 7) + "," + (1_000 + i) + ",2026-11-" + (10 + i % 20) + "T09:30:00Z");
        }
        Path csv = temp.resolve("mailings.csv");
        Files.writeString(
                csv,
                "mailingId,accountId,recipients,sentAt\n" + String.join("\n", rows) + "\n",
                StandardCharsets.UTF_8);

        // WHEN it is imported
        var imported = cli(stackFile, "mailings", "import", "--direct", "--json", csv.toString());

        // THEN every row is registered, the table holds all 10,000, and each as its row says
        assertThat(imported.exit).as(imported.err).isZero();
        var report = JSON.readTree(imported.out);
        assertThat(report.get("rows").asLong()).isEqualTo(10_000);
        assertThat(report.get("written").asLong()).isEqualTo(10_000);
        assertThat(report.get("rejected").asLong()).isZero();
        assertThat(report.get("rejectedRows")).isEmpty();
        assertThat(report.get("complete").asBoolean()).isTrue();
        assertThat(registered(stack)).isEqualTo(10_000);
        var shown = cli(stackFile, "mailings", "show", "--direct", "--json", "imp-4711");
        assertThat(JSON.readTree(shown.out))
                .isEqualTo(JSON.readTree("{\"mailingId\":\"imp-4711\",\"accountId\":\"12100\",\"recipients\":5711,"
                        + "\"sentAt\":\"2026-11-21T09:30:00Z\",\"subject\":null,\"sender\":null,"
                        + "\"optInEvidence\":null,\"complaints\":0,\"verifiedComplaints\":0}"));
    }

    /** What a command printed, and its exit code. */
    private record Run(int exit, String out, String err) {}

    private static Run cli(Path stackFile, String... args) {
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

    /** The mailings the stack's registry holds: its table is this class's own. */
    private static long registered(Stack stack) {
        try (var dynamoDb = stack.aws().dynamoDb()) {
            return dynamoDb
                    .scanPaginator(
                            scan -> scan.tableName(stack.ref("MailingsTable")).select(Select.COUNT))
                    .stream()
                    .mapToLong(page -> page.count())
                    .sum();
        }
    }
}
