package org.abusedesk.aws;

import java.net.URI;
import org.abusedesk.config.Environment;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Builds the SDK clients once per execution environment: region from {@code AWS_REGION}, credentials from the
 * default chain, and {@code AWS_ENDPOINT_URL} honoured so that the local stack and tests reach the emulator.
 */
public final class AwsClients {

    private final Region region;
    private final URI endpoint;
    private final SdkHttpClient http = UrlConnectionHttpClient.create();

    public AwsClients(Environment environment) {
        this.region = Region.of(environment.require("AWS_REGION"));
        this.endpoint =
                environment.optional("AWS_ENDPOINT_URL").map(URI::create).orElse(null);
    }

    public DynamoDbClient dynamoDb() {
        var builder = DynamoDbClient.builder().region(region).httpClient(http);
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    public S3Client s3() {
        var builder = S3Client.builder().region(region).httpClient(http);
        if (endpoint != null) {
            // Emulators serve buckets by path, not by host name.
            builder.endpointOverride(endpoint).forcePathStyle(true);
        }
        return builder.build();
    }

    public SesV2Client sesV2() {
        var builder = SesV2Client.builder().region(region).httpClient(http);
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }
}
