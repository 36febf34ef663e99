package org.abusedesk.aws;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The S3 client and link signer, configured as {@link AwsClients} configures every client: for the functions that
 * read stored mail or link to it. The S3 SDK module is an optional dependency of this module; a function that
 * uses this class declares it.
 */
public final class S3Clients {

    private S3Clients() {}

    public static S3Client client(AwsClients clients) {
        // Emulators serve buckets by path, not by host name.
        return clients.configure(S3Client.builder())
                .forcePathStyle(clients.endpoint().isPresent())
                .build();
    }

    /** Signs links to objects; with the endpoint and path style of {@link #client}, so local links open locally. */
    public static S3Presigner presigner(AwsClients clients) {
        var builder = S3Presigner.builder()
                .region(clients.region())
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(clients.endpoint().isPresent())
                        .build());
        clients.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
