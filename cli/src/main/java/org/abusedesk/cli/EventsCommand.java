package org.abusedesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code abuse-desk events}: the events the local stack's bus received. */
@Command(
        name = "events",
        mixinStandardHelpOptions = true,
        header = "Shows the events the local stack's bus received.",
        subcommands = EventsCommand.Tail.class)
final class EventsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a subcommand: tail");
    }

    /** {@code abuse-desk events tail}: one JSON line an event, as the local bus receives them. */
    @Command(
            name = "tail",
            mixinStandardHelpOptions = true,
            description = {
                "Prints each event the local stack's bus received, one JSON object a line ({\"time\",\"source\",",
                "\"detail-type\",\"detail\"}), oldest first, then follows new ones until Ctrl-C."
            })
    static final class Tail implements Callable<Integer> {

        private static final ObjectMapper JSON = new ObjectMapper();

        @Spec
        CommandSpec spec;

        @Mixin
        StackConnection stack = new StackConnection();

        @Option(
                names = "--api-url",
                paramLabel = "URL",
                description = "The local stack's HTTP API (default: the stack file's).")
        URI apiUrl;

        @Option(names = "--no-follow", description = "Print what the bus received so far, and stop.")
        boolean noFollow;

        @Option(
                names = "--interval",
                paramLabel = "DURATION",
                defaultValue = "PT1S",
                description = "How often to look for new events while following (default: ${DEFAULT-VALUE}).")
        Duration interval;

        @Override
        public Integer call() throws IOException, InterruptedException {
            URI base = Optional.ofNullable(apiUrl)
                    .or(() -> stack.apiUrl().map(URI::create))
                    .orElseThrow(() -> new ParameterException(
                            spec.commandLine(), "no local stack: start `abuse-desk local`, or pass --api-url"));
            var events = base.resolve("/_local/events");
            var out = spec.commandLine().getOut();
            try (var http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build()) {
                int printed = 0;
                do {
                    printed = printNew(http, events, out, printed);
                    if (!noFollow) {
                        Thread.sleep(interval.toMillis());
                    }
                } while (!noFollow);
            }
            return 0;
        }

        /** Prints the events after the first {@code printed}; the log only grows, newest last. */
        private static int printNew(HttpClient http, URI events, PrintWriter out, int printed)
                throws IOException, InterruptedException {
            var response = http.send(
                    HttpRequest.newBuilder(events)
                            .timeout(Duration.ofSeconds(10))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("the local stack answered " + response.statusCode() + " for " + events);
            }
            JsonNode all = JSON.readTree(response.body());
            for (int i = printed; i < all.size(); i++) {
                out.println(JSON.writeValueAsString(all.get(i)));
            }
            out.flush();
            return Math.max(printed, all.size());
        }
    }
}
