package org.abusedesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code abuse-desk erase}: a complainant's personal data erased from every case and stored mail. */
@Command(
        name = "erase",
        mixinStandardHelpOptions = true,
        description = {
            "Erases a complainant's personal data from every case and stored mail; asks nothing (scripts use it).",
            "Her address, name and words go from every case of hers, and the raw mails only she is in are deleted;"
                    + " the cases stay, counted and closed as they were, and so do her suppressions (they hold the"
                    + " address's hash only). Prints the cases it erased and what it did with raw mails and"
                    + " suppressions."
        })
final class EraseCommand extends AdminCommand {

    @Parameters(paramLabel = "ADDRESS", description = "The complainant's e-mail address.")
    String address;

    @Option(names = "--json", description = "Print the API's JSON.")
    boolean json;

    @Override
    int run(AdminClient admin, PrintWriter out, PrintWriter err) {
        JsonNode report = admin.send(Route.ERASURES, Map.of(), Map.of("address", address.strip()));
        if (json) {
            Output.json(out, report);
            return 0;
        }
        var counts = new LinkedHashMap<String, String>();
        for (String field : List.of("complaintsErased", "rawMailsDeleted", "rawMailsKept", "suppressionsKept")) {
            counts.put(field, Table.cell(report.get(field)));
        }
        Output.fields(out, counts);
        var complaints = new ArrayList<JsonNode>();
        report.path("complaints").forEach(complaints::add);
        if (!complaints.isEmpty()) {
            out.println();
            Table.of(complaints, List.of("mailingId", "complaintId")).print(out);
        }
        return 0;
    }
}
