package org.abusedesk.packaging;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.abusedesk.local.Handlers;
import org.abusedesk.local.InvocationContext;
import org.abusedesk.testkit.RecordingCheckpoints;

/**
 * A function's zip as the build left it in the module's {@code target/}: its size, the libraries in its
 * {@code lib/}, and a handler of it run as Lambda runs one, in a JVM of its own whose class path is the zip's
 * classes and jars and nothing else of the build's: only the few classes of {@link InvokeFromZip} join them, and the
 * Lambda runtime's serialisation, which the runtime brings along as well.
 */
public final class FunctionZip {

    /** The most a function's zip may weigh: 15 MiB. */
    public static final long MAX_BYTES = 15L * 1024 * 1024;

    /**
     * The most the inbound function's zip may weigh, 16 MiB: it reads mail (Mime4j, POI for Outlook files, jDKIM,
     * dnsjava) and verifies the signed reply addresses of customer notices, whose key it reads from Secrets Manager.
     */
    public static final long MAX_BYTES_READING_MAIL = 16L * 1024 * 1024;

    private static final Pattern VERSIONED_JAR = Pattern.compile("(.+?)-\\d[^-]*(-SNAPSHOT)?(-\\w+)?\\.jar");

    private final String name;
    private final Path zip;

    private FunctionZip(String name) {
        this.name = name;
        this.zip = Path.of("target", name + ".zip").toAbsolutePath();
    }

    /** The zip of the function module under test; integration tests run after {@code package}, which builds it. */
    public static FunctionZip of(String name) {
        return new FunctionZip(name);
    }

    public long size() {
        try {
            return Files.size(zip);
        } catch (IOException e) {
            throw new UncheckedIOException("no zip at " + zip + ": build it with ./mvnw package", e);
        }
    }

    /** The artifacts whose jars lie in {@code lib/}, without their versions: {@code s3}, {@code poi-scratchpad}. */
    public List<String> libraries() {
        try (var file = new ZipFile(zip.toFile())) {
            return file.stream()
                    .map(ZipEntry::getName)
                    .filter(n -> n.startsWith("lib/") && n.endsWith(".jar"))
                    .map(n -> n.substring("lib/".length()))
                    .map(n -> {
                        var m = VERSIONED_JAR.matcher(n);
                        return m.matches() ? m.group(1) : n;
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a handler run from the zip did: the SnapStart hooks it registered, and its response to each event. */
    public record Run(int hooks, List<String> responses, String log) {}

    /**
     * Runs the handler from the zip: built by its runtime constructor with the environment as the process's, its
     * SnapStart hooks run (a checkpoint and a restore), then given each event in turn.
     */
    public Run run(String handlerClass, Map<String, String> environment, String... events) {
        try {
            Path work = Path.of("target", "zip-run", handlerClass.substring(handlerClass.lastIndexOf('.') + 1))
                    .toAbsolutePath();
            delete(work);
            Path function = unzip(work.resolve("function"));
            Path runner = runnerClasses(work.resolve("runner"));
            var command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    String.join(
                            java.io.File.pathSeparator,
                            function.toString(),
                            function.resolve("lib").resolve("*").toString(),
                            runner.toString(),
                            runtimeSerialisation().toString()),
                    // The moto server takes any key; the tests' JVM has them as system properties.
                    "-Daws.accessKeyId=" + System.getProperty("aws.accessKeyId", "test"),
                    "-Daws.secretAccessKey=" + System.getProperty("aws.secretAccessKey", "test"),
                    InvokeFromZip.class.getName(),
                    handlerClass,
                    work.resolve("responses.properties").toString()));
            for (int i = 0; i < events.length; i++) {
                Path event = work.resolve("event-" + i + ".json");
                Files.writeString(event, events[i]);
                command.add(event.toString());
            }
            Path log = work.resolve("log.txt");
            var process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .directory(work.toFile());
            process.environment().putAll(environment);
            var running = process.start();
            if (!running.waitFor(5, TimeUnit.MINUTES)) {
                running.destroyForcibly();
                throw new AssertionError(handlerClass + " from " + zip + " did not finish:\n" + Files.readString(log));
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (running.exitValue() != 0) {
                throw new AssertionError(handlerClass + " from " + zip + " failed:\n" + output);
            }
            var result = new Properties();
            try (var in = Files.newInputStream(work.resolve("responses.properties"))) {
                result.load(in);
            }
            var responses = new ArrayList<String>();
            for (int i = 0; i < events.length; i++) {
                responses.add(result.getProperty("response." + i));
            }
            return new Run(Integer.parseInt(result.getProperty("hooks")), responses, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Path unzip(Path target) throws IOException {
        try (var file = new ZipFile(zip.toFile())) {
            for (var entries = file.entries(); entries.hasMoreElements(); ) {
                var entry = entries.nextElement();
                Path to = target.resolve(entry.getName()).normalize();
                if (!to.startsWith(target)) {
                    throw new IOException("entry outside the zip's folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(to);
                } else {
                    Files.createDirectories(to.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, to);
                    }
                }
            }
        }
        return target;
    }

    /** The runner and the test doubles it builds a handler with: the only classes besides the zip's. */
    private static Path runnerClasses(Path target) throws IOException {
        var classes = new ArrayList<Class<?>>(
                List.of(InvokeFromZip.class, RecordingCheckpoints.class, InvocationContext.class, Handlers.class));
        classes.addAll(List.of(InvokeFromZip.class.getDeclaredClasses()));
        classes.addAll(List.of(InvocationContext.class.getDeclaredClasses()));
        for (var type : classes) {
            String file = type.getName().replace('.', '/') + ".class";
            Path to = target.resolve(file);
            Files.createDirectories(to.getParent());
            try (var in = type.getClassLoader().getResourceAsStream(file)) {
                Files.copy(in, to);
            }
        }
        return target;
    }

    /** The jar of the Lambda runtime's serialisation, which reads the events and writes the answers. */
    private static Path runtimeSerialisation() {
        try {
            return Path.of(LambdaEventSerializers.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    @Override
    public String toString() {
        return name + " (" + zip + ")";
    }
}
