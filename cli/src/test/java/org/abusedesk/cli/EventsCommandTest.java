package org.abusedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventsCommandTest {

    private static final String EVENTS = "[{\"time\":\"2026-12-07T10:00:00Z\",\"source\":\"abuse-desk\","
            + "\"detail-type\":\"SuppressionAdded\",\"detail\":{\"version\":1,\"accountId\":\"121070\"}},"
            + "{\"time\":\"2026-12-07T10:00:01Z\",\"source\":\"abuse-desk\",\"detail-type\":\"CaseClosed\","
            + "\"detail\":{\"version\":1,\"outcome\":\"RESOLVED\"}}]";

    private HttpServer localStack;
    private String status = "200";

    @BeforeEach
    void start() throws IOException {
        // A stand-in for the local stack's HTTP API, with its route of the bus's events
        localStack = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        localStack.createContext("/_local/events", exchange -> {
            byte[] body = EVENTS.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(Integer.parseInt(status), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        localStack.start();
    }

    @AfterEach
    void stop() {
        localStack.stop(0);
    }

    @Test
    void tail_printsEachEventTheBusReceived_oneJsonLineEach_oldestFirst() {
        var result = new Cli(null).run("events", "tail", "--no-follow", "--api-url", url());

        assertThat(result.exit()).isZero();
        assertThat(result.out().lines().toList())
                .containsExactly(
                        "{\"time\":\"2026-12-07T10:00:00Z\",\"source\":\"abuse-desk\",\"detail-type\":"
                                + "\"SuppressionAdded\",\"detail\":{\"version\":1,\"accountId\":\"121070\"}}",
                        "{\"time\":\"2026-12-07T10:00:01Z\",\"source\":\"abuse-desk\",\"detail-type\":\"CaseClosed\","
                                + "\"detail\":{\"version\":1,\"outcome\":\"RESOLVED\"}}");
    }

    @Test
    void tail_ofAStackThatAnswersNoEvents_failsNamingWhatItAnswered() {
        status = "404";

        var result = new Cli(null).run("events", "tail", "--no-follow", "--api-url", url());

        assertThat(result.exit()).isNotZero();
        assertThat(result.err()).contains("the local stack answered 404");
    }

    @Test
    void events_withoutASubcommand_namesIt() {
        var result = new Cli(null).run("events");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("name a subcommand: tail");
    }

    private String url() {
        return "http://127.0.0.1:" + localStack.getAddress().getPort();
    }
}
