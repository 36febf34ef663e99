package org.abusedesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.abusedesk.registration.ImportMailings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code abuse-desk mailings}: the mailing registry. */
@Command(
        name = "mailings",
        mixinStandardHelpOptions = true,
        description = "The mailing registry: Mailing ID → account, recipients, send time.",
        subcommands = {MailingsCommand.Put.class, MailingsCommand.Show.class, MailingsCommand.Import.class})
final class MailingsCommand {

    /** {@code mailings put}: one registration. */
    @Command(
            name = "put",
            mixinStandardHelpOptions = true,
            description = "Registers a mailing, or updates its registration (its complaint counters are kept).")
    static final class Put extends AdminCommand {

        @Option(names = "--mailing-id", required = true, description = "The Mailing ID from the campaign's headers.")
        String mailingId;

        @Option(names = "--account-id", required = true, description = "The sending account.")
        String accountId;

        @Option(names = "--recipients", description = "How many recipients the mailing went to.")
        Long recipients;

        @Option(names = "--sent-at", description = "When it was sent (ISO-8601, default: now).")
        Instant sentAt;

        @Option(names = "--subject", description = "Its subject.")
        String subject;

        @Option(names = "--sender", description = "Its From address.")
        String sender;

        @Option(names = "--opt-in-evidence", description = "How the recipients opted in, for CSA evidence bundles.")
        String optInEvidence;

        @Option(names = "--json", description = "Print the API's JSON.")
        boolean json;

        @Override
        int run(AdminClient admin, PrintWriter out, PrintWriter err) {
            var body = new LinkedHashMap<String, Object>();
            body.put("accountId", accountId.strip());
            body.put("recipients", recipients);
            body.put("sentAt", (sentAt == null ? Instant.now().truncatedTo(ChronoUnit.SECONDS) : sentAt).toString());
            body.put("subject", subject);
            body.put("sender", sender);
            body.put("optInEvidence", optInEvidence);
            var mailing = admin.send(Route.PUT_MAILING, Route.PUT_MAILING.parameters(mailingId.strip()), body);
            Output.show(out, json, mailing);
            return 0;
        }
    }

    /** {@code mailings show}: one registration and its counters. */
    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Shows a mailing's registration and complaint counters.")
    static final class Show extends AdminCommand {

        @Option(names = "--json", description = "Print the API's JSON.")
        boolean json;

        @Parameters(paramLabel = "MAILING_ID")
        String mailingId;

        @Override
        int run(AdminClient admin, PrintWriter out, PrintWriter err) {
            Output.show(out, json, admin.get(Route.MAILING, Route.MAILING.parameters(mailingId.strip()), Map.of()));
            return 0;
        }
    }

    /** {@code mailings import}: a CSV file of registrations, in chunks the API takes. */
    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = {
                "Registers the mailings of a CSV file (its header names the columns, in any order: "
                        + ImportMailings.COLUMNS + "), sent " + MailingImport.MAX_ROWS
                        + " rows a request. Rows already registered with these values are left as they are.",
                "Exits 0 when every row is stored, 2 when some are rejected (listed by their line in the file),"
                        + " 1 when the import failed."
            })
    static final class Import extends AdminCommand {

        @Option(names = "--json", description = "Print the report as JSON.")
        boolean json;

        @Parameters(paramLabel = "FILE.csv", description = "UTF-8; the header is line 1.")
        Path file;

        @Override
        int run(AdminClient admin, PrintWriter out, PrintWriter err) throws IOException {
            if (!Files.isRegularFile(file)) {
                err.println("no file " + file);
                return 1;
            }
            long total = MailingImport.countRows(file);
            var progress = new Progress(err, Progress.atTerminal(), "import", "rows", total);
            MailingImport.Report report;
            try {
                report = new MailingImport(admin).run(file, progress::update);
            } catch (MailingImport.Stopped stopped) {
                progress.finish();
                stopped.refusal().lines().forEach(err::println);
                err.println("the import stopped at the request starting with line " + stopped.line()
                        + "; the rows before it are stored as reported");
                print(out, stopped.before());
                return 1;
            } catch (IllegalArgumentException e) {
                progress.finish();
                err.println(e.getMessage());
                return 1;
            }
            progress.finish();
            print(out, report);
            return report.allStored() ? 0 : 2;
        }

        private void print(PrintWriter out, MailingImport.Report report) {
            if (json) {
                Output.json(out, report.json());
                return;
            }
            var fields = new LinkedHashMap<String, String>();
            fields.put("rows", Long.toString(report.rows()));
            fields.put("written", Long.toString(report.written()));
            fields.put("unchanged", Long.toString(report.unchanged()));
            fields.put("rejected", Long.toString(report.rejected()));
            fields.put("complete", Boolean.toString(report.complete()));
            Output.fields(out, fields);
            if (!report.rejectedRows().isEmpty()) {
                out.println();
                var table = new Table(List.of("line", "mailingId", "reason"));
                report.rejectedRows()
                        .forEach(row -> table.add(List.of(
                                Long.toString(row.line()), row.mailingId().orElse("-"), row.reason())));
                table.print(out);
                if (report.rejected() > report.rejectedRows().size()) {
                    out.println("… and "
                            + (report.rejected() - report.rejectedRows().size()) + " more rejected rows after these");
                }
            }
        }
    }
}
