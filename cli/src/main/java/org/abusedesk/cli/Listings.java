package org.abusedesk.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/** How the commands print a listing: a table, and the command line of the next page when there is one. */
final class Listings {

    /** What a shell takes as one word without quotes. */
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9._~:/=@%+,-]+");

    private Listings() {}

    /**
     * Prints the listing.
     *
     * @param what the items' name, for an empty listing
     * @param nextCommand the command line listing the page after, given its cursor
     */
    static void print(
            PrintWriter out,
            boolean json,
            AdminClient.Listing listing,
            List<String> columns,
            String what,
            UnaryOperator<String> nextCommand) {
        if (json) {
            Output.json(out, listing.json());
            return;
        }
        if (listing.items().isEmpty()) {
            out.println("no " + what);
        } else {
            Table.of(listing.items(), columns).print(out);
        }
        if (listing.next() != null) {
            out.println();
            out.println("next page: " + Text.line(nextCommand.apply(listing.next())));
        }
    }

    /** Adds {@code --name value} when there is a value, quoted for a shell where it needs to be. */
    static void option(List<String> words, String name, String value) {
        if (value != null) {
            words.add(name);
            words.add(quoted(value));
        }
    }

    static String quoted(String word) {
        return PLAIN_WORD.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
