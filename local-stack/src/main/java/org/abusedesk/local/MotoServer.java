package org.abusedesk.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The moto server as a child process on 127.0.0.1: the AWS endpoint of the local stack and of the tests.
 *
 * <p>{@code tools/python-tools} finds the {@code moto_server} to run, and installs the pinned version where none
 * works.
 */
public final class MotoServer implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final Process process;
    private final URI endpoint;

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Starts a moto server on the port (0: any free one) and waits until it answers. */
    public static MotoServer start(int port, Path projectRoot, Path logFile) {
        int chosen = port == 0 ? freePort() : port;
        var command = new ArrayList<String>(List.of(executable(projectRoot)));
        command.addAll(List.of("-H", "127.0.0.1", "-p", Integer.toString(chosen)));
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            var process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
            var server = new MotoServer(process, URI.create("http://127.0.0.1:" + chosen));
            server.awaitReady(logFile);
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the moto server: " + command, e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        // A wrapper script may have started the Python process as a child: stop the whole tree.
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(Path logFile) {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        var deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the moto server exited at start; see " + logFile);
            }
            try {
                var response = http.send(
                        HttpRequest.newBuilder(endpoint.resolve("/moto-api/"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(100);
        }
        close();
        throw new IllegalStateException("the moto server did not answer within " + STARTUP + "; see " + logFile);
    }

    private static String executable(Path projectRoot) {
        try {
            var process = new ProcessBuilder(
                            "bash", projectRoot.resolve("tools/python-tools").toString(), "moto_server")
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            String path = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.waitFor() != 0 || path.isEmpty()) {
                throw new IllegalStateException("tools/python-tools found no moto server and could not install one");
            }
            return path;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run tools/python-tools", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
