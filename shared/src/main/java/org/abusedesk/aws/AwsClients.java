package org.abusedesk.aws;

import java.net.URI;
import java.util.List;
import org.abusedesk.config.Environment;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Builds the SDK clients once per execution environment: region from {@code AWS_REGION}, credentials from the
 * default chain, and {@code AWS_ENDPOINT_URL} honoured so that the local stack and tests reach the emulator.
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

    public S3Client s3() {
        // Emulators serve buckets by path, not by host name.
        return configure(S3Client.builder()).forcePathStyle(endpoint != null).build();
    }

    /** Signs links to objects; with the endpoint and path style of {@link #s3()}, so local links open locally. */
    public S3Presigner s3Presigner() {
        var builder = S3Presigner.builder()
                .region(region)
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(endpoint != null)
                        .build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    public SesV2Client sesV2() {
        return configure(SesV2Client.builder()).build();
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
