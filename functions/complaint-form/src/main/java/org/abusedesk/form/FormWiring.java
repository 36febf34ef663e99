package org.abusedesk.form;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.abusedesk.aws.AwsClients;
import org.abusedesk.aws.DynamoDbComplaints;
import org.abusedesk.aws.DynamoDbIdempotencyRecords;
import org.abusedesk.aws.DynamoDbSourceCounter;
import org.abusedesk.aws.EmbeddedMetrics;
import org.abusedesk.aws.Secrets;
import org.abusedesk.config.DeskSettings;
import org.abusedesk.config.Environment;
import org.abusedesk.intake.FormTokens;
import org.abusedesk.intake.IdempotencyKey;
import org.abusedesk.intake.IntakeSecret;
import org.abusedesk.intake.SourceLimit;
import org.abusedesk.intake.SubmitComplaint;
import org.abusedesk.intake.SubmitFormComplaint;
import org.abusedesk.snapstart.Priming;

/**
 * The form function's collaborators, as its environment configures them, each built once per execution environment.
 *
 * @param secret the intake secret that signs form tokens, confirmation links and source keys
 * @param warmUp what the snapshot reads beside the form's own requests, to warm the clients; changes nothing
 */
public record FormWiring(
        SubmitComplaint submitComplaint,
        SubmitFormComplaint submitForm,
        IntakeSecret secret,
        FormSettings settings,
        Priming warmUp) {

    public FormWiring {
        Objects.requireNonNull(submitComplaint, "submitComplaint == null");
        Objects.requireNonNull(submitForm, "submitForm == null");
        Objects.requireNonNull(secret, "secret == null");
        Objects.requireNonNull(settings, "settings == null");
        Objects.requireNonNull(warmUp, "warmUp == null");
    }

    /** The function on the tables and the secret of its environment. */
    public static FormWiring of(Environment environment) {
        return of(environment, new AwsClients(environment));
    }

    /** The same function on the given clients: how tests put faults between the function and AWS. */
    public static FormWiring of(Environment environment, AwsClients clients) {
        var dynamoDb = clients.dynamoDb();
        var clock = Clock.systemUTC();
        var secret = intakeSecret(environment, clients);
        int retentionDays = environment.requirePositiveInt("RETENTION_DAYS");
        var limit = new SourceLimit(
                environment.requirePositiveInt("RATE_LIMIT_COMPLAINTS"),
                Duration.ofMinutes(environment.requirePositiveInt("RATE_LIMIT_WINDOW_MINUTES")));
        var metrics = new EmbeddedMetrics(System.out, clock);
        String intakeTable = environment.require("INTAKE_TABLE");
        var idempotency = new DynamoDbIdempotencyRecords(dynamoDb, intakeTable);
        var submitComplaint = new SubmitComplaint(
                new DynamoDbComplaints(dynamoDb, environment.require("COMPLAINTS_TABLE")),
                idempotency,
                new DynamoDbSourceCounter(dynamoDb, intakeTable, limit),
                metrics,
                DeskSettings.mailingIdFormat(environment),
                clock,
                Duration.ofDays(retentionDays));
        var submitForm = new SubmitFormComplaint(
                submitComplaint,
                new FormTokens(secret),
                metrics,
                clock,
                Duration.ofSeconds(environment.requireNonNegativeInt("FORM_MIN_FILL_SECONDS")));
        return new FormWiring(
                submitComplaint,
                submitForm,
                secret,
                new FormSettings(environment.require("ABUSE_ADDRESS"), retentionDays, limit),
                () -> {
                    metrics.rehearse();
                    // The role may read the intake table (not the complaints table); no key has this shape.
                    Priming.warm(() -> idempotency.find(new IdempotencyKey("snapstart-priming"), clock.instant()));
                });
    }

    /** Read once, at construction: the client is closed after it, as no later request needs it. */
    private static IntakeSecret intakeSecret(Environment environment, AwsClients clients) {
        return Secrets.key(clients, environment.require("INTAKE_SECRET_ARN"));
    }
}
