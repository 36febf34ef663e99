package org.abusedesk.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code abuse-desk suppressions}: who each account must not mail again. */
@Command(
        name = "suppressions",
        mixinStandardHelpOptions = true,
        description = "Complainants an account must not mail again, by the SHA-256 of the normalised address.",
        subcommands = {SuppressionsCommand.ListCommand.class})
final class SuppressionsCommand {

    /** {@code suppressions list}: an account's suppressions a page at a time. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists an account's suppressions.")
    static final class ListCommand extends AdminCommand {

        @Option(names = "--account-id", required = true, paramLabel = "ACCOUNT_ID")
        String accountId;

        @Mixin
        Paging paging;

        @Option(names = "--json", description = "Print the API's page as JSON (with --all, every item in one).")
        boolean json;

        @Override
        int run(AdminClient admin, PrintWriter out, PrintWriter err) {
            var listing =
                    admin.list(Route.SUPPRESSIONS, Route.SUPPRESSIONS.parameters(accountId.strip()), Map.of(), paging);
            Listings.print(
                    out, json, listing, List.of("addressHash", "since", "complaintId"), "suppressions", cursor -> {
                        var words = new ArrayList<>(List.of("abuse-desk", "suppressions", "list"));
                        Listings.option(words, "--account-id", accountId.strip());
                        Listings.option(words, "--limit", paging.limit == null ? null : paging.limit.toString());
                        Listings.option(words, "--cursor", cursor);
                        return String.join(" ", words);
                    });
            return 0;
        }
    }
}
