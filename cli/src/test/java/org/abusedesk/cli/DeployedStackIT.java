package org.abusedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.WebIdentityTokenFileCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The must-show path against a deployed stack, the one that AWS_SAM_STACK_NAME names: a complaint posted to the
 * form's API at the stack's ApiUrl is read back through the admin API, with a token of the stack's command-line
 * Cognito client. It files a real complaint, so name a test stack. Without the variable the tier does not run.
 */
class DeployedStackIT {

    static final String STACK_VARIABLE = "AWS_SAM_STACK_NAME";

    private static final ObjectMapper JSON = new ObjectMapper();

    // The chain without the system properties: the moto tests of this JVM set theirs to the emulator's keys.
    private static final AwsCredentialsProvider CREDENTIALS = AwsCredentialsProviderChain.of(
            EnvironmentVariableCredentialsProvider.create(),
            WebIdentityTokenFileCredentialsProvider.create(),
            ProfileCredentialsProvider.create(),
            ContainerCredentialsProvider.create(),
            InstanceProfileCredentialsProvider.create());

    private String stackName;
    private Map<String, String> outputs;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void stack() {
        stackName = System.getenv(STACK_VARIABLE);
        assumeTrue(
                stackName != null && !stackName.isBlank(),
                STACK_VARIABLE + " is not set: the tests against a deployed stack run only when it names one");
        try (var cloudFormation = CloudFormationClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(CREDENTIALS)
                .build()) {
            outputs = cloudFormation.describeStacks(r -> r.stackName(stackName)).stacks().get(0).outputs().stream()
                    .collect(Collectors.toMap(Output::outputKey, Output::outputValue));
        }
    }

    @Test
    void aComplaintPostedToTheDeployedForm_isReadBackThroughTheAdminApi() throws Exception {
        // GIVEN the stack's API and a read token of its command line's Cognito client
        URI api = URI.create(output("ApiUrl"));
        String token = readToken();
        String email = "deployed-stack-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";

        // WHEN a complaint is posted to the form's JSON API
        var posted = http.send(
                HttpRequest.newBuilder(api.resolve("complaints"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"mailingId\":\"14141611\",\"email\":\"" + email
                                + "\",\"message\":\"A test of the deployed stack.\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        // THEN it is accepted with a reference, and the admin API shows that case, as the form's
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        String reference = JSON.readTree(posted.body()).get("reference").asText();
        var read = HttpRequest.newBuilder(api.resolve("admin/complaints/14141611/" + reference))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    var response = http.send(read, HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                    JsonNode found = JSON.readTree(response.body());
                    assertThat(found.get("complaintId").asText()).isEqualTo(reference);
                    assertThat(found.get("mailingId").asText()).isEqualTo("14141611");
                    assertThat(found.get("channel").asText()).isEqualTo("FORM");
                });
    }

    /** An access token of scope abuse-desk/read: client credentials of AdminCliClientId, its secret from Cognito. */
    private String readToken() throws Exception {
        String clientId = output("AdminCliClientId");
        String secret;
        try (var cloudFormation = CloudFormationClient.builder()
                        .httpClient(UrlConnectionHttpClient.create())
                        .credentialsProvider(CREDENTIALS)
                        .build();
                var cognito = CognitoIdentityProviderClient.builder()
                        .httpClient(UrlConnectionHttpClient.create())
                        .credentialsProvider(CREDENTIALS)
                        .build()) {
            String userPool = cloudFormation
                    .describeStackResource(r -> r.stackName(stackName).logicalResourceId("AdminUserPool"))
                    .stackResourceDetail()
                    .physicalResourceId();
            secret = cognito.describeUserPoolClient(r -> r.userPoolId(userPool).clientId(clientId))
                    .userPoolClient()
                    .clientSecret();
        }
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        var response = http.send(
                HttpRequest.newBuilder(URI.create(output("AdminTokenUrl")))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                                + URLEncoder.encode("abuse-desk/read", StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("token endpoint").isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    private String output(String key) {
        String value = outputs.get(key);
        if (value == null) {
            throw new IllegalStateException("stack " + stackName + " has no output " + key
                    + (key.startsWith("Admin")
                            ? " (deployed with AdminJwtIssuer, so without its own user pool?)"
                            : ""));
        }
        return value;
    }
}
