package org.abusedesk.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code abuse-desk complaints}: the cases, listed, shown and closed. */
@Command(
        name = "complaints",
        mixinStandardHelpOptions = true,
        description = "Complaint cases: listed by mailing, account or state, shown, resolved or dismissed.",
        subcommands = {
            ComplaintsCommand.ListCases.class,
            ComplaintsCommand.Show.class,
            ComplaintsCommand.Resolve.class,
            ComplaintsCommand.Dismiss.class
        })
final class ComplaintsCommand {

    /** The columns a listing shows of each case summary. */
    static final List<String> SUMMARY_COLUMNS = List.of(
            "mailingId", "complaintId", "state", "classification", "channel", "receivedAt", "accountId", "verified");

    /** {@code complaints list}: case summaries a page at a time. */
    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Lists cases: of a mailing or an account (oldest first), in a state, or without any of"
                    + " these every case, open ones first.")
    static final class ListCases extends AdminCommand {

        /** What the cases are listed by: one of these, or none. */
        static final class Filter {

            @Option(names = "--mailing-id", paramLabel = "MAILING_ID", description = "The cases of this mailing.")
            String mailingId;

            @Option(names = "--account-id", paramLabel = "ACCOUNT_ID", description = "The cases of this account.")
            String accountId;

            @Option(names = "--state", paramLabel = "STATE", description = "The cases in this state, e.g. NOTIFIED.")
            String state;
        }

        @ArgGroup(exclusive = true, multiplicity = "0..1")
        Filter filter;

        @Option(names = "--from", paramLabel = "ISO", description = "Received at or after (ISO-8601).")
        String from;

        @Option(names = "--to", paramLabel = "ISO", description = "Received before (ISO-8601).")
        String to;

        @Mixin
        Paging paging;

        @Option(names = "--json", description = "Print the API's page as JSON (with --all, every item in one).")
        boolean json;

        @Override
        int run(AdminClient admin, PrintWriter out, PrintWriter err) {
            var query = new LinkedHashMap<String, String>();
            query.put("from", from);
            query.put("to", to);
            AdminClient.Listing listing;
            if (filter != null && filter.mailingId != null) {
                listing = admin.list(
                        Route.MAILING_COMPLAINTS,
                        Route.MAILING_COMPLAINTS.parameters(filter.mailingId.strip()),
                        query,
                        paging);
            } else if (filter != null && filter.accountId != null) {
                listing = admin.list(
                        Route.ACCOUNT_COMPLAINTS,
                        Route.ACCOUNT_COMPLAINTS.parameters(filter.accountId.strip()),
                        query,
                        paging);
            } else {
                query.put("state", filter == null ? null : filter.state.strip());
                listing = admin.list(Route.COMPLAINTS, Map.of(), query, paging);
            }
            Listings.print(out, json, listing, SUMMARY_COLUMNS, "cases", this::nextCommand);
            return 0;
        }

        /** The command line that lists the next page: this one, with its cursor. */
        private String nextCommand(String cursor) {
            var words = new ArrayList<>(List.of("abuse-desk", "complaints", "list"));
            if (filter != null) {
                Listings.option(words, "--mailing-id", filter.mailingId);
                Listings.option(words, "--account-id", filter.accountId);
                Listings.option(words, "--state", filter.state);
            }
            Listings.option(words, "--from", from);
            Listings.option(words, "--to", to);
            Listings.option(words, "--limit", paging.limit == null ? null : paging.limit.toString());
            Listings.option(words, "--cursor", cursor);
            return String.join(" ", words);
        }
    }

    /** {@code complaints show}: one case in full. */
    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Shows a case: the complaint, the complainant, provenance, verdicts and how it was closed.")
    static final class Show extends AdminCommand {

        @Parameters(index = "0", paramLabel = "MAILING_ID")
        String mailingId;

        @Parameters(index = "1", paramLabel = "COMPLAINT_ID")
        String complaintId;

        @Option(names = "--json", description = "Print the API's JSON.")
        boolean json;

        @Override
        int run(AdminClient admin, PrintWriter out, PrintWriter err) {
            Output.show(
                    out,
                    json,
                    admin.get(
                            Route.COMPLAINT,
                            Route.COMPLAINT.parameters(mailingId.strip(), complaintId.strip()),
                            Map.of()));
            return 0;
        }
    }

    /** {@code complaints resolve}: closes a case as dealt with. */
    @Command(
            name = "resolve",
            mixinStandardHelpOptions = true,
            description = "Closes a case as resolved, with a note; you are recorded as closing it.")
    static final class Resolve extends Close {

        Resolve() {
            super(Route.RESOLVE);
        }
    }

    /** {@code complaints dismiss}: closes a case as no matter for the desk. */
    @Command(
            name = "dismiss",
            mixinStandardHelpOptions = true,
            description = "Closes a case as dismissed, with a note; you are recorded as closing it.")
    static final class Dismiss extends Close {

        Dismiss() {
            super(Route.DISMISS);
        }
    }

    /** Closing a case by its route: resolve and dismiss take the same arguments and differ only in that. */
    abstract static class Close extends AdminCommand {

        private final Route route;

        @Parameters(index = "0", paramLabel = "MAILING_ID")
        String mailingId;

        @Parameters(index = "1", paramLabel = "COMPLAINT_ID")
        String complaintId;

        @Option(
                names = "--note",
                required = true,
                paramLabel = "TEXT",
                description = "What was done, or why the case is no matter for the desk.")
        String note;

        @Option(names = "--json", description = "Print the API's JSON.")
        boolean json;

        Close(Route route) {
            this.route = route;
        }

        @Override
        int run(AdminClient admin, PrintWriter out, PrintWriter err) {
            var closed =
                    admin.send(route, route.parameters(mailingId.strip(), complaintId.strip()), Map.of("note", note));
            Output.show(out, json, closed);
            return 0;
        }
    }
}
