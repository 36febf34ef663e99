package org.abusedesk.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Reads items by key in batches of DynamoDB's 100, trying again after a backoff what it left unprocessed, and
 * failing once the backoff's attempts are spent rather than looping on a table over its capacity.
 */
final class BatchReads {

    static final int LIMIT = 100;

    private BatchReads() {}

    /**
     * The items of {@code keys} that exist, in no particular order.
     *
     * @param shape what else each batch asks for: a projection, consistent reads
     */
    static List<Map<String, AttributeValue>> read(
            DynamoDbClient dynamoDb,
            String table,
            List<Map<String, AttributeValue>> keys,
            UnaryOperator<KeysAndAttributes.Builder> shape,
            Backoff backoff) {
        var items = new ArrayList<Map<String, AttributeValue>>();
        for (int from = 0; from < keys.size(); from += LIMIT) {
            var batch = keys.subList(from, Math.min(keys.size(), from + LIMIT));
            Map<String, KeysAndAttributes> request = Map.of(
                    table, shape.apply(KeysAndAttributes.builder().keys(batch)).build());
            for (int attempt = 1; !request.isEmpty(); attempt++) {
                if (attempt > backoff.attempts()) {
                    throw SdkClientException.create("DynamoDB left keys unprocessed " + backoff.attempts() + " times");
                }
                if (attempt > 1) {
                    backoff.before(attempt);
                }
                var response = dynamoDb.batchGetItem(
                        BatchGetItemRequest.builder().requestItems(request).build());
                items.addAll(response.responses().getOrDefault(table, List.of()));
                request = response.unprocessedKeys();
            }
        }
        return items;
    }
}
