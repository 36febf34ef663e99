package org.abusedesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code abuse-desk accounts}: the sending accounts as the desk sees them. */
@Command(
        name = "accounts",
        mixinStandardHelpOptions = true,
        description = "Sending accounts: status, counters, history; a person's status change.",
        subcommands = {AccountsCommand.Show.class, AccountsCommand.SetStatus.class})
final class AccountsCommand {

    static final List<String> HISTORY_COLUMNS =
            List.of("at", "from", "to", "changedBy", "reason", "ratePercent", "complaintIds");

    /** {@code accounts show}: status, counters and the latest status changes. */
    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Shows an account's status and counters, then its latest status changes, newest first.")
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
}
