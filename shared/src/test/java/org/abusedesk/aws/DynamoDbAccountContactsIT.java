package org.abusedesk.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.abusedesk.account.AccountContact;
import org.abusedesk.account.AccountContactRequest;
import org.abusedesk.account.AccountId;
import org.abusedesk.account.AccountStatus;
import org.abusedesk.account.SetAccountContact;
import org.abusedesk.complaint.Language;
import org.abusedesk.local.Stack;
import org.abusedesk.registration.ImportAccountContacts;
import org.abusedesk.testkit.MotoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(MotoExtension.class)
class DynamoDbAccountContactsIT {

    private static final Instant NOW = Instant.parse("2025-11-20T09:30:00Z");

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final DynamoDbAccountContacts contacts;
    private final DynamoDbAccounts accounts;

    DynamoDbAccountContactsIT(Stack stack) {
        this.dynamoDb = stack.aws().dynamoDb();
        this.table = stack.ref("AccountsTable");
        this.contacts = new DynamoDbAccountContacts(dynamoDb, table, Clock.fixed(NOW, ZoneOffset.UTC));
        this.accounts = new DynamoDbAccounts(dynamoDb, table);
    }

    @Test
    void put_storesTheContactAsTheAccountsContactItem_andFindGivesItBack() {
        var account = newAccount();
        var contact = new AccountContact("owner@shop.example", "Shop GmbH, \"Berlin\"", Language.DE);

        contacts.put(account, contact);

        assertThat(contacts.find(account)).contains(contact);
        var item = dynamoDb.getItem(r -> r.tableName(table)
                        .key(Map.of(
                                "accountId",
                                AttributeValue.fromS(account.value()),
                                "sk",
                                AttributeValue.fromS("CONTACT"))))
                .item();
        assertThat(item)
                .isEqualTo(Map.of(
                        "accountId", AttributeValue.fromS(account.value()),
                        "sk", AttributeValue.fromS("CONTACT"),
                        "itemType", AttributeValue.fromS("contact"),
                        "email", AttributeValue.fromS("owner@shop.example"),
                        "name", AttributeValue.fromS("Shop GmbH, \"Berlin\""),
                        "language", AttributeValue.fromS("DE"),
                        "updatedAt", AttributeValue.fromN(Long.toString(NOW.toEpochMilli()))));
    }

    @Test
    void put_replacesTheContactBefore() {
        var account = newAccount();
        contacts.put(account, new AccountContact("owner@shop.example", "Shop GmbH", Language.DE));

        contacts.put(account, new AccountContact("abuse@shop.example", "Shop Abuse", Language.EN));

        assertThat(contacts.find(account))
                .contains(new AccountContact("abuse@shop.example", "Shop Abuse", Language.EN));
    }

    @Test
    void find_ofAnAccountWithoutContact_isEmpty() {
        assertThat(contacts.find(newAccount())).isEmpty();
    }

    @Test
    void aContact_isNoStatusOrHistoryOfTheAccount() {
        var account = newAccount();

        contacts.put(account, new AccountContact("owner@shop.example", "Shop GmbH", Language.DE));

        assertThat(accounts.find(account)).isEmpty();
        assertThat(accounts.status(account)).isEqualTo(AccountStatus.ACTIVE);
        assertThat(accounts.of(account)).isEmpty();
    }

    @Test
    void setAndImport_storeInTheTable() {
        var first = newAccount();
        var second = newAccount();
        new SetAccountContact(contacts)
                .set(new AccountContactRequest(first.value(), "owner@shop.example", "Shop GmbH", "de"));

        var report = new ImportAccountContacts(contacts)
                .importCsv(new ByteArrayInputStream(("accountId,contactEmail,contactName,language\n"
                                + first.value() + ",abuse@shop.example,Shop GmbH,en\n"
                                + second.value() + ",owner@store.example,Store Ltd,de\n")
                        .getBytes(StandardCharsets.UTF_8)));

        assertThat(report.written()).isEqualTo(2);
        assertThat(contacts.find(first)).contains(new AccountContact("abuse@shop.example", "Shop GmbH", Language.EN));
        assertThat(contacts.find(second)).contains(new AccountContact("owner@store.example", "Store Ltd", Language.DE));
    }

    private static AccountId newAccount() {
        return new AccountId("acct-" + UUID.randomUUID());
    }
}
