package org.abusedesk.bench.coldstart;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.abusedesk.local.Handlers;
import org.abusedesk.local.InvocationContext;

/**
 * The cold-start proxy's main: what a Lambda runtime does for the first event of a fresh execution environment,
 * on the function's own classpath. Constructs the handler with the environment the local stack gives it, reads
 * one event as the runtime would (Jackson, into the handler's event type, or the raw stream), handles it, checks
 * the answer, and exits.
 *
 * <p>Arguments: handler class, event type (a class name, or {@code stream}), the folder of prepared events (each
 * run takes the first file by name and deletes it, so that every run handles a fresh one), the environment file
 * (Java properties). Exits 2 when the handler's answer is a failure. With {@code -Dcoldstart.timings=FILE}, appends
 * to the file how long starting the logging, constructing the handler and handling the event took.
 */
public final class ColdStart {

    private ColdStart() {}

    public static void main(String[] args) throws Exception {
        String failure = run(args);
        if (failure != null) {
            System.err.println("cold start: " + args[0] + " answered " + failure);
            System.exit(2);
        }
        System.exit(0);
    }

    /** Handles the first prepared event; returns what went wrong, or null when the handler's answer is a success. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static String run(String[] args) throws Exception {
        long start = System.nanoTime();
        String handlerClass = args[0];
        String eventType = args[1];
        Path events = Path.of(args[2]);
        var environment = new HashMap<String, String>();
        try (Reader in = Files.newBufferedReader(Path.of(args[3]))) {
            var properties = new Properties();
            properties.load(in);
            properties.stringPropertyNames().forEach(name -> environment.put(name, properties.getProperty(name)));
        }
        byte[] event = claim(events);

        long loggingStarted = System.nanoTime();
        startLogging(handlerClass);
        long logging = System.nanoTime() - loggingStarted;
        // The baseline is no desk handler: it takes its environment as it is.
        Object handler = handlerClass.equals(MinimalHandler.class.getName())
                ? new MinimalHandler(Map.copyOf(environment))
                : Handlers.create(handlerClass, Map.copyOf(environment));
        long constructed = System.nanoTime();
        Object answer;
        if (eventType.equals("stream")) {
            var out = new ByteArrayOutputStream();
            ((RequestStreamHandler) handler).handleRequest(new ByteArrayInputStream(event), out, firstInvocation());
            answer = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        } else {
            // As the runtime reads events: AWS writes "Records" where the events classes say records.
            var json = JsonMapper.builder()
                    .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build();
            Object input = json.readValue(event, Class.forName(eventType));
            answer = ((RequestHandler) handler).handleRequest(input, firstInvocation());
        }
        long handled = System.nanoTime();
        String timings = System.getProperty("coldstart.timings");
        if (timings != null) {
            // Milliseconds: logging started; from main to the handler constructed, logging excluded; from there to
            // the first event handled.
            Files.writeString(
                    Path.of(timings),
                    logging / 1_000_000 + " " + (constructed - start - logging) / 1_000_000 + " "
                            + (handled - constructed) / 1_000_000 + "\n",
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }
        return failure(answer);
    }

    /**
     * Starts the function's logging, as the handler class's first logger would (SLF4J and its backend, configuration
     * read, layout compiled), so that its cost is told apart from the handler's own; nothing for a classpath without
     * SLF4J, such as the baseline's.
     */
    private static void startLogging(String handlerClass) throws ReflectiveOperationException {
        Class<?> factory;
        try {
            factory = Class.forName("org.slf4j.LoggerFactory");
        } catch (ClassNotFoundException e) {
            return;
        }
        factory.getMethod("getLogger", String.class).invoke(null, handlerClass);
    }

    /** The first prepared event by name, deleted so that the next run takes the next one. */
    private static byte[] claim(Path events) throws IOException {
        Path first;
        try (var files = Files.list(events)) {
            first = files.filter(Files::isRegularFile)
                    .sorted()
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no prepared event left in " + events));
        }
        byte[] event = Files.readAllBytes(first);
        Files.delete(first);
        return event;
    }

    /** What went wrong, by the answer's type; the events classes are loaded only where the function has them. */
    private static String failure(Object answer) {
        String type = answer == null ? "" : answer.getClass().getName();
        return switch (type) {
            case "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse" -> Answers.http(answer);
            case "com.amazonaws.services.lambda.runtime.events.SQSBatchResponse" -> Answers.sqs(answer);
            default -> null;
        };
    }

    /** The checks of the events classes' answers. */
    private static final class Answers {

        static String http(Object answer) {
            var response = (APIGatewayV2HTTPResponse) answer;
            int status = response.getStatusCode();
            return status >= 200 && status < 300 ? null : status + " " + response.getBody();
        }

        static String sqs(Object answer) {
            var failures = ((SQSBatchResponse) answer).getBatchItemFailures();
            return failures == null || failures.isEmpty() ? null : failures.size() + " failed messages";
        }
    }

    /** The context of the first invocation, made when it comes, as the runtime makes it. */
    private static InvocationContext firstInvocation() {
        return new InvocationContext("cold-start", "cold-start-1", () -> 30_000);
    }
}
