package org.abusedesk.aws;

import static org.abusedesk.aws.Attributes.n;
import static org.abusedesk.aws.Attributes.s;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.abusedesk.conversation.NoticeClaims;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Customer notice claims in the limits table: one item per claim, put once, gone with its expiry. */
public final class DynamoDbNoticeClaims implements NoticeClaims {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbNoticeClaims(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb == null");
        this.table = Objects.requireNonNull(table, "table == null");
    }

    @Override
    public boolean claim(String key, Instant expiresAt) {
        try {
            dynamoDb.putItem(r -> r.tableName(table)
                    .item(Map.of("limitKey", s(key), "expiresAt", n(expiresAt.getEpochSecond())))
                    // TTL deletes late: a claim past its expiry is free again.
                    .conditionExpression("attribute_not_exists(limitKey) OR expiresAt < :now")
                    .expressionAttributeValues(Map.of(":now", n(Instant.now().getEpochSecond()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
