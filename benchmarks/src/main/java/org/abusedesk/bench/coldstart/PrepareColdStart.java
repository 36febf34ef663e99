package org.abusedesk.bench.coldstart;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.abusedesk.account.AccountId;
import org.abusedesk.aws.DynamoDbComplaints;
import org.abusedesk.aws.DynamoDbMailings;
import org.abusedesk.complaint.Attribution;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.Complainant;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintId;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.Language;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.complaint.Salutation;
import org.abusedesk.local.AwsEndpoint;
import org.abusedesk.local.CloudFormationTemplate;
import org.abusedesk.local.ProjectRoot;
import org.abusedesk.local.Stack;
import org.abusedesk.registration.Mailing;
import org.abusedesk.testkit.MailFixtures;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;

/**
 * Prepares the cold-start runs on an AWS endpoint (the moto server): creates template.yaml's resources as the
 * local stack does, writes each function's environment as the local stack gives it, and prepares one fresh event
 * per run, so that no run finds its work done by an earlier one: a form post, a complaint mail stored in the
 * bucket with its SES event, two received complaints on fresh registered mailings with their queue messages, an
 * admin read of a stored case, and the baseline's item.
 *
 * <p>Arguments: endpoint URL, output folder, events per function. Writes {@code env/<name>.properties} and
 * {@code events/<name>/NNNNN.json} for the names form, inbound, processor, admin and baseline.
 */
public final class PrepareColdStart {

    private static final Region REGION = Region.EU_CENTRAL_1;

    private PrepareColdStart() {}

    public static void main(String[] args) throws IOException {
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        var aws = new AwsEndpoint(URI.create(args[0]), REGION);
        Path out = Path.of(args[1]);
        int count = Integer.parseInt(args[2]);
        var root = ProjectRoot.find().path();
        var template = CloudFormationTemplate.load(root.resolve("template.yaml"));
        var stack = Stack.create(
                template,
                "cold" + UUID.randomUUID().toString().substring(0, 6),
                // Every run posts from the sample's one address: the rate limit must not answer 429.
                Map.of("CreateSenderIdentity", "true", "RateLimitComplaints", "1000000"),
                aws);

        environment(out, "form", stack.runtimeEnvironment(stack.function("ComplaintFormFunction")));
        environment(out, "inbound", stack.runtimeEnvironment(stack.function("InboundMailFunction")));
        environment(out, "processor", stack.runtimeEnvironment(stack.function("ComplaintProcessorFunction")));
        environment(out, "admin", stack.runtimeEnvironment(stack.function("AdminApiFunction")));
        environment(
                out,
                "baseline",
                Map.of(
                        "AWS_REGION",
                        REGION.id(),
                        "AWS_ENDPOINT_URL",
                        aws.uri().toString(),
                        "TABLE_NAME",
                        stack.ref("IntakeTable")));

        String formEvent = Files.readString(root.resolve("events/apigw/submit-complaint.json"));
        String sesEvent = Files.readString(root.resolve("events/ses/inbound-mail.json"));
        String sqsEvent = Files.readString(root.resolve("events/sqs/new-complaints.json"));
        var inbound = stack.function("InboundMailFunction").environment();
        var processor = stack.function("ComplaintProcessorFunction").environment();
        String sampleReceipt = "o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1";
        ComplaintKey firstCase = null;
        try (var s3 = aws.s3();
                var dynamoDb = aws.dynamoDb()) {
            var complaints = new DynamoDbComplaints(dynamoDb, processor.get("COMPLAINTS_TABLE"));
            var mailings = new DynamoDbMailings(dynamoDb, processor.get("MAILINGS_TABLE"));
            for (int i = 0; i < count; i++) {
                String run = String.format("%05d", i);
                write(out, "form", run, formEvent);

                String receiptId = "cold" + UUID.randomUUID().toString().replace("-", "");
                s3.putObject(
                        r -> r.bucket(inbound.get("INBOUND_BUCKET")).key(inbound.get("INBOUND_PREFIX") + receiptId),
                        RequestBody.fromString(MailFixtures.forwardedComplaint().text(), StandardCharsets.UTF_8));
                write(out, "inbound", run, sesEvent.replace(sampleReceipt, receiptId));

                var first = received(complaints, mailings, "p" + run + "a");
                var second = received(complaints, mailings, "p" + run + "b");
                if (firstCase == null) {
                    firstCase = first;
                }
                write(
                        out,
                        "processor",
                        run,
                        sqsEvent.replace("14141611", first.mailingId().value())
                                .replace(
                                        "01KAYZ7W3J5D6Q0ZV8G5N4M2XQ",
                                        first.complaintId().value())
                                .replace("14141612", second.mailingId().value())
                                .replace(
                                        "01KAYZ7W3J5D6Q0ZV8G5N4M2XR",
                                        second.complaintId().value()));

                write(out, "baseline", run, "{\"id\":\"" + run + "-" + UUID.randomUUID() + "\"}");
            }
            for (int i = 0; i < count; i++) {
                write(out, "admin", String.format("%05d", i), adminEvent(firstCase));
            }
        }
        System.out.println("prepared " + count + " cold starts of each function in " + out + " on " + aws.uri());
    }

