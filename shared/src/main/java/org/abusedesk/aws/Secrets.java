package org.abusedesk.aws;

import org.abusedesk.intake.IntakeSecret;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Reads a key from Secrets Manager once, at a function's start; the client is closed after it. */
public final class Secrets {

    private Secrets() {}

    public static IntakeSecret key(AwsClients clients, String arn) {
        try (var secrets = clients.configure(SecretsManagerClient.builder()).build()) {
            return IntakeSecret.of(secrets.getSecretValue(r -> r.secretId(arn)).secretString());
        }
    }
}
