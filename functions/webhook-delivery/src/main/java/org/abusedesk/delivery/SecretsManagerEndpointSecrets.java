package org.abusedesk.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.abusedesk.webhooks.WebhookSecret;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The endpoints' secrets in Secrets Manager, each kept for a few minutes: a rotation that adds a secret reaches the
 * signatures within that time, and a busy endpoint costs one read per execution environment and period.
 */
public final class SecretsManagerEndpointSecrets implements EndpointSecrets {

    /** How long a secret read is used before it is read again. */
    public static final Duration KEPT = Duration.ofMinutes(5);

    private record Kept(List<WebhookSecret> secrets, Instant until) {}

    private final SecretsManagerClient secretsManager;
    private final Clock clock;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    public SecretsManagerEndpointSecrets(SecretsManagerClient secretsManager, Clock clock) {
        this.secretsManager = secretsManager;
        this.clock = clock;
    }

    @Override
    public List<WebhookSecret> of(String secretArn) {
        var now = clock.instant();
        var secrets = kept.get(secretArn);
        if (secrets != null && now.isBefore(secrets.until())) {
            return secrets.secrets();
        }
        String value;
        try {
            value = secretsManager.getSecretValue(r -> r.secretId(secretArn)).secretString();
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "cannot read the secret " + secretArn + ": " + e.getClass().getSimpleName());
        }
        List<WebhookSecret> parsed;
        try {
            parsed = EndpointSecrets.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(secretArn + ": " + e.getMessage());
        }
        kept.put(secretArn, new Kept(parsed, now.plus(KEPT)));
        return parsed;
    }
}
