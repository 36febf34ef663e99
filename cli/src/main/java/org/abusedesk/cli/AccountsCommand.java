package org.abusedesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.abusedesk.registration.ImportAccountContacts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code abuse-desk accounts}: the sending accounts as the desk sees them. */
@Command(
        name = "accounts",
        mixinStandardHelpOptions = true,
        description = "Sending accounts: status, counters, contact, history; a person's status change; contacts.",
        subcommands = {
            AccountsCommand.Show.class,
            AccountsCommand.SetStatus.class,
            AccountsCommand.Put.class,
            AccountsCommand.Import.class
        })
final class AccountsCommand {

    static final List<String> HISTORY_COLUMNS =
            List.of("at", "from", "to", "changedBy", "reason", "ratePercent", "complaintIds");

    /** {@code accounts show}: status, counters and the latest status changes. */
    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description =
                    "Shows an account's status, counters and contact, then its latest status changes, newest first.")
    static final class Show extends AdminCommand {

        @Option(names = "--json", description = "Print the account's JSON, its history's first page as \"history\".")
        boolean json;

        @Parameters(paramLabel = "ACCOUNT_ID")
        String accountId;

        @Override
        int run(AdminClient admin, PrintWriter out, PrintWriter err) {
            var path = Route.ACCOUNT.parameters(accountId.strip());
            var account = admin.get(Route.ACCOUNT, path, Map.of());
            var history = admin.get(Route.ACCOUNT_HISTORY, path, Map.of());
            if (json) {
                var both = account.deepCopy();
                if (both.isObject()) {
                    ((ObjectNode) both).set("history", history);
                }
                Output.json(out, both);
                return 0;
            }
            Output.object(out, account);
            out.println();
            var items = new ArrayList<JsonNode>();
            history.path("items").forEach(items::add);
            if (items.isEmpty()) {
                out.println("no status changes");
            } else {
                out.println("history (newest first):");
                Table.of(items, HISTORY_COLUMNS).print(out, "  ");
            }
            if (history.hasNonNull("next")) {
                out.println("  … older changes: see --json's history.next, or the API's history route");
            }
            return 0;
        }
    }

    /** {@code accounts set-status}: a person sets the status, with a reason. */
    @Command(
            name = "set-status",
            mixinStandardHelpOptions = true,
            description = "Sets an account's status (ACTIVE, FLAGGED, PAUSED, …) with a reason; you are recorded as"
                    + " having changed it.")
    static final class SetStatus extends AdminCommand {

        @Parameters(index = "0", paramLabel = "ACCOUNT_ID")
        String accountId;

        @Parameters(index = "1", paramLabel = "STATUS")
        String status;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why.")
        String reason;

        @Option(
                names = "--expected-status",
                paramLabel = "STATUS",
                description = "Change it only if the account is in this status now (else 409).")
        String expectedStatus;

        @Option(names = "--json", description = "Print the API's JSON.")
        boolean json;

        @Override
        int run(AdminClient admin, PrintWriter out, PrintWriter err) {
            var body = new LinkedHashMap<String, Object>();
            body.put("status", status.strip());
            body.put("reason", reason);
            if (expectedStatus != null) {
                body.put("expectedStatus", expectedStatus.strip());
            }
            Output.show(
                    out,
                    json,
                    admin.send(Route.ACCOUNT_STATUS, Route.ACCOUNT_STATUS.parameters(accountId.strip()), body));
            return 0;
        }
    }

    /** {@code accounts put}: who at an account hears of complaints. */
    @Command(
            name = "put",
            mixinStandardHelpOptions = true,
            description = "Sets an account's contact: the address its complaint notices go to, the name they greet,"
                    + " and their language (de or en); the contact before is replaced.")
    static final class Put extends AdminCommand {

        @Option(names = "--account-id", required = true, description = "The sending account.")
        String accountId;

        @Option(
                names = "--contact-email",
                required = true,
                paramLabel = "ADDRESS",
                description = "One bare address, e.g. owner@shop.example (no display name).")
        String contactEmail;

        @Option(names = "--contact-name", required = true, paramLabel = "NAME", description = "Whom notices greet.")
        String contactName;

        @Option(names = "--language", required = true, paramLabel = "de|en", description = "The notices' language.")
        String language;

        @Option(names = "--json", description = "Print the API's JSON.")
        boolean json;

        @Override
        int run(AdminClient admin, PrintWriter out, PrintWriter err) {
            var body = new LinkedHashMap<String, Object>();
            body.put("email", contactEmail);
            body.put("name", contactName);
            body.put("language", language);
            Output.show(
                    out,
                    json,
                    admin.send(Route.ACCOUNT_CONTACT, Route.ACCOUNT_CONTACT.parameters(accountId.strip()), body));
            return 0;
        }
    }

    /** {@code accounts import}: a CSV file of contacts, in one request. */
    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = {
                "Sets the contacts of the accounts of a CSV file (its header names the columns, in any order: "
                        + ImportAccountContacts.COLUMNS + "), at most " + Import.MAX_BYTES + " bytes and "
                        + ImportAccountContacts.MAX_ROWS + " rows; split larger files.",
                "Exits 0 when every row is stored, 2 when some are rejected (listed by their line in the file),"
                        + " 1 when the import failed."
            })
    static final class Import extends AdminCommand {

        /** What the admin API takes in one request. */
        static final int MAX_BYTES = 1024 * 1024;

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
            if (Files.size(file) > MAX_BYTES) {
                err.println(file + " has more than " + MAX_BYTES + " bytes: split it into files of fewer rows");
                return 1;
            }
            String csv;
            try {
                csv = StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                        .toString();
            } catch (CharacterCodingException e) {
                err.println(file + " is not UTF-8");
                return 1;
            }
            var report = admin.json(Route.IMPORT_CONTACTS, Map.of(), Map.of(), "text/csv; charset=utf-8", csv);
            print(out, report);
            return report.path("rejected").asLong() == 0
                            && report.path("complete").asBoolean(false)
                    ? 0
                    : 2;
        }

        private void print(PrintWriter out, JsonNode report) {
            if (json) {
                Output.json(out, report);
                return;
            }
            var fields = new LinkedHashMap<String, String>();
            for (String name : List.of("rows", "written", "rejected", "complete")) {
                fields.put(name, report.path(name).asText());
            }
            Output.fields(out, fields);
            var rejected = new ArrayList<JsonNode>();
            report.path("rejectedRows").forEach(rejected::add);
            if (!rejected.isEmpty()) {
                out.println();
                var table = new Table(List.of("line", "accountId", "reason"));
                rejected.forEach(row -> table.add(List.of(
                        row.path("line").asText(),
                        row.hasNonNull("accountId") ? row.get("accountId").asText() : "-",
                        row.path("reason").asText())));
                table.print(out);
                long more = report.path("rejected").asLong() - rejected.size();
                if (more > 0) {
                    out.println("… and " + more + " more rejected rows after these");
                }
            }
        }
    }
}
