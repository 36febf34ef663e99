package org.abusedesk.console;

import org.abusedesk.aws.AwsClients;
import org.abusedesk.config.Environment;

/** The console's pages, built from the function's environment over the same use cases the admin API calls. */
final class ConsolePagesWiring {

    private ConsolePagesWiring() {}

    static ConsolePages of(Environment environment, AwsClients clients) {
        throw new UnsupportedOperationException("the console's pages are wired with the pages themselves");
    }
}
