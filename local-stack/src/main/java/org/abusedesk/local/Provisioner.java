package org.abusedesk.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.abusedesk.local.CloudFormationTemplate.Resource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Creates one template resource in the endpoint, for the resource types the local stack runs. */
final class Provisioner {

    /** A created resource: what {@code Ref} gives, and its {@code Fn::GetAtt} attributes. */
    record Physical(String ref, Map<String, String> attributes) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Stack stack;
    private final AwsEndpoint aws;

    Provisioner(Stack stack, AwsEndpoint aws) {
        this.stack = stack;
        this.aws = aws;
    }

    Physical create(Resource resource) {
        var properties = CloudFormationTemplate.map(stack.resolve(resource.properties()));
        return switch (resource.type()) {
            case "AWS::DynamoDB::Table" -> table(resource.logicalId(), properties);
            case "AWS::SQS::Queue" -> queue(resource.logicalId(), properties);
            case "AWS::S3::Bucket" -> bucket(resource.logicalId(), properties);
            case "AWS::SES::EmailIdentity" -> emailIdentity(properties);
            case "AWS::Events::EventBus" -> eventBus(resource.logicalId(), properties);
            case "AWS::Events::Rule" -> rule(resource.logicalId(), properties);
            case "AWS::SecretsManager::Secret" -> secret(resource.logicalId(), properties);
            // Run by the local stack itself (functions, pipes) or without meaning on one machine (roles, alarms):
            // they get names and ARNs so that references to them resolve.
            default -> declared(resource);
        };
    }

    private Physical table(String logicalId, Map<String, Object> properties) {
        String tableName = properties.containsKey("TableName")
                ? (String) properties.get("TableName")
                : stack.physicalName(logicalId, 255);
        try (DynamoDbClient dynamoDb = aws.dynamoDb()) {
            var stream = properties.containsKey("StreamSpecification")
                    ? CloudFormationTemplate.map(properties.get("StreamSpecification"))
                    : null;
            var response = dynamoDb.createTable(r -> {
                r.tableName(tableName)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(keySchema(properties.get("KeySchema")))
                        .attributeDefinitions(list(properties.get("AttributeDefinitions")).stream()
                                .map(d -> AttributeDefinition.builder()
                                        .attributeName((String) d.get("AttributeName"))
                                        .attributeType((String) d.get("AttributeType"))
                                        .build())
                                .toList());
                if (properties.containsKey("GlobalSecondaryIndexes")) {
                    r.globalSecondaryIndexes(list(properties.get("GlobalSecondaryIndexes")).stream()
                            .map(i -> GlobalSecondaryIndex.builder()
                                    .indexName((String) i.get("IndexName"))
                                    .keySchema(keySchema(i.get("KeySchema")))
                                    .projection(projection(CloudFormationTemplate.map(i.get("Projection"))))
                                    .build())
                            .toList());
                }
                if (stream != null) {
                    r.streamSpecification(s -> s.streamEnabled(true)
                            .streamViewType(StreamViewType.fromValue((String) stream.get("StreamViewType"))));
                }
            });
            if (properties.get("TimeToLiveSpecification") instanceof Map<?, ?> ttl
                    && Boolean.TRUE.equals(ttl.get("Enabled"))) {
                dynamoDb.updateTimeToLive(r -> r.tableName(tableName)
                        .timeToLiveSpecification(
                                t -> t.enabled(true).attributeName((String) ttl.get("AttributeName"))));
            }
            var description = response.tableDescription();
            var attributes = new HashMap<String, String>();
            attributes.put("Arn", description.tableArn());
            if (description.latestStreamArn() != null) {
                attributes.put("StreamArn", description.latestStreamArn());
            }
            return new Physical(tableName, attributes);
        }
    }

    private Physical queue(String logicalId, Map<String, Object> properties) {
        boolean fifo = Boolean.parseBoolean(String.valueOf(properties.get("FifoQueue")));
        String queueName = properties.containsKey("QueueName")
                ? (String) properties.get("QueueName")
                : stack.physicalName(logicalId, fifo ? 75 : 80) + (fifo ? ".fifo" : "");
        var attributes = new HashMap<QueueAttributeName, String>();
        for (var name : List.of(
                "VisibilityTimeout",
                "MessageRetentionPeriod",
                "DelaySeconds",
                "ReceiveMessageWaitTimeSeconds",
                "MaximumMessageSize",
                "FifoQueue")) {
            if (properties.containsKey(name)) {
                attributes.put(QueueAttributeName.fromValue(name), String.valueOf(properties.get(name)));
            }
        }
        if (properties.containsKey("RedrivePolicy")) {
            attributes.put(QueueAttributeName.REDRIVE_POLICY, json(properties.get("RedrivePolicy")));
        }
        try (var sqs = aws.sqs()) {
            String url = sqs.createQueue(r -> r.queueName(queueName).attributes(attributes))
                    .queueUrl();
            String arn = "arn:aws:sqs:" + aws.region().id() + ":" + AwsEndpoint.ACCOUNT_ID + ":" + queueName;
            return new Physical(url, Map.of("Arn", arn, "QueueName", queueName, "QueueUrl", url));
        }
    }

