package org.abusedesk.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.abusedesk.config.Environment;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.sesv2.SesV2Client;

class AwsClientsTest {

    @Test
    void everyClient_takesItsCredentialsFromTheDefaultChain_soThatARestoredSnapshotFetchesItsOwn() {
        var clients = new AwsClients(new Environment(Map.of("AWS_REGION", "eu-central-1")));

        try (var dynamoDb = clients.dynamoDb();
                var s3 = S3Clients.client(clients);
                var ses = clients.configure(SesV2Client.builder()).build()) {
            assertThat(List.of(
                            dynamoDb.serviceClientConfiguration().credentialsProvider(),
                            s3.serviceClientConfiguration().credentialsProvider(),
                            ses.serviceClientConfiguration().credentialsProvider()))
                    .allSatisfy(provider -> assertThat(provider).isInstanceOf(DefaultCredentialsProvider.class));
        }
    }
}
