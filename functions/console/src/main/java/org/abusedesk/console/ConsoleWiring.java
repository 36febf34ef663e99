package org.abusedesk.console;

import java.time.Clock;
import org.abusedesk.aws.AwsClients;
import org.abusedesk.config.Environment;
import org.abusedesk.console.signin.DynamoDbSessionStore;
import org.abusedesk.console.signin.OidcClient;
import org.abusedesk.snapstart.Priming;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** The console's collaborators, built from its function's environment: the gate with its sessions and its pages. */
public record ConsoleWiring(ConsoleGate gate, Priming priming) {

    /** A function's. */
    public static ConsoleWiring of(Environment environment) {
        return of(environment, new AwsClients(environment));
    }

    /** With the given clients. */
    public static ConsoleWiring of(Environment environment, AwsClients clients) {
        String clientId;
        if (environment.optional("CONSOLE_CLIENT_ID").isPresent()) {
            clientId = ConsoleClientId.of(environment, null);
        } else {
            try (var cognito =
                    clients.configure(CognitoIdentityProviderClient.builder()).build()) {
                clientId = ConsoleClientId.of(environment, cognito);
            }
        }
        var settings = ConsoleSettings.of(environment, clientId);
        var dynamoDb = clients.dynamoDb();
        String table = environment.require("CONSOLE_SESSIONS_TABLE");
        var sessions = new DynamoDbSessionStore(dynamoDb, table);
        var pages = ConsolePagesWiring.of(environment, clients);
        var gate = new ConsoleGate(settings, new OidcClient(settings), sessions, pages, Clock.systemUTC());
        return new ConsoleWiring(gate, () -> {
            // Warms the client; nothing is read that a session or a person owns.
            Priming.warm(() -> dynamoDb.describeTable(r -> r.tableName(table)));
        });
    }
}
