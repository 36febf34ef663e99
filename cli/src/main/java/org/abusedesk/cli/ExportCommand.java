package org.abusedesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code abuse-desk export}: a case as a report for others, one case or every case of a mailing. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Exports cases as reports for others: X-ARF v4 for networks' abuse desks, CSA evidence bundles.",
        subcommands = {ExportCommand.Xarf.class, ExportCommand.Csa.class})
final class ExportCommand {

    /** Rows a listing page of the mailing's cases asks for: the API's most. */
    private static final int PAGE = 100;

    /** What both exports do, each with its route. */
    abstract static class Export extends AdminCommand {

        @Parameters(index = "0", arity = "0..1", paramLabel = "MAILING_ID")
        String mailingId;

        @Parameters(index = "1", arity = "0..1", paramLabel = "COMPLAINT_ID")
        String complaintId;

        @Option(
                names = "--mailing-id",
                paramLabel = "MAILING_ID",
                description = "Export every case of this mailing, each into DIR/<complaintId>.json.")
        String allOf;

        @Option(
                names = "--out",
                paramLabel = "FILE|DIR",
                description = "Write the case's document to FILE (default: stdout); with --mailing-id, the directory.")
        Path target;

        abstract Route route();

        @Override
        int run(AdminClient admin, PrintWriter out, PrintWriter err) throws IOException {
            if (allOf != null) {
                if (mailingId != null) {
                    throw new ParameterException(
                            spec.commandLine(), "either MAILING_ID COMPLAINT_ID or --mailing-id, not both");
                }
                if (target == null) {
                    throw new ParameterException(spec.commandLine(), "--mailing-id needs --out DIR");
                }
                return exportAll(admin, out, err, allOf.strip());
            }
            if (mailingId == null || complaintId == null) {
                throw new ParameterException(
                        spec.commandLine(), "name a case (MAILING_ID COMPLAINT_ID), or a mailing with --mailing-id");
            }
            String document = document(admin, mailingId.strip(), complaintId.strip());
            if (target == null) {
                out.print(document.endsWith("\n") ? document : document + "\n");
            } else {
                write(target, document);
                err.println("wrote " + target);
            }
            return 0;
        }

        private int exportAll(AdminClient admin, PrintWriter out, PrintWriter err, String mailing) throws IOException {
            var paging = new Paging();
            paging.all = true;
            paging.limit = PAGE;
            var cases = admin.list(
                            Route.MAILING_COMPLAINTS, Route.MAILING_COMPLAINTS.parameters(mailing), Map.of(), paging)
                    .items();
            Files.createDirectories(target);
            var progress = new Progress(err, Progress.atTerminal(), "export", "cases", cases.size());
            int done = 0;
            int failed = 0;
            for (JsonNode summary : cases) {
                String id = summary.path("complaintId").asText();
                try {
                    write(target.resolve(fileName(id)), document(admin, mailing, id));
                } catch (AdminApiException e) {
                    progress.finish();
                    err.println(Text.line(id) + ": " + String.join("; ", e.lines()));
                    failed++;
                }
                progress.update(++done);
            }
            progress.finish();
            out.println("exported " + (done - failed) + " of " + cases.size() + " cases of mailing "
                    + Text.line(mailing) + " to " + target + (failed == 0 ? "" : "; " + failed + " failed"));
            return failed == 0 ? 0 : 1;
        }

        private String document(AdminClient admin, String mailing, String complaint) {
            return admin.text(route(), route().parameters(mailing, complaint), Map.of(), null, null);
        }

        /** The complaint ID as a file name: a ULID is one; anything else cannot leave the directory. */
        static String fileName(String complaintId) {
            return complaintId.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "_") + ".json";
        }

        private static void write(Path file, String document) throws IOException {
            Files.writeString(file, document, StandardCharsets.UTF_8);
        }
    }

    /** {@code export xarf}: X-ARF v4 reports. */
    @Command(
            name = "xarf",
            mixinStandardHelpOptions = true,
            description = "Exports a case, or every case of a mailing, as an X-ARF v4 messaging/spam report (JSON).")
    static final class Xarf extends Export {

        @Override
        Route route() {
            return Route.XARF;
        }
    }

    /** {@code export csa}: CSA evidence bundles. */
    @Command(
            name = "csa",
            mixinStandardHelpOptions = true,
            description = "Exports a case, or every case of a mailing, as a CSA evidence bundle (JSON).")
    static final class Csa extends Export {

        @Override
        Route route() {
            return Route.CSA;
        }
    }
}
