package org.abusedesk.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeopleScopesTest {

    private static final List<String> ALL = List.of("openid", "abuse-desk/read", "abuse-desk/write");

    @Test
    void aPersonOfTheReadGroup_losesTheWriteScope_theirClientAskedFor() {
        var scopes = PeopleScopes.of(Map.of("username", "rolf", "cognito:groups", "[abuse-desk-read]"), ALL);

        assertThat(scopes).containsExactly("openid", "abuse-desk/read");
    }

    @Test
    void aPersonOfTheWriteGroup_keepsBoth_andAPersonOfNoGroup_neither() {
        assertThat(PeopleScopes.of(Map.of("username", "anna", "cognito:groups", "[abuse-desk-write]"), ALL))
                .isEqualTo(ALL);
        assertThat(PeopleScopes.of(Map.of("username", "eve"), ALL)).containsExactly("openid");
        assertThat(PeopleScopes.of(Map.of("username", "eve", "cognito:groups", "[abuse-desk-writers]"), ALL))
                .containsExactly("openid");
    }

    @Test
    void aMachineClientsToken_keepsTheScopesItWasGiven() {
        assertThat(PeopleScopes.of(Map.of("client_id", "cli", "sub", "cli"), ALL))
                .isEqualTo(ALL);
    }

    @Test
    void theGroupsClaim_isReadAsApiGatewayAndTheLocalStackWriteIt() {
        assertThat(PeopleScopes.groups("[abuse-desk-read abuse-desk-write]"))
                .containsExactly("abuse-desk-read", "abuse-desk-write");
        assertThat(PeopleScopes.groups("[abuse-desk-read, abuse-desk-write]"))
                .containsExactly("abuse-desk-read", "abuse-desk-write");
        assertThat(PeopleScopes.groups("abuse-desk-write")).containsExactly("abuse-desk-write");
        assertThat(PeopleScopes.groups("x".repeat(5000))).isEmpty();
    }
}
