package org.abusedesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.abusedesk.aws.AwsClients;
import org.abusedesk.config.Environment;
import org.abusedesk.local.AwsEndpoint;
import org.abusedesk.testkit.MotoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** The console finds its app client in the user pool by name, as the template names it, against the moto server. */
@ExtendWith(MotoExtension.class)
class ConsoleClientIdIT {

    @Test
    void theClient_isFoundByItsName_amongThePoolsOthers_andAMissingOneStopsTheFunctionNamingIt(AwsEndpoint aws) {
        var environment = new Environment(Map.of(
                "AWS_REGION",
                aws.region().id(),
                "AWS_ENDPOINT_URL",
                aws.uri().toString(),
                "AWS_ACCESS_KEY_ID",
                "local",
                "AWS_SECRET_ACCESS_KEY",
                "local"));
        try (var cognito = new AwsClients(environment)
                .configure(CognitoIdentityProviderClient.builder())
                .build()) {
            String pool = cognito.createUserPool(r -> r.poolName("p" + UUID.randomUUID()))
                    .userPool()
                    .id();
            cognito.createUserPoolClient(r -> r.userPoolId(pool).clientName("desk-cli"));
            String console = cognito.createUserPoolClient(
                            r -> r.userPoolId(pool).clientName("desk-console"))
                    .userPoolClient()
                    .clientId();

            var settings = new Environment(Map.of("CONSOLE_USER_POOL_ID", pool, "CONSOLE_CLIENT_NAME", "desk-console"));
            var missing = new Environment(Map.of("CONSOLE_USER_POOL_ID", pool, "CONSOLE_CLIENT_NAME", "nobody"));

            assertThat(ConsoleClientId.of(settings, cognito)).isEqualTo(console);
            assertThatThrownBy(() -> ConsoleClientId.of(missing, cognito))
                    .hasMessage("the user pool has no app client named nobody");
        }
    }
}
