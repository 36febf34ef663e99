package org.abusedesk.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.abusedesk.account.AccountId;
import org.abusedesk.account.AccountStatus;
import org.abusedesk.account.StatusChange;
import org.abusedesk.cases.CaseFixtures;
import org.abusedesk.suppression.AddressHash;
import org.abusedesk.suppression.Suppression;
import org.junit.jupiter.api.Test;

class AccountRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AccountId ACCOUNT = new AccountId("121070");
    private static final Map<String, String> PATH = Map.of("accountId", "121070");
    private static final String SET_STATUS = "PUT /admin/accounts/{accountId}/status";

    private final InMemoryAdminApi api = new InMemoryAdminApi();

    @Test
    void setStatus_recordsWhoAndWhy_andTheAccountShowsIt() throws Exception {
        // GIVEN an account the desk paused
        pause();

        // WHEN a person sets it ACTIVE again with a reason
        var response = api.call(
                SET_STATUS,
                PATH,
                InMemoryAdminApi.WRITE,
                "{\"status\":\"ACTIVE\",\"reason\":\"Liste bereinigt, Double-Opt-In belegt\"}");

        // THEN the change is recorded with the token's subject, and the account and its history show it
        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode change = JSON.readTree(response.getBody());
        assertThat(change.get("from").asText()).isEqualTo("PAUSED");
        assertThat(change.get("to").asText()).isEqualTo("ACTIVE");
        assertThat(change.get("changedBy").asText()).isEqualTo("erika");
        assertThat(change.get("complaints").asLong()).isEqualTo(InMemoryAdminApi.STATISTICS.complaints());
        JsonNode account = JSON.readTree(
                api.get("GET /admin/accounts/{accountId}", PATH, Map.of()).getBody());
        assertThat(account.get("status").asText()).isEqualTo("ACTIVE");
        JsonNode history = JSON.readTree(api.get("GET /admin/accounts/{accountId}/history", PATH, Map.of())
                .getBody());
        assertThat(history.at("/items/0/reason").asText()).isEqualTo("Liste bereinigt, Double-Opt-In belegt");
        assertThat(history.at("/items/1/changedBy").asText()).isEqualTo(StatusChange.AUTOMATIC);
    }

    @Test
    void setStatus_withoutAReason_orToAnUnknownStatus_is400NamingEachField_andChangesNothing() throws Exception {
        pause();

        var response = api.call(SET_STATUS, PATH, InMemoryAdminApi.WRITE, "{\"status\":\"HAPPY\"}");

        assertThat(response.getStatusCode()).isEqualTo(400);
        var fields = new java.util.ArrayList<String>();
        JSON.readTree(response.getBody())
                .get("errors")
                .forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("status", "reason");
        assertThat(api.accounts.status(ACCOUNT)).isEqualTo(AccountStatus.PAUSED);
    }

    @Test
    void setStatus_fromAStatusTheAccountNoLongerHas_isAConflict() throws Exception {
        pause();

        var response = api.call(
                SET_STATUS,
                PATH,
                InMemoryAdminApi.WRITE,
                "{\"status\":\"ACTIVE\",\"expectedStatus\":\"FLAGGED\",\"reason\":\"geprüft\"}");

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(JSON.readTree(response.getBody()).at("/errors/0/message").asText())
                .contains("PAUSED");
        assertThat(api.accounts.status(ACCOUNT)).isEqualTo(AccountStatus.PAUSED);
    }

    @Test
    void anUnknownAccount_is404_andItsSuppressions_comeByHashOnly() throws Exception {
        assertThat(api.get("GET /admin/accounts/{accountId}", PATH, Map.of()).getStatusCode())
                .isEqualTo(404);

        api.accounts.count(
                ACCOUNT,
                true,
                Optional.of(new Suppression(
                        ACCOUNT, AddressHash.of(CaseFixtures.ERIKA), CaseFixtures.NOW, "01KB3V9X4E0ZQ6K8N2M5T7R1YH")));
        var page = api.get("GET /admin/accounts/{accountId}/suppressions", PATH, Map.of());

        assertThat(page.getStatusCode()).isEqualTo(200);
        JsonNode items = JSON.readTree(page.getBody()).get("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("addressHash").asText())
                .isEqualTo(AddressHash.of(CaseFixtures.ERIKA).value());
        assertThat(page.getBody()).doesNotContain("erika");
        assertThat(JSON.readTree(api.get("GET /admin/accounts/{accountId}", PATH, Map.of())
                                .getBody())
                        .get("verifiedComplaints")
                        .asLong())
                .isEqualTo(1);
    }

    private void pause() {
        api.accounts.changeStatus(new StatusChange(
                ACCOUNT,
                AccountStatus.ACTIVE,
                AccountStatus.PAUSED,
                CaseFixtures.NOW.minusSeconds(3600),
                "0.4 % complaints",
                StatusChange.AUTOMATIC,
                InMemoryAdminApi.STATISTICS,
                List.of("01KB3V9X4E0ZQ6K8N2M5T7R1YH")));
    }
}
