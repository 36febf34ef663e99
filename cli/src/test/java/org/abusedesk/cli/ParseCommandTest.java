package org.abusedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ParseCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void parse_printsOneJsonLinePerFile_andExits0() throws IOException {
        // GIVEN a complaint with an attached message, and a file that is no mail at all
        Path complaint = Files.writeString(
                dir.resolve("complaint.eml"),
                String.join(
                        "\r\n",
                        "From: Erika Muster <erika.muster@example.net>",
                        "Subject: Spam",
                        "MIME-Version: 1.0",
                        "Content-Type: multipart/mixed; boundary=\"b\"",
                        "",
                        "--b",
                        "Content-Type: message/rfc822",
                        "",
                        "From: news@shop.example.org",
                        "X-Mailing: 14141611",
                        "X-Client: 121070",
                        "",
                        "Kaufen!",
                        "--b--",
                        ""));
        Path garbage = Files.write(dir.resolve("garbage.eml"), new byte[] {0, (byte) 0xff, '\r', '-', '-'});

        // WHEN both are parsed
        var run = run("parse", complaint.toString(), garbage.toString());

        // THEN there is one line per file, in the documented shape, and the exit code is 0
        assertThat(run.exit).isZero();
        var lines = run.out.strip().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(JSON.readTree(lines[0]).toString())
                .isEqualTo("{\"file\":\"" + complaint + "\",\"classification\":\"COMPLAINT\",\"complaints\":[{"
                        + "\"mailingId\":\"14141611\",\"accountId\":\"121070\",\"format\":\"ATTACHED_MESSAGE\","
                        + "\"mailingIdSource\":\"header:X-Mailing\",\"verified\":false,\"verification\":\"NOT_SIGNED\","
                        + "\"conflict\":false}],"
                        + "\"truncated\":false}");
        assertThat(JSON.readTree(lines[1]).toString())
                .isEqualTo("{\"file\":\"" + garbage + "\",\"classification\":\"ENQUIRY\",\"complaints\":[{"
                        + "\"mailingId\":null,\"accountId\":null,\"format\":\"TEXT\",\"mailingIdSource\":null,"
                        + "\"verified\":false,\"verification\":\"NOT_SIGNED\",\"conflict\":false}],"
                        + "\"truncated\":false}");
    }

    @Test
    void parse_ofAFileThatCannotBeRead_exits2_afterTheOthers() {
        var run = run("parse", dir.resolve("missing.eml").toString());

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.out).isEmpty();
        assertThat(run.err).contains("cannot read " + dir.resolve("missing.eml") + " (NoSuchFileException)");
    }

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = new CommandLine(new AbuseDesk()).execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }
}
