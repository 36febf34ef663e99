package org.abusedesk.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** The command line run in this JVM against a given admin API, with what it printed on stdout and stderr. */
final class Cli {

    /** The exit code and what was printed. */
    record Result(int exit, String out, String err) {}

    private final AdminApi api;
    private final Map<String, String> environment;
    private final InputStream standardInput;

    Cli(AdminApi api) {
        this(api, Map.of());
    }

    Cli(AdminApi api, Map<String, String> environment) {
        this(api, environment, new ByteArrayInputStream(new byte[0]));
    }

    Cli(AdminApi api, Map<String, String> environment, InputStream standardInput) {
        this.api = api;
        this.environment = environment;
        this.standardInput = standardInput;
    }

    Result run(String... args) {
        var factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                K created = CommandLine.defaultFactory().create(type);
                if (created instanceof AdminConnection connection) {
                    // Without an API of the test's, the options, variables and stack file choose one.
                    connection.given = api;
                    connection.environment = environment;
                    connection.standardInput = standardInput;
                }
                return created;
            }
        };
        var out = new StringWriter();
        var err = new StringWriter();
        var commandLine = new CommandLine(new AbuseDesk(), factory);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