    private Physical bucket(String logicalId, Map<String, Object> properties) {
        String bucketName = properties.containsKey("BucketName")
                ? (String) properties.get("BucketName")
                : stack.physicalName(logicalId, 63).toLowerCase(Locale.ROOT);
        try (var s3 = aws.s3()) {
            s3.createBucket(r -> {
                r.bucket(bucketName);
                if (!aws.region().id().equals("us-east-1")) {
                    r.createBucketConfiguration(c -> c.locationConstraint(
                            BucketLocationConstraint.fromValue(aws.region().id())));
                }
            });
        }
        return new Physical(bucketName, Map.of("Arn", "arn:aws:s3:::" + bucketName, "DomainName", bucketName));
    }

    private Physical emailIdentity(Map<String, Object> properties) {
        String identity = (String) properties.get("EmailIdentity");
        try (var ses = aws.ses()) {
            if (identity.contains("@")) {
                ses.verifyEmailIdentity(r -> r.emailAddress(identity));
            } else {
                ses.verifyDomainIdentity(r -> r.domain(identity));
            }
        }
        return new Physical(identity, Map.of());
    }

    private Physical eventBus(String logicalId, Map<String, Object> properties) {
        String busName =
                properties.containsKey("Name") ? (String) properties.get("Name") : stack.physicalName(logicalId, 256);
        try (var events = aws.eventBridge()) {
            String arn = events.createEventBus(r -> r.name(busName)).eventBusArn();
            return new Physical(busName, Map.of("Arn", arn, "Name", busName));
        }
    }

    /**
     * A rule on a bus with its targets: the moto server routes the events put on the bus that match its pattern to
     * them (queues among them), as EventBridge does.
     */
    private Physical rule(String logicalId, Map<String, Object> properties) {
        String ruleName =
                properties.containsKey("Name") ? (String) properties.get("Name") : stack.physicalName(logicalId, 64);
        String bus = (String) properties.getOrDefault("EventBusName", "default");
        try (var events = aws.eventBridge()) {
            String arn = events.putRule(r -> r.name(ruleName)
                            .eventBusName(bus)
                            .eventPattern(json(properties.get("EventPattern")))
                            .state(String.valueOf(properties.getOrDefault("State", "ENABLED"))))
                    .ruleArn();
            var targets = list(properties.getOrDefault("Targets", List.of()));
            if (!targets.isEmpty()) {
                events.putTargets(r -> r.rule(ruleName)
                        .eventBusName(bus)
                        .targets(targets.stream()
                                .map(t -> software.amazon.awssdk.services.eventbridge.model.Target.builder()
                                        .id((String) t.get("Id"))
                                        .arn((String) t.get("Arn"))
                                        .build())
                                .toList()));
            }
            return new Physical(bus + "|" + ruleName, Map.of("Arn", arn));
        }
    }

    /** A secret with its value as given, or generated as {@code GenerateSecretString} says; Ref is its ARN. */
    private Physical secret(String logicalId, Map<String, Object> properties) {
        String secretName =
                properties.containsKey("Name") ? (String) properties.get("Name") : stack.physicalName(logicalId, 256);
        String value = properties.containsKey("SecretString")
                ? (String) properties.get("SecretString")
                : generatedSecret(
                        CloudFormationTemplate.map(properties.getOrDefault("GenerateSecretString", Map.of())));
        try (var secrets = aws.secretsManager()) {
            String arn = secrets.createSecret(r -> r.name(secretName).secretString(value))
                    .arn();
            return new Physical(arn, Map.of("Id", arn));
        }
    }

    /** A random secret of {@code PasswordLength} characters (32 by default), letters and digits only. */
    private static String generatedSecret(Map<String, Object> generate) {
        if (generate.containsKey("SecretStringTemplate") || generate.containsKey("GenerateStringKey")) {
            throw new IllegalArgumentException("the local stack generates plain secret strings only");
        }
        int length = Integer.parseInt(String.valueOf(generate.getOrDefault("PasswordLength", 32)));
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var random = new SecureRandom();
        var secret = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            secret.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return secret.toString();
    }

    private Physical declared(Resource resource) {
        String physicalName = stack.physicalName(resource.logicalId(), 64);
        String service = resource.type().split("::")[1].toLowerCase(Locale.ROOT);
        String arn = "arn:aws:" + service + ":" + aws.region().id() + ":" + AwsEndpoint.ACCOUNT_ID + ":" + physicalName;
        return new Physical(physicalName, Map.of("Arn", arn));
    }

    /** An index's projection, with the attributes an INCLUDE projection names: without them it holds keys only. */
    private static Projection projection(Map<String, Object> projection) {
        var builder = Projection.builder().projectionType((String) projection.get("ProjectionType"));
        if (projection.get("NonKeyAttributes") instanceof List<?> attributes) {
            builder.nonKeyAttributes(attributes.stream().map(String::valueOf).toList());
        }
        return builder.build();
    }

    private static List<KeySchemaElement> keySchema(Object value) {
        return list(value).stream()
                .map(k -> KeySchemaElement.builder()
                        .attributeName((String) k.get("AttributeName"))
                        .keyType((String) k.get("KeyType"))
                        .build())
                .toList();
    }

    private static List<Map<String, Object>> list(Object value) {
        return ((List<?>) value).stream().map(CloudFormationTemplate::map).toList();
    }

    private static String json(Object value) {
        try {
            return value instanceof String s ? s : JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value + " as JSON", e);
        }
    }
}
