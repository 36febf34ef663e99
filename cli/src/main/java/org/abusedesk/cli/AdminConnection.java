package org.abusedesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How a command reaches the admin API: over HTTP with a bearer token (the options, else {@code ABUSE_DESK_API_URL}
 * and {@code ABUSE_DESK_TOKEN}, else the stack file's), or with {@code --direct} by running its handler in this
 * process with the function's environment, as the person running the command. A token is given on standard input
 * or in a file of the user's own rather than as an argument, which every user of the machine can read.
 */
final class AdminConnection {

    static final String API_URL_VARIABLE = "ABUSE_DESK_API_URL";
    static final String TOKEN_VARIABLE = "ABUSE_DESK_TOKEN";
    static final String FUNCTION = "AdminApiFunction";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Far more than any access token; what is longer is no token. */
    private static final int MAX_TOKEN_BYTES = 64 * 1024;

    @Mixin
    StackConnection stack;

    @Option(
            names = "--api-url",
            paramLabel = "URL",
            description = "The admin API, e.g. the stack's ApiUrl output; default: $" + API_URL_VARIABLE
                    + ", else the stack file's.")
    URI apiUrl;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            description = "An access token with the scope abuse-desk/read, or abuse-desk/write to change anything;"
                    + " default: $" + TOKEN_VARIABLE + ", else the stack file's. Warning: every user of this machine"
                    + " sees it in the process list (ps); prefer --token-stdin or --token-file.")
    String token;

    @Option(
            names = "--token-stdin",
            description = "Read the access token from standard input, e.g. `pass show abuse-desk |"
                    + " abuse-desk … --token-stdin`.")
    boolean tokenStdin;

    @Option(
            names = "--token-file",
            paramLabel = "PATH",
            description = "Read the access token from this file, which only you may read and write (mode 0600 or"
                    + " stricter).")
    Path tokenFile;

    @Option(
            names = "--login-file",
            paramLabel = "PATH",
            description =
                    "The sign-in of `abuse-desk login` (default: where it keeps it), used when no token is given.")
    Path loginFile;

    @Option(
            names = "--direct",
            description = "Run the admin API's handler in this process, with your AWS credentials and the function's"
                    + " environment (the stack file's, or --function-env), instead of calling it over HTTP.")
    boolean direct;

    @Option(
            names = "--function-env",
            paramLabel = "FILE",
            description = "With --direct: the function's environment as JSON, e.g. of `aws lambda"
                    + " get-function-configuration --function-name … --query Environment.Variables`.")
    Path functionEnv;

    /** Where the variables come from: the process's, or a test's. */
    Map<String, String> environment = System.getenv();

    /** Where {@code --token-stdin} reads: the process's standard input, or a test's. */
    InputStream standardInput = System.in;

    /** An API given instead of the one the options name: a test's. */
    AdminApi given;

    /** The API to call as the options say. */
    AdminApi open() {
        if (given != null) {
            return given;
        }
        return direct ? direct() : http();
    }

    private AdminApi http() {
        if (functionEnv != null) {
            throw new IllegalStateException("--function-env is for --direct only");
        }
        URI url = Optional.ofNullable(apiUrl)
                .or(() -> variable(API_URL_VARIABLE).map(URI::create))
                .or(() -> stack.apiUrl().map(URI::create))
                .orElseThrow(() -> new IllegalStateException("no admin API URL: pass --api-url, set " + API_URL_VARIABLE
                        + ", start `abuse-desk local`, or use --direct"));
        String bearer = givenToken()
                .or(() -> variable(TOKEN_VARIABLE))
                .or(this::personalToken)
                .or(stack::adminToken)
                .orElseThrow(() -> new IllegalStateException("no token: pass --token-stdin or --token-file, set "
                        + TOKEN_VARIABLE + ", or start `abuse-desk local`"));
        return new HttpAdminApi(url, bearer.strip());
    }

    /** The token of whichever of the three options was given; at most one may be. */
    private Optional<String> givenToken() {
        long given = Stream.of(token != null, tokenStdin, tokenFile != null)
                .filter(Boolean::booleanValue)
                .count();
        if (given > 1) {
            throw new IllegalStateException("give the token one way only: --token, --token-stdin or --token-file");
        }
        if (tokenStdin) {
            return Optional.of(oneToken(readToken(standardInput), "standard input"));
        }
        if (tokenFile != null) {
            return Optional.of(oneToken(tokenFromFile(tokenFile), "--token-file " + tokenFile));
        }
        return Optional.ofNullable(token).filter(t -> !t.isBlank());
    }

    /** The file's token, if nobody but its owner may read or change the file. */
    private static String tokenFromFile(Path file) {
        OwnerOnlyFile.check(file, "--token-file", "pass the token with --token-stdin");
        try (var in = Files.newInputStream(file)) {
            return readToken(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read --token-file " + file + ": " + e.getMessage());
        }
    }

    private static String readToken(InputStream in) {
        try {
            byte[] read = in.readNBytes(MAX_TOKEN_BYTES + 1);
            if (read.length > MAX_TOKEN_BYTES) {
                throw new IllegalStateException("a token of more than " + MAX_TOKEN_BYTES + " bytes is no token");
            }
            return new String(read, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the token: " + e.getMessage());
        }
    }

    /** The one token the text holds, with the line end an echo or editor adds; never shown in a message. */
    private static String oneToken(String text, String where) {
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            throw new IllegalStateException("no token in " + where);
        }
        if (stripped.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalStateException(where + " holds more than one line or word; it must hold the token alone");
        }
        return stripped;
    }

    private AdminApi direct() {
        if (apiUrl != null || token != null || tokenStdin || tokenFile != null) {
            throw new IllegalStateException("--direct calls no URL and needs no token: leave out --api-url, --token,"
                    + " --token-stdin and --token-file");
        }
        var variables = new HashMap<>(functionEnv != null ? read(functionEnv) : stack.functionEnvironment(FUNCTION));
        if (variables.isEmpty()) {
            throw new IllegalStateException("no environment of " + FUNCTION
                    + ": start `abuse-desk local`, or pass --function-env with the deployed function's");
        }
        // What the Lambda runtime adds to the template's variables: the region, and here where AWS is.
        variables.put("AWS_REGION", stack.region());
        stack.endpoint()
                .ifPresentOrElse(
                        uri -> variables.put("AWS_ENDPOINT_URL", uri.toString()),
                        () -> variables.remove("AWS_ENDPOINT_URL"));
        return new DirectAdminApi(variables, System.getProperty("user.name", ""));
    }

    /** The person's own token of `abuse-desk login`, renewed when it expired: then the commands act as them. */
    private Optional<String> personalToken() {
        Path file = loginFile != null ? loginFile : PersonalLogin.defaultFile(environment);
        return PersonalLogin.read(file)
                .map(login ->
                        login.validToken(file, java.net.http.HttpClient.newHttpClient(), java.time.Clock.systemUTC()));
    }

    private Optional<String> variable(String name) {
        return Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank());
    }

    /** The variables as {@code --query Environment.Variables} prints them, or under {@code Variables}. */
    private static Map<String, String> read(Path file) {
        try {
            JsonNode json = JSON.readTree(file.toFile());
            if (json != null && json.has("Variables") && json.get("Variables").isObject()) {
                json = json.get("Variables");
            }
            if (json == null || !json.isObject()) {
                throw new IllegalStateException("--function-env " + file + " holds no JSON object of variables");
            }
            var variables = new HashMap<String, String>();
            json.properties()
                    .forEach(entry ->
                            variables.put(entry.getKey(), entry.getValue().asText()));
            return variables;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read --function-env " + file + ": " + e.getMessage(), e);
        }
    }
}
