package org.abusedesk.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.abusedesk.local.CloudFormationTemplate;
import org.abusedesk.local.Outbox;
import org.abusedesk.local.ProjectRoot;
import org.abusedesk.local.Stack;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * How much a stack holds: the items of each table, the objects of each bucket and the messages of each queue of the
 * template, by logical id, and the mails the endpoint's SES accepted. Two of them compare equal when nothing was
 * written in between.
 */
public record StackContents(Map<String, Long> counts, int mailsSent) {

    public static StackContents of(Stack stack) {
        var template = CloudFormationTemplate.load(ProjectRoot.find().path().resolve("template.yaml"));
        var counts = new LinkedHashMap<String, Long>();
        try (var dynamoDb = stack.aws().dynamoDb();
                var s3 = stack.aws().s3();
                var sqs = stack.aws().sqs()) {
            for (var resource : template.resources().values()) {
                String id = resource.logicalId();
                if (!stack.exists(id)) {
                    // made only with a parameter this stack does not set: it holds nothing
                    continue;
                }
                switch (resource.type()) {
                    case "AWS::DynamoDB::Table" ->
                        counts.put(id, (long)
                                dynamoDb.scan(r -> r.tableName(stack.ref(id)).select(Select.COUNT))
                                        .count());
                    case "AWS::S3::Bucket" ->
                        counts.put(id, (long)
                                s3.listObjectsV2(r -> r.bucket(stack.ref(id))).keyCount());
                    case "AWS::SQS::Queue" -> {
                        var attributes = sqs.getQueueAttributes(r -> r.queueUrl(stack.ref(id))
                                        .attributeNames(
                                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))
                                .attributes();
                        counts.put(
                                id,
                                attributes.values().stream()
                                        .mapToLong(Long::parseLong)
                                        .sum());
                    }
                    default -> {
                        // nothing that holds data
                    }
                }
            }
        }
        return new StackContents(
                Map.copyOf(counts), new Outbox(stack.aws().uri()).mails().size());
    }

    /** The bodies of every message the queue of the logical id holds now, received (so hidden for a while). */
    public static List<String> messages(Stack stack, String queue) {
        var bodies = new ArrayList<String>();
        try (var sqs = stack.aws().sqs()) {
            String queueUrl = stack.ref(queue);
            for (var received = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10))
                            .messages();
                    !received.isEmpty();
                    received = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10))
                            .messages()) {
                received.forEach(m -> bodies.add(m.body()));
            }
        }
        return bodies;
    }

    /**
     * Where a text occurs, in any case: each item of every table and each object of every bucket of the stack that
     * holds it, by logical id. What an erasure must leave empty.
     */
    public static List<String> occurrences(Stack stack, String text) {
        String wanted = text.toLowerCase(Locale.ROOT);
        var found = new ArrayList<String>();
        var template = CloudFormationTemplate.load(ProjectRoot.find().path().resolve("template.yaml"));
        try (var dynamoDb = stack.aws().dynamoDb();
                var s3 = stack.aws().s3()) {
            for (var resource : template.resources().values()) {
                String id = resource.logicalId();
                if (!stack.exists(id)) {
                    // made only with a parameter this stack does not set: it holds nothing
                    continue;
                }
                switch (resource.type()) {
                    case "AWS::DynamoDB::Table" ->
                        dynamoDb.scanPaginator(r -> r.tableName(stack.ref(id)))
                                .items()
                                .forEach(item -> {
                                    if (item.toString().toLowerCase(Locale.ROOT).contains(wanted)) {
                                        found.add(id + ": " + item);
                                    }
                                });
                    case "AWS::S3::Bucket" -> {
                        String bucket = stack.ref(id);
                        s3.listObjectsV2Paginator(r -> r.bucket(bucket))
                                .contents()
                                .forEach(object -> {
                                    byte[] bytes = s3.getObjectAsBytes(
                                                    r -> r.bucket(bucket).key(object.key()))
                                            .asByteArray();
                                    if (new String(bytes, StandardCharsets.ISO_8859_1)
                                            .toLowerCase(Locale.ROOT)
                                            .contains(wanted)) {
                                        found.add(id + ": " + object.key());
                                    }
                                });
                    }
                    default -> {
                        // holds no data
                    }
                }
            }
        }
        return found;
    }
}