    /** A complaint received through the form on a fresh mailing of account 121070, as the intake stores it. */
    private static ComplaintKey received(DynamoDbComplaints complaints, DynamoDbMailings mailings, String mailingId) {
        var now = Instant.now();
        mailings.register(Mailing.registered(
                new MailingId(mailingId),
                new AccountId("121070"),
                OptionalLong.of(100_000),
                now.minus(Duration.ofHours(1)),
                Optional.of("Winter sale"),
                Optional.of("news@shop.example")));
        var key = new ComplaintKey(new MailingId(mailingId), ComplaintId.generate());
        complaints.add(new Complaint(
                key,
                Channel.FORM,
                Classification.COMPLAINT,
                ComplaintState.RECEIVED,
                now,
                new Complainant("erika.muster@example.net", Optional.of("Erika Muster"), Salutation.FRAU, Language.DE),
                "Ich habe diesen Newsletter nie bestellt.",
                Attribution.NONE,
                now.plus(Duration.ofDays(180))));
        return key;
    }

    /** {@code GET /admin/complaints/{mailingId}/{complaintId}} as API Gateway passes it after the JWT authorizer. */
    private static String adminEvent(ComplaintKey key) {
        String mailing = key.mailingId().value();
        String complaint = key.complaintId().value();
        return """
                {
                  "version": "2.0",
                  "routeKey": "GET /admin/complaints/{mailingId}/{complaintId}",
                  "rawPath": "/admin/complaints/%1$s/%2$s",
                  "rawQueryString": "",
                  "headers": {"accept": "application/json", "host": "abcdef1234.execute-api.eu-central-1.amazonaws.com"},
                  "pathParameters": {"mailingId": "%1$s", "complaintId": "%2$s"},
                  "requestContext": {
                    "accountId": "123456789012",
                    "apiId": "abcdef1234",
                    "authorizer": {"jwt": {"claims": {"sub": "perf", "username": "perf", "cognito:groups": "[abuse-desk-read]"}, "scopes": ["abuse-desk/read"]}},
                    "http": {"method": "GET", "path": "/admin/complaints/%1$s/%2$s", "protocol": "HTTP/1.1",
                             "sourceIp": "198.51.100.7", "userAgent": "curl/8.5.0"},
                    "requestId": "cold-start-admin",
                    "routeKey": "GET /admin/complaints/{mailingId}/{complaintId}",
                    "stage": "$default"
                  },
                  "isBase64Encoded": false
                }
                """.formatted(mailing, complaint);
    }

    private static void environment(Path out, String name, Map<String, String> environment) throws IOException {
        Files.createDirectories(out.resolve("env"));
        var properties = new Properties();
        properties.putAll(new TreeMap<>(environment));
        try (Writer writer = Files.newBufferedWriter(out.resolve("env").resolve(name + ".properties"))) {
            properties.store(writer, "the environment the local stack gives " + name);
        }
    }

    private static void write(Path out, String name, String run, String event) throws IOException {
        var folder = out.resolve("events").resolve(name);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(run + ".json"), event);
    }
}
