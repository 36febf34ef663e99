package org.abusedesk.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;
import org.abusedesk.account.AccountContact;
import org.abusedesk.account.AccountId;
import org.abusedesk.complaint.Language;
import org.junit.jupiter.api.Test;

class AccountContactRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AccountId ACCOUNT = new AccountId("121070");
    private static final Map<String, String> PATH = Map.of("accountId", "121070");
    private static final String SET_CONTACT = "PUT /admin/accounts/{accountId}/contact";
    private static final String SHOW = "GET /admin/accounts/{accountId}";
    private static final String HEADER = "accountId,contactEmail,contactName,language\n";

    private final InMemoryAdminApi api = new InMemoryAdminApi();

    @Test
    void setContact_storesIt_answersIt_andTheAccountShowsIt() throws Exception {
        var response = api.call(
                SET_CONTACT,
                PATH,
                InMemoryAdminApi.WRITE,
                "{\"email\":\"owner@shop.example\",\"name\":\"Shop GmbH\",\"language\":\"DE\"}");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.getBody()))
                .isEqualTo(
                        JSON.readTree("{\"email\":\"owner@shop.example\",\"name\":\"Shop GmbH\",\"language\":\"de\"}"));
        assertThat(api.contacts.find(ACCOUNT))
                .contains(new AccountContact("owner@shop.example", "Shop GmbH", Language.DE));
        // No complaint named the account yet: it is shown as the desk treats it, with its contact.
        assertThat(JSON.readTree(api.get(SHOW, PATH, Map.of()).getBody()))
                .isEqualTo(JSON.readTree("{\"accountId\":\"121070\",\"status\":\"ACTIVE\",\"complaints\":0,"
                        + "\"verifiedComplaints\":0,\"contact\":{\"email\":\"owner@shop.example\","
                        + "\"name\":\"Shop GmbH\",\"language\":\"de\"}}"));
    }

    @Test
    void show_ofAnAccountWithoutContact_saysNull_andOfOneNeitherNamedNorWithContact_is404() throws Exception {
        api.accounts.count(ACCOUNT, false, Optional.empty());

        JsonNode account = JSON.readTree(api.get(SHOW, PATH, Map.of()).getBody());

        assertThat(account.get("complaints").asLong()).isEqualTo(1);
        assertThat(account.get("contact").isNull()).isTrue();
        assertThat(api.get(SHOW, Map.of("accountId", "999999"), Map.of()).getStatusCode())
                .isEqualTo(404);
    }

    @Test
    void setContact_aHeaderInjection_aDisplayNameAndAMultiLineName_are400NamingEachField_andNothingIsStored()
            throws Exception {
        var response = api.call(
                SET_CONTACT,
                PATH,
                InMemoryAdminApi.WRITE,
                "{\"email\":\"a@b.example\\r\\nBcc: x@y\",\"name\":\"Shop\\nGmbH\",\"language\":\"fr\"}");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.getBody()))
                .isEqualTo(JSON.readTree("{\"errors\":["
                        + "{\"field\":\"email\",\"message\":\"must be a single line without control characters\"},"
                        + "{\"field\":\"name\",\"message\":\"must be a single line without control characters\"},"
                        + "{\"field\":\"language\",\"message\":\"must be de or en\"}]}"));
        var displayName = api.call(
                SET_CONTACT,
                PATH,
                InMemoryAdminApi.WRITE,
                "{\"email\":\"Shop <owner@shop.example>\",\"name\":\"Shop\",\"language\":\"de\"}");
        assertThat(JSON.readTree(displayName.getBody()).at("/errors/0/message").asText())
                .isEqualTo("must be the address alone, without a display name");
        var two = api.call(
                SET_CONTACT,
                PATH,
                InMemoryAdminApi.WRITE,
                "{\"email\":\"owner@shop.example, x@y.example\",\"name\":\"Shop\",\"language\":\"de\"}");
        assertThat(JSON.readTree(two.getBody()).at("/errors/0/message").asText())
                .isEqualTo("must be one mail address");
        assertThat(api.contacts.all()).isEmpty();
    }

    @Test
    void setContact_withANonTextField_is400NamingIt() throws Exception {
        var response = api.call(
                SET_CONTACT,
                PATH,
                InMemoryAdminApi.WRITE,
                "{\"email\":[\"a@b.example\"],\"name\":\"x\",\"language\":\"de\"}");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.getBody()).at("/errors/0/field").asText())
                .isEqualTo("email");
    }

    @Test
    void contactRoutes_needTheWriteScope() {
        var set = api.call(
                SET_CONTACT,
                PATH,
                InMemoryAdminApi.READ,
                "{\"email\":\"owner@shop.example\",\"name\":\"Shop GmbH\",\"language\":\"de\"}");
        var imported = api.importContacts(
                HEADER + "121070,owner@shop.example,Shop GmbH,de\n", "text/csv", InMemoryAdminApi.READ);

        assertThat(set.getStatusCode()).isEqualTo(403);
        assertThat(imported.getStatusCode()).isEqualTo(403);
        assertThat(api.contacts.all()).isEmpty();
    }

    @Test
    void importContacts_storesTheGoodRows_andReportsEachBadOneByLineAndColumn() throws Exception {
        var response = api.importContacts(
                HEADER
                        + "121070,owner@shop.example,Shop GmbH,de\n"
                        + "121071,\"owner@shop.example\r\nBcc: x@y\",Store,en\n"
                        + "121072,abuse@store.example,Store Ltd,EN\n",
                "text/csv; charset=utf-8",
                InMemoryAdminApi.WRITE);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.getBody()))
                .isEqualTo(JSON.readTree("{\"rows\":3,\"written\":2,\"rejected\":1,\"rejectedRows\":[{\"line\":3,"
                        + "\"accountId\":\"121071\",\"errors\":[{\"field\":\"contactEmail\",\"message\":"
                        + "\"must be a single line without control characters\"}],\"reason\":\"contactEmail: must be a"
                        + " single line without control characters\"}],\"complete\":true}"));
        assertThat(api.contacts.all().keySet()).containsExactlyInAnyOrder(ACCOUNT, new AccountId("121072"));
    }

    @Test
    void importContacts_ofMoreThan1MiB_is413_andStoresNothing() throws Exception {
        var csv = new StringBuilder(HEADER);
        while (csv.length() <= MailingRoutes.MAX_IMPORT_BYTES) {
            csv.append("121070,owner@shop.example,Shop GmbH,de\n");
        }

        var response = api.importContacts(csv.toString(), "text/csv", InMemoryAdminApi.WRITE);

        assertThat(response.getStatusCode()).isEqualTo(413);
        assertThat(api.contacts.all()).isEmpty();
    }

    @Test
    void importContacts_notAsCsv_is415_andWithAWrongHeader_is400NamingTheHeader() throws Exception {
        assertThat(api.importContacts(HEADER, "application/json", InMemoryAdminApi.WRITE)
                        .getStatusCode())
                .isEqualTo(415);
        var response = api.importContacts("accountId,email\n121070,a@b.example\n", "text/csv", InMemoryAdminApi.WRITE);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.getBody()).at("/errors/0/field").asText())
                .isEqualTo("header");
        assertThat(api.contacts.all()).isEmpty();
    }
}
