package org.abusedesk.local;

import java.net.URI;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** An AWS-compatible endpoint (the moto server, or any other) and the clients the local stack uses on it. */
public record AwsEndpoint(URI uri, Region region) {

    /** The account id the moto server reports. */
    public static final String ACCOUNT_ID = "123456789012";

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    public AwsEndpoint {
        Objects.requireNonNull(uri, "uri == null");
        Objects.requireNonNull(region, "region == null");
    }

    public DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public DynamoDbStreamsClient dynamoDbStreams() {
        return configure(DynamoDbStreamsClient.builder())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public SqsClient sqs() {
        return configure(SqsClient.builder())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public S3Client s3() {
        return configure(S3Client.builder())
                .forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public EventBridgeClient eventBridge() {
        return configure(EventBridgeClient.builder())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public SecretsManagerClient secretsManager() {
        return configure(SecretsManagerClient.builder())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public SesClient ses() {
        return configure(SesClient.builder())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        return builder.endpointOverride(uri).region(region).credentialsProvider(CREDENTIALS);
    }
}
