package org.abusedesk.cli;

import picocli.CommandLine.Option;

/** Which page of a listing a command prints: the first, the one a cursor names, or all of them. */
final class Paging {

    @Option(names = "--limit", paramLabel = "N", description = "Items a page (1 to 100; default: the API's, 25).")
    Integer limit;

    @Option(names = "--cursor", paramLabel = "CURSOR", description = "Start at this page: the next of an earlier one.")
    String cursor;

    @Option(names = "--all", description = "Follow the pages to the end.")
    boolean all;
}
