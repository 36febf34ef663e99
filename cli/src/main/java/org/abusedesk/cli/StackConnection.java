package org.abusedesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.abusedesk.local.ProjectRoot;
import picocli.CommandLine.Option;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Where the commands that read and write the desk's tables find them: the stack file {@code ./abuse-desk local}
 * writes (endpoint, region, the template's outputs), or a deployed stack's values given as options.
 */
final class StackConnection {

    /**
     * The stack file's contents.
     *
     * @param functions each function's environment as the template sets it, by logical id: for commands that run a
     *     function's use case in this process, configured as the function is
     */
    record StackFile(
            String endpoint,
            String region,
            Map<String, String> outputs,
            Map<String, Map<String, String>> functions,
            String apiUrl,
            String adminToken) {

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
    }

    static final String STACK_FILE = "target/local/stack.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--stack-file", description = "Written by `abuse-desk local` (default: target/local/stack.json).")
    Path stackFile;

    @Option(
            names = "--endpoint",
            description = "AWS endpoint; default: the stack file's, else the SDK's for the region.")
    URI endpoint;

    @Option(names = "--region", description = "Region; default: the stack file's, else AWS_REGION.")
    String region;

    @Option(names = "--mailings-table", description = "Mailings table; default: the stack file's MailingsTableName.")
    String mailingsTable;

    @Option(names = "--accounts-table", description = "Accounts table; default: the stack file's AccountsTableName.")
    String accountsTable;

    static void write(Path file, StackFile contents) throws IOException {
        var directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        // Written beside it and moved into place: a reader never sees half a file.
        var partial = Files.createTempFile(directory, file.getFileName().toString(), ".partial");
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(partial.toFile(), contents);
            Files.move(
                    partial,
                    file,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
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

    DynamoDbClient dynamoDb() {
        var builder = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create());
        builder.region(Region.of(region()));
        endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
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

    String mailingsTable() {
        return table(mailingsTable, "MailingsTableName", "--mailings-table");
    }

    String accountsTable() {
        return table(accountsTable, "AccountsTableName", "--accounts-table");
    }

    private String table(String option, String output, String flag) {
        if (option != null) {
            return option;
        }
        var file = file();
        if (file == null || !file.outputs().containsKey(output)) {
            throw new IllegalStateException("no " + output + ": start `abuse-desk local`, or pass " + flag);
        }
        return file.outputs().get(output);
    }

    private StackFile file() {
        Path path = stackFile != null ? stackFile : defaultFile();
        if (!Files.isRegularFile(path)) {
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
