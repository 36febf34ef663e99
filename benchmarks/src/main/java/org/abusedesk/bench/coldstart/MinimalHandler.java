package org.abusedesk.bench.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The cold-start baseline: the least a Java function that writes to DynamoDB does. It builds the DynamoDB client
 * as the project builds its clients (region, URL connection HTTP client, the default credentials chain, the
 * endpoint override the local stack sets) and puts one item. What a function takes beyond this is its own.
 */
public final class MinimalHandler implements RequestHandler<Map<String, String>, String> {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public MinimalHandler(Map<String, String> environment) {
        var builder = DynamoDbClient.builder()
                .region(Region.of(environment.get("AWS_REGION")))
                .httpClient(UrlConnectionHttpClient.create());
        if (environment.containsKey("AWS_ENDPOINT_URL")) {
            builder.endpointOverride(URI.create(environment.get("AWS_ENDPOINT_URL")));
        }
        this.dynamoDb = builder.build();
        this.table = environment.get("TABLE_NAME");
    }

    @Override
    public String handleRequest(Map<String, String> event, Context context) {
        dynamoDb.putItem(r -> r.tableName(table)
                .item(Map.of(
                        "pk",
                        AttributeValue.fromS("cold-start#" + event.get("id")),
                        "expiresAt",
                        AttributeValue.fromN(
                                Long.toString(Instant.now().plusSeconds(3600).getEpochSecond())))));
        return event.get("id");
    }
}
