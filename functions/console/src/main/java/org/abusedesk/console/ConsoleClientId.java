package org.abusedesk.console;

import org.abusedesk.config.Environment;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The console's client id at the user pool: {@code CONSOLE_CLIENT_ID} where given (the local stack), else looked up
 * by its name in the pool once, at start. The template cannot hand it over: the client's callback is the API's URL,
 * and the API routes to this function, so a reference would go round in a circle.
 */
final class ConsoleClientId {

    private ConsoleClientId() {}

    static String of(Environment environment, CognitoIdentityProviderClient cognito) {
        var given = environment.optional("CONSOLE_CLIENT_ID").map(String::strip).filter(id -> !id.isEmpty());
        if (given.isPresent()) {
            return given.get();
        }
        String pool = environment.require("CONSOLE_USER_POOL_ID");
        String name = environment.require("CONSOLE_CLIENT_NAME");
        return cognito.listUserPoolClientsPaginator(r -> r.userPoolId(pool).maxResults(60)).userPoolClients().stream()
                .filter(client -> name.equals(client.clientName()))
                .map(client -> client.clientId())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the user pool has no app client named " + name));
    }
}
