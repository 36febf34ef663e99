package org.abusedesk.aws;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.abusedesk.config.Environment;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds the SDK clients once per execution environment: region from {@code AWS_REGION}, credentials from the
 * default chain, and {@code AWS_ENDPOINT_URL} honoured so that the local stack and tests reach the emulator.
 *
 * <p>Every function uses DynamoDB; any other client is built by {@link #configure} where a function needs it (S3's
 * in {@link S3Clients}), so that this class names no other service and a function's zip carries only the SDK
 * modules it uses.
 */
public final class AwsClients {

    private final Region region;
    private final URI endpoint;
    private final SdkHttpClient http = UrlConnectionHttpClient.create();
    private final List<ExecutionInterceptor> interceptors;

    public AwsClients(Environment environment) {
        this(environment, List.of());
    }

    /** With interceptors on every client: how tests inject throttling, errors and crashes between calls. */
    public AwsClients(Environment environment, List<ExecutionInterceptor> interceptors) {
        this.region = Region.of(environment.require("AWS_REGION"));
        this.endpoint =
                environment.optional("AWS_ENDPOINT_URL").map(URI::create).orElse(null);
        this.interceptors = List.copyOf(interceptors);
    }

    public DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder()).build();
    }

    public Region region() {
        return region;
    }

    /** The endpoint that replaces AWS's: the emulator's, in the local stack and in tests. */
    public Optional<URI> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    /** Any client of the SDK, configured alike: for clients only one function needs. */
    public <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
        builder.region(region).httpClient(http).overrideConfiguration(c -> c.executionInterceptors(interceptors));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }
}
