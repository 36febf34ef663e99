package org.abusedesk.aws;

import static org.abusedesk.aws.Attributes.n;
import static org.abusedesk.aws.Attributes.s;

import java.time.Clock;
import java.util.HashMap;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.account.AccountContact;
import org.abusedesk.account.AccountContacts;
import org.abusedesk.account.AccountId;
import org.abusedesk.complaint.Language;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Account contacts in the accounts table: one {@code CONTACT} item per account (partition key {@code accountId}),
 * beside its {@code STATUS} item. Its {@code itemType} is none the table's stream publishes.
 */
public final class DynamoDbAccountContacts implements AccountContacts {

    static final String CONTACT = "CONTACT";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    public DynamoDbAccountContacts(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb == null");
        this.table = Objects.requireNonNull(table, "table == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    @Override
    public Optional<AccountContact> find(AccountId account) {
        var item = dynamoDb.getItem(r -> r.tableName(table)
                        .key(DynamoDbAccounts.key(account, CONTACT))
                        .consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AccountContact(
                item.get("email").s(),
                item.get("name").s(),
                Language.valueOf(item.get("language").s())));
    }

    @Override
    public void put(AccountId account, AccountContact contact) {
        var item = new HashMap<>(DynamoDbAccounts.key(account, CONTACT));
        item.put("itemType", s("contact"));
        item.put("email", s(contact.email()));
        item.put("name", s(contact.name()));
        item.put("language", s(contact.language().name()));
        item.put("updatedAt", n(clock.millis()));
        dynamoDb.putItem(r -> r.tableName(table).item(item));
    }
}
