package org.abusedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.abusedesk.registration.RejectedRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mailings import} splits a file into requests the API takes and reports as the API would for the whole
 * file: the oracle is the registry's own import use case run once over the file.
 */
class MailingImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "mailingId,accountId,recipients,sentAt,subject,sender,optInEvidence";

    @TempDir
    Path temp;

    private final ImportingApi server = new ImportingApi();
    private final Cli cli = new Cli(server.api());

    @Test
    void given10000RowsWithBadOnesAcrossChunks_whenImported_thenTheReportIsTheWholeFilesWithItsLines()
            throws Exception {
        // GIVEN 10,000 rows, bad ones in several chunks: invalid ones (one with a subject over three lines, which
        // moves the lines of all after it), a Mailing ID of an earlier chunk's stored row, one repeated within a
        // chunk, one whose first row was invalid (so it is no repetition), and one with too few fields
        var rows = new ArrayList<String>();
        for (int i = 1; i <= 10_000; i++) {
            rows.add(row("m" + i, "121070", "1000", "Angebote " + i));
        }
        rows.set(498, row("m499", "121070", "many", "Angebote"));
        rows.set(699, row("m700", "", "10", "Angebote"));
        rows.set(1198, row("m1199", "121070", "10", "\"Angebote\nfür\nSie\""));
        rows.set(1499, row("m2", "121070", "10", "again"));
        rows.set(2499, row("m2100", "121070", "10", "again"));
        rows.set(3999, row("m3000", "121070", "10", "again"));
        rows.set(4199, row("m700", "121070", "10", "now valid"));
        rows.set(9998, "m9999,121070");
        Path file = write(HEADER + "\n" + String.join("\n", rows) + "\n");

        // WHEN it is imported through the command line
        var result = cli.run("mailings", "import", "--json", file.toString());

        // THEN the report is the one the API gives for the whole file in one request, lines of the file and all ...
        var expected = ImportingApi.importCsv(new ImportingApi.Registry(), Files.readString(file));
        assertThat(result.exit()).isEqualTo(2);
        var report = JSON.readTree(result.out());
        assertThat(report).isEqualTo(reparsed(ImportingApi.asCommandLineReports(expected)));
        assertThat(report.get("rows").asLong()).isEqualTo(10_000);
        assertThat(report.get("rejected").asLong()).isEqualTo(7);
        assertThat(report.get("rejectedRows").findValuesAsText("line"))
                .containsExactly("500", "701", "1200", "1503", "2503", "4003", "10002");
        assertThat(report.at("/rejectedRows/3/reason").asText()).isEqualTo("mailingId: is in line 3 already");
        assertThat(report.at("/rejectedRows/4/reason").asText()).isEqualTo("mailingId: is in line 2103 already");
        assertThat(report.at("/rejectedRows/5/reason").asText()).isEqualTo("mailingId: is in line 3003 already");
        // ... sent in requests of at most 1,000 rows, each with the header, that stored what one request would
        assertThat(server.requests)
                .hasSize(10)
                .allSatisfy(body -> assertThat(body).startsWith(HEADER + "\n"));
        assertThat(server.reports).allSatisfy(chunk -> assertThat(chunk.rows()).isLessThanOrEqualTo(1_000));
        var whole = new ImportingApi.Registry();
        ImportingApi.importCsv(whole, Files.readString(file));
        assertThat(server.registry.mailings).isEqualTo(whole.mailings);
        assertThat(server.registry.mailings).hasSize(10_000 - 7);
        assertThat(result.err().lines().filter(line -> line.startsWith("import: ")))
                .hasSize(10)
                .endsWith("import: 100% (10,000/10,000 rows)");
    }

    @Test
    void eachRequest_goesWithTheLineOffsetOfItsRows_andTheApisLinesAndWordsAreReportedAsTheyCome() throws Exception {
        // GIVEN an API that answers every request with the same report: a row rejected for a repetition
        var api = new FakeAdminApi()
                .on(
                        Route.IMPORT_MAILINGS,
                        call -> new AdminApi.Response(
                                200,
                                "{\"rows\":1000,\"written\":999,\"unchanged\":0,\"rejected\":1,\"rejectedRows\":"
                                        + "[{\"line\":1234,\"mailingId\":\"r7\",\"errors\":[{\"field\":\"mailingId\","
                                        + "\"message\":\"is in line 7 already\"}],\"row\":1234,"
                                        + "\"reason\":\"mailingId: is in line 7 already\"}],\"complete\":true}"));
        var rows = new ArrayList<String>();
        for (int i = 1; i <= 2_000; i++) {
            rows.add(row("r" + i, "121070", "10", "Angebote"));
        }
        Path file = write(HEADER + "\n" + String.join("\n", rows) + "\n");

        // WHEN the file of 2,000 rows is imported in two requests
        var result = new Cli(api).run("mailings", "import", "--json", file.toString());

        // THEN the first goes with offset 0, the second with 1,000 (its line 2 is the file's 1,002) ...
        assertThat(api.callsOf(Route.IMPORT_MAILINGS))
                .extracting(call -> call.query().get("lineOffset"))
                .containsExactly("0", "1000");
        // ... and what the API says is reported as it says it: its lines and its words
        var report = JSON.readTree(result.out());
        assertThat(report.get("rejectedRows").findValuesAsText("line")).containsExactly("1234", "1234");
        assertThat(report.get("rejectedRows").findValuesAsText("reason"))
                .containsOnly("mailingId: is in line 7 already");
        assertThat(report.at("/rejectedRows/0/errors/0/message").asText()).isEqualTo("is in line 7 already");
    }

    @Test
    void aFileOfOnlyTheRequiredColumns_withBlankLinesAndBadRows_inSmallChunks_reportsAsTheWholeFile() throws Exception {
        // GIVEN rows of mailingId, sentAt and accountId only, a blank line after every seventh, some rows bad
        var csv = new StringBuilder("accountId,mailingId,sentAt\n");
        for (int i = 1; i <= 500; i++) {
            String sentAt = i % 37 == 0 ? "gestern" : "2026-11-27T09:00:00Z";
            String mailingId = i % 41 == 0 ? "q" + (i - 40) : "q" + i;
            csv.append("121070,").append(mailingId).append(',').append(sentAt).append('\n');
            if (i % 7 == 0) {
                csv.append(i % 2 == 0 ? "\n" : "\r\n\n");
            }
        }
        Path file = write(csv.toString());

        // WHEN it is imported three rows a request
        var report = new MailingImport(new AdminClient(server.api()), 3, MailingImport.MAX_BYTES).run(file, rows -> {});

        // THEN its report is the one of the whole file in one request: the same lines, the same words
        var whole = new ImportingApi.Registry();
        var expected = ImportingApi.importCsv(whole, csv.toString());
        assertThat(report.json()).isEqualTo(ImportingApi.asCommandLineReports(expected));
        assertThat(expected.rejectedRows()).hasSizeGreaterThan(20);
        assertThat(server.requests).hasSizeGreaterThan(150);
        assertThat(server.registry.mailings).isEqualTo(whole.mailings);
    }

    @Test
    void aFileImportedTwice_isStoredAllTheFirstTime_andUnchangedTheSecond_exiting0() {
        var rows = new ArrayList<String>();
        for (int i = 1; i <= 1_500; i++) {
            rows.add(row("m" + i, "121070", "10", "Angebote"));
        }
        Path file = write(HEADER + "\r\n" + String.join("\r\n", rows));

        var first = cli.run("mailings", "import", file.toString());
        var second = cli.run("mailings", "import", file.toString());

        assertThat(first.exit()).isZero();
        assertThat(first.out().lines())
                .containsExactly(
                        "rows:      1500", "written:   1500", "unchanged: 0", "rejected:  0", "complete:  true");
        assertThat(second.exit()).isZero();
        assertThat(second.out()).contains("written:   0", "unchanged: 1500");
    }

    @Test
    void smallChunks_ofAFileWithQuotedLineBreaks_blankLinesAndAByteOrderMark_reportAsTheWholeFile() throws Exception {
        String csv = "\uFEFF" + "subject,mailingId,accountId,recipients,sentAt,sender\r\n"
                + "\"two\r\nlines\",a0,121070,10,2026-11-27T09:00:00Z,\r\n"
                + "\r\n"
                + "plain,a1,121070,10,2026-11-27T09:00:00Z,\n"
                + "plain,a2,121070,x,2026-11-27T09:00:00Z,\n"
                + "\"three\nlines\n\",a3,121070,10,2026-11-27T09:00:00Z,news@example.com\n"
                + "one line,a3,121070,10,2026-11-27T09:00:00Z,news@example.com\n"
                + "again,a1,121070,10,2026-11-27T09:00:00Z,\n"
                + "\"\"\"quoted\"\"\",a4,121070,10,2026-11-27T09:00:00Z,\n"
                + "again,a3,121070,10,2026-11-27T09:00:00Z,\n"
                + "\"\"\n"
                + "late,a5,121070,10,bad,\n";
        Path file = write(csv);
        var api = new AdminClient(server.api());

        var report = new MailingImport(api, 2, MailingImport.MAX_BYTES).run(file, rows -> {});

        var expected = ImportingApi.importCsv(new ImportingApi.Registry(), csv);
        assertThat(report.json()).isEqualTo(ImportingApi.asCommandLineReports(expected));
        assertThat(report.rejectedRows()).extracting(RejectedRow::line).containsExactly(2L, 6L, 7L, 11L, 13L, 14L, 15L);
        assertThat(report.rejectedRows())
                .filteredOn(row -> row.reason().startsWith("mailingId"))
                .extracting(RejectedRow::reason)
                .containsExactly("mailingId: is in line 5 already", "mailingId: is in line 10 already");
        assertThat(server.requests.size()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aFileThatCannotBeReadToItsEnd_isReportedIncomplete_fromTheLineItBreaksOn() throws Exception {
        String csv = HEADER + "\n" + row("b1", "121070", "10", "ok") + "\n" + "b2,121070,10,2026-11-27T09:00:00Z,\"open"
                + "x".repeat(70_000) + "\n";
        Path file = write(csv);

        var result = cli.run("mailings", "import", "--json", file.toString());

        var expected = ImportingApi.importCsv(new ImportingApi.Registry(), csv);
        assertThat(result.exit()).isEqualTo(2);
        assertThat(JSON.readTree(result.out())).isEqualTo(reparsed(ImportingApi.asCommandLineReports(expected)));
        assertThat(expected.complete()).isFalse();
    }

    @Test
    void aRequestTheApiRefuses_stopsTheImport_reportingTheRowsStoredBefore_andExits1() throws Exception {
        var rows = new ArrayList<String>();
        for (int i = 1; i <= 2_500; i++) {
            rows.add(row("r" + i, "121070", "10", "Angebote"));
        }
        server.refuse = 2;
        Path file = write(HEADER + "\n" + String.join("\n", rows) + "\n");

        var result = cli.run("mailings", "import", "--json", file.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err())
                .contains("the body is larger than 1 MB")
                .contains("the import stopped at the request starting with line 1002");
        assertThat(JSON.readTree(result.out()).get("written").asLong()).isEqualTo(1_000);
        assertThat(server.requests).hasSize(2);
    }

    @Test
    void rejectedRows_arePrintedAsATable() {
        Path file =
                write(HEADER + "\n" + row("t1", "121070", "many", "x") + "\n" + row("t1", "121070", "1", "x") + "\n");

        var result = cli.run("mailings", "import", file.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out().lines())
                .containsExactly(
                        "rows:      2",
                        "written:   1",
                        "unchanged: 0",
                        "rejected:  1",
                        "complete:  true",
                        "",
                        "line  mailingId  reason",
                        "2     t1         recipients: must be a whole number of 0 or more");
    }

    /** As printed and read back: numbers as small as they are. */
    private static JsonNode reparsed(JsonNode json) throws IOException {
        return JSON.readTree(json.toString());
    }

    private static String row(String mailingId, String accountId, String recipients, String subject) {
        return String.join(
                ",",
                List.of(mailingId, accountId, recipients, "2026-11-27T09:00:00Z", subject, "news@example.com", ""));
    }

    private Path write(String csv) {
        try {
            Path file = Files.createTempFile(temp, "mailings", ".csv");
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
