package org.abusedesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.abusedesk.local.LocalStack;
import org.abusedesk.local.ProjectRoot;
import picocli.CommandLine.Option;

/**
 * Where the commands find the stack: the stack file {@code ./abuse-desk local} writes (endpoint, region, the
 * template's outputs, each function's environment, the admin API's URL and a token), or a deployed stack's values
 * given as options.
 */
final class StackConnection {

    /**
     * The stack file's contents.
     *
     * @param functions each function's environment as the template sets it, by logical id: for commands that run a
     *     function's use case in this process, configured as the function is
     * @param webhookSecret with {@code --webhook-url}, the {@code whsec_} secret its endpoint is signed with; else null
     * @param optInEvidenceSecret with {@code --opt-in-evidence}, the {@code whsec_} secret the evidence requests are
     *     signed with; else null
     * @param consoleUrl the console's overview page; null without a console
     * @param consoleSignInUrl a link, good once, that signs a browser or a cookie-jar client in to the console as the
     *     local write person; null without a console
     */
    record StackFile(
            String endpoint,
            String region,
            Map<String, String> outputs,
            Map<String, Map<String, String>> functions,
            String apiUrl,
            String adminToken,
            String webhookSecret,
            String optInEvidenceSecret,
            String consoleUrl,
            String consoleSignInUrl) {

        StackFile {
            outputs = outputs == null ? Map.of() : Map.copyOf(outputs);
            functions = functions == null ? Map.of() : Map.copyOf(functions);
        }

        StackFile(String endpoint, String region, Map<String, String> outputs) {
            this(endpoint, region, outputs, Map.of());
        }

        StackFile(
                String endpoint,
                String region,
                Map<String, String> outputs,
                Map<String, Map<String, String>> functions) {
            this(endpoint, region, outputs, functions, null, null);
        }

        StackFile(
                String endpoint,
                String region,
                Map<String, String> outputs,
                Map<String, Map<String, String>> functions,
                String apiUrl,
                String adminToken) {
            this(endpoint, region, outputs, functions, apiUrl, adminToken, null, null, null, null);
        }

        /** The same, and the secret the local stack's one webhook endpoint is signed with. */
        StackFile withWebhookSecret(String secret) {
            return new StackFile(
                    endpoint,
                    region,
                    outputs,
                    functions,
                    apiUrl,
                    adminToken,
                    secret,
                    optInEvidenceSecret,
                    consoleUrl,
                    consoleSignInUrl);
        }

        /** The same, and the secret the local stand-in for the platform's evidence endpoint checks requests with. */
        StackFile withOptInEvidenceSecret(String secret) {
            return new StackFile(
                    endpoint,
                    region,
                    outputs,
                    functions,
                    apiUrl,
                    adminToken,
                    webhookSecret,
                    secret,
                    consoleUrl,
                    consoleSignInUrl);
        }

        /** The same, and the console's URL with a one-time link that signs the local write person in to it. */
        StackFile withConsole(String url, String signInUrl) {
            return new StackFile(
                    endpoint,
                    region,
                    outputs,
                    functions,
                    apiUrl,
                    adminToken,
                    webhookSecret,
                    optInEvidenceSecret,
                    url,
                    signInUrl);
        }

        /** What a running local stack offers the other commands: its outputs, functions, API and a token. */
        static StackFile of(LocalStack local, URI endpoint, String region, String apiUrl, String adminToken) {
            var environments = new LinkedHashMap<String, Map<String, String>>();
            local.stack().functions().forEach(f -> environments.put(f.logicalId(), f.environment()));
            // Cognito is not emulated: `abuse-desk login` signs in with the local stand-in, as the console does.
            var outputs = new LinkedHashMap<>(local.stack().outputs());
            outputs.put("SignInUrl", local.oidc().issuer());
            outputs.put("PeopleCliClientId", org.abusedesk.local.LocalOidc.PEOPLE_CLI_CLIENT);
            return new StackFile(
                    endpoint.toString(), region, outputs, environments, apiUrl, adminToken, null, null, null, null);
        }
    }

    static final String STACK_FILE = "target/local/stack.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(
            names = "--stack-file",
            paramLabel = "FILE",
            description = "Written by `abuse-desk local` (default: target/local/stack.json).")
    Path stackFile;

    @Option(
            names = "--endpoint",
            paramLabel = "URL",
            description = "With --direct: the AWS endpoint; default: the stack file's, else the SDK's for the region.")
    URI endpoint;

    @Option(
            names = "--region",
            paramLabel = "REGION",
            description = "With --direct: the region; default: the stack file's, else AWS_REGION.")
    String region;

    /** Written whole or not at all: a command started meanwhile never reads half a file. */
    static void write(Path file, StackFile contents) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path partial = Files.createTempFile(directory, "stack", ".json.partial");
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(partial.toFile(), contents);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A stale file only points at an endpoint that no longer answers; the next start replaces it.
        }
    }

    static Path defaultFile() {
        return ProjectRoot.find().resolve(STACK_FILE);
    }

    /** The local stack's file, or none outside the project (a deployed stack's commands need no project). */
    private static Path defaultFileIfAny() {
        try {
            return defaultFile();
        } catch (IllegalStateException e) {
            return null;
        }
    }

    /** The region: the option's, the stack file's, else {@code AWS_REGION}. */
    String region() {
        var file = file();
        String chosenRegion = region != null ? region : file != null ? file.region() : System.getenv("AWS_REGION");
        if (chosenRegion == null) {
            throw new IllegalStateException("no region: start `abuse-desk local`, or pass --region");
        }
        return chosenRegion;
    }

    /** The endpoint: the option's, the stack file's, else none (the SDK's for the region). */
    Optional<URI> endpoint() {
        var file = file();
        URI chosenEndpoint = endpoint != null ? endpoint : file != null ? URI.create(file.endpoint()) : null;
        if (chosenEndpoint != null && file != null && endpoint == null) {
            // The local endpoint accepts any key; never send real credentials to it.
            System.setProperty("aws.accessKeyId", "local");
            System.setProperty("aws.secretAccessKey", "local");
        }
        return Optional.ofNullable(chosenEndpoint);
    }

    /** A template output the stack file holds. */
    Optional<String> output(String name) {
        return Optional.ofNullable(file()).map(f -> f.outputs().get(name));
    }

    /** A function's environment as the stack file holds it; empty without a stack file. */
    Map<String, String> functionEnvironment(String logicalId) {
        return Optional.ofNullable(file())
                .map(f -> f.functions().getOrDefault(logicalId, Map.of()))
                .orElse(Map.of());
    }

    /** The admin API's URL the stack file holds: the local stack's. */
    Optional<String> apiUrl() {
        return Optional.ofNullable(file()).map(StackFile::apiUrl).filter(url -> !url.isBlank());
    }

    /** The development token the stack file holds, with every scope of the local stack's admin API. */
    Optional<String> adminToken() {
        return Optional.ofNullable(file()).map(StackFile::adminToken).filter(token -> !token.isBlank());
    }

    private StackFile file() {
        Path path = stackFile != null ? stackFile : defaultFileIfAny();
        if (path == null || !Files.isRegularFile(path)) {
            if (stackFile != null) {
                throw new IllegalStateException("no stack file " + path);
            }
            return null;
        }
        try {
            return JSON.readValue(path.toFile(), StackFile.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read stack file " + path + ": " + e.getMessage(), e);
        }
    }
}
