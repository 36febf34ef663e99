package org.abusedesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command of the abuse team's through the admin API: it prints what it got on stdout, and what the API refused on
 * stderr, exiting 1.
 */
abstract class AdminCommand implements Callable<Integer> {

    @Mixin
    AdminConnection connection;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            AdminApi api;
            try {
                api = connection.open();
            } catch (IllegalStateException e) {
                err.println(e.getMessage());
                return 1;
            }
            return run(new AdminClient(api), out, err);
        } catch (AdminApiException e) {
            e.lines().forEach(err::println);
            return 1;
        } catch (IOException | UncheckedIOException e) {
            err.println(e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Runs the command; returns its exit code. */
    abstract int run(AdminClient admin, PrintWriter out, PrintWriter err) throws IOException;
}
