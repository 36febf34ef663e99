package org.abusedesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How a command reaches the admin API: over HTTP with a bearer token (the options, else {@code ABUSE_DESK_API_URL}
 * and {@code ABUSE_DESK_TOKEN}, else the stack file's), or with {@code --direct} by running its handler in this
 * process with the function's environment, as the person running the command.
 */
final class AdminConnection {

    static final String API_URL_VARIABLE = "ABUSE_DESK_API_URL";
    static final String TOKEN_VARIABLE = "ABUSE_DESK_TOKEN";
    static final String FUNCTION = "AdminApiFunction";

    private static final ObjectMapper JSON = new ObjectMapper();

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
                    + " default: $" + TOKEN_VARIABLE + ", else the stack file's.")
    String token;

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
        String bearer = Optional.ofNullable(token)
                .filter(t -> !t.isBlank())
                .or(() -> variable(TOKEN_VARIABLE))
                .or(stack::adminToken)
                .orElseThrow(() -> new IllegalStateException(
                        "no token: pass --token, set " + TOKEN_VARIABLE + ", or start `abuse-desk local`"));
        return new HttpAdminApi(url, bearer.strip());
    }

    private AdminApi direct() {
        if (apiUrl != null || token != null) {
            throw new IllegalStateException(
                    "--direct calls no URL and needs no token: leave out --api-url and --token");
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
