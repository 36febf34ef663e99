package org.abusedesk.console.signin;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.console.Person;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Sessions and sign-ins under way in the console's table, one item each ({@code pk} = {@code session#} or
 * {@code signin#} and the hash), removed by TTL at {@code expiresAt}; a read checks the time itself, as TTL deletes
 * late.
 */
public final class DynamoDbSessionStore implements SessionStore {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbSessionStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb == null");
        this.table = Objects.requireNonNull(table, "table == null");
    }

    @Override
    public void create(Session session, Instant expiresAt) {
        var item = new HashMap<String, AttributeValue>();
        item.put("pk", s("session#" + session.idHash()));
        item.put("subject", s(session.person().subject()));
        item.put("name", s(session.person().name()));
        item.put("role", s(session.person().role().name()));
        item.put("csrf", s(session.csrfToken()));
        item.put("createdAt", s(session.createdAt().toString()));
        item.put("lastSeenAt", s(session.lastSeenAt().toString()));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())));
        dynamoDb.putItem(r -> r.tableName(table).item(item));
    }

    @Override
    public Optional<Session> find(String idHash) {
        var item = dynamoDb.getItem(
                        r -> r.tableName(table).key(key("session#" + idHash)).consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Session(
                idHash,
                new Person(
                        item.get("subject").s(),
                        item.get("name").s(),
                        Person.Role.valueOf(item.get("role").s())),
                item.get("csrf").s(),
                Instant.parse(item.get("createdAt").s()),
                Instant.parse(item.get("lastSeenAt").s())));
    }

    @Override
    public void touch(String idHash, Instant at) {
        dynamoDb.updateItem(r -> r.tableName(table)
                .key(key("session#" + idHash))
                .conditionExpression("attribute_exists(pk)")
                .updateExpression("SET lastSeenAt = :at")
                .expressionAttributeValues(Map.of(":at", s(at.toString()))));
    }

    @Override
    public void delete(String idHash) {
        dynamoDb.deleteItem(r -> r.tableName(table).key(key("session#" + idHash)));
    }

    @Override
    public void begin(SignInAttempt attempt) {
        var item = new HashMap<String, AttributeValue>();
        item.put("pk", s("signin#" + attempt.stateHash()));
        item.put("verifier", s(attempt.verifier()));
        item.put("nonce", s(attempt.nonce()));
        item.put("returnPath", s(attempt.returnPath()));
        item.put(
                "expiresAt",
                AttributeValue.fromN(Long.toString(attempt.expiresAt().getEpochSecond())));
        dynamoDb.putItem(r -> r.tableName(table).item(item));
    }

    @Override
    public Optional<SignInAttempt> take(String stateHash, Instant now) {
        var old = dynamoDb.deleteItem(
                        r -> r.tableName(table).key(key("signin#" + stateHash)).returnValues(ReturnValue.ALL_OLD))
                .attributes();
        if (old == null || old.isEmpty()) {
            return Optional.empty();
        }
        var expiresAt =
                Instant.ofEpochSecond(Long.parseLong(old.get("expiresAt").n()));
        if (!now.isBefore(expiresAt)) {
            return Optional.empty();
        }
        return Optional.of(new SignInAttempt(
                stateHash,
                old.get("verifier").s(),
                old.get("nonce").s(),
                old.get("returnPath").s(),
                expiresAt));
    }

    private static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", s(pk));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
