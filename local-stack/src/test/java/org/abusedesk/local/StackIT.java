package org.abusedesk.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.abusedesk.local.FunctionDefinition.HttpRoute;
import org.abusedesk.local.FunctionDefinition.QueueSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.ses.model.IdentityType;
import software.amazon.awssdk.services.ses.model.VerificationStatus;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class StackIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static MotoServer moto;
    private static AwsEndpoint aws;
    private static Stack stack;
    private static DynamoDbClient dynamoDb;
    private static SqsClient sqs;
    private static SesClient ses;

    @BeforeAll
    static void createStack() {
        moto = MotoServer.start(0, TestProject.root(), Path.of("target/moto-it.log"));
        aws = new AwsEndpoint(moto.endpoint(), Region.EU_CENTRAL_1);
        dynamoDb = aws.dynamoDb();
        sqs = aws.sqs();
        ses = aws.ses();
        stack = Stack.create(
                CloudFormationTemplate.load(TestProject.root().resolve("template.yaml")),
                TestProject.uniqueStackName(),
                Map.of("CreateSenderIdentity", "true"),
                aws);
    }

    @AfterAll
    static void stopMoto() {
        if (dynamoDb != null) {
            dynamoDb.close();
            sqs.close();
            ses.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void create_makesTheTableWithItsKeysStreamAndTtl() {
        // GIVEN the stack of the project's template
        String tableName = stack.ref("ComplaintsTable");

        // WHEN the table is described
        var table = dynamoDb.describeTable(r -> r.tableName(tableName)).table();
        var ttl = dynamoDb.describeTimeToLive(r -> r.tableName(tableName)).timeToLiveDescription();

        // THEN it is named after the stack, keyed by mailingId / complaintId, streams new images and expires items
        assertThat(tableName).isEqualTo(stack.name() + "-ComplaintsTable");
        assertThat(table.keySchema())
                .containsExactly(
                        KeySchemaElement.builder()
                                .attributeName("mailingId")
                                .keyType(KeyType.HASH)
                                .build(),
                        KeySchemaElement.builder()
                                .attributeName("complaintId")
                                .keyType(KeyType.RANGE)
                                .build());
        assertThat(table.streamSpecification().streamEnabled()).isTrue();
        assertThat(table.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(table.latestStreamArn()).isNotBlank().isEqualTo(stack.attribute("ComplaintsTable", "StreamArn"));
        assertThat(table.tableArn()).isEqualTo(stack.attribute("ComplaintsTable", "Arn"));
        assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        assertThat(ttl.attributeName()).isEqualTo("expiresAt");
    }

    @Test
    void create_makesTheComplaintsTablesIndexes_withTheAttributesTheyProject() {
        // GIVEN the stack of the project's template
        String tableName = stack.ref("ComplaintsTable");

        // WHEN the table's secondary indexes are described
        var indexes =
                dynamoDb.describeTable(r -> r.tableName(tableName)).table().globalSecondaryIndexes();

        // THEN mailed complaints are found by receipt id (keys only), every complaint by state and id, with its
        // classification, counted ones by account and id, and those holding an address by its hash (keys only)
        assertThat(indexes)
                .extracting(
                        i -> i.indexName(),
                        i -> i.keySchema().stream()
                                .map(k -> k.attributeName() + ":" + k.keyType())
                                .toList(),
                        i -> i.projection().projectionTypeAsString(),
                        i -> i.projection().nonKeyAttributes())
                .containsExactlyInAnyOrder(
                        tuple("byReceipt", List.of("receiptId:HASH"), "KEYS_ONLY", List.of()),
                        tuple(
                                "byState",
                                List.of("state:HASH", "complaintId:RANGE"),
                                "INCLUDE",
                                List.of("classification")),
                        tuple("byAccount", List.of("accountId:HASH", "complaintId:RANGE"), "KEYS_ONLY", List.of()),
                        tuple("byComplainant", List.of("complainantHash:HASH"), "KEYS_ONLY", List.of()));
    }

    @Test
    void create_makesTheQueueWithItsDeadLetterRedriveAndVisibilityTimeout() throws Exception {
        // GIVEN the stack of the project's template
        String queueUrl = stack.ref("ComplaintsQueue");
        String deadLetterUrl = stack.ref("ComplaintsDeadLetterQueue");

        // WHEN both queues are described
        var queue = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.ALL))
                .attributes();
        var deadLetter = sqs.getQueueAttributes(r -> r.queueUrl(deadLetterUrl).attributeNames(QueueAttributeName.ALL))
                .attributes();

        // THEN the queue redrives to the dead-letter queue after 5 receives and hides a message for 180 s
        var redrive = JSON.readTree(queue.get(QueueAttributeName.REDRIVE_POLICY));
        assertThat(redrive.get("deadLetterTargetArn").asText())
                .isEqualTo(deadLetter.get(QueueAttributeName.QUEUE_ARN))
                .isEqualTo(stack.attribute("ComplaintsDeadLetterQueue", "Arn"))
                .isEqualTo("arn:aws:sqs:eu-central-1:123456789012:" + stack.name() + "-ComplaintsDeadLetterQueue");
        assertThat(redrive.get("maxReceiveCount").asInt()).isEqualTo(5);
        assertThat(queue.get(QueueAttributeName.VISIBILITY_TIMEOUT)).isEqualTo("180");
        assertThat(queue.get(QueueAttributeName.QUEUE_ARN)).isEqualTo(stack.attribute("ComplaintsQueue", "Arn"));
        assertThat(deadLetter.get(QueueAttributeName.MESSAGE_RETENTION_PERIOD)).isEqualTo("1209600");
        assertThat(deadLetter).doesNotContainKey(QueueAttributeName.REDRIVE_POLICY);
        assertThat(stack.attribute("ComplaintsDeadLetterQueue", "QueueName"))
                .isEqualTo(stack.name() + "-ComplaintsDeadLetterQueue");
    }

    @Test
    void create_withCreateSenderIdentity_verifiesTheSenderDomainInSes() {
        // GIVEN the stack, made with CreateSenderIdentity=true

        // WHEN SES lists its identities
        var identities =
                ses.listIdentities(r -> r.identityType(IdentityType.DOMAIN)).identities();
        var verification = ses.getIdentityVerificationAttributes(r -> r.identities("example.com"))
                .verificationAttributes();

        // THEN the sender domain is one, and verified
        assertThat(identities).contains("example.com");
        assertThat(verification.get("example.com").verificationStatus()).isEqualTo(VerificationStatus.SUCCESS);
        assertThat(stack.ref("SenderEmailIdentity")).isEqualTo("example.com");
    }

    @Test
    void create_withoutCreateSenderIdentity_leavesSesAlone() {
        // GIVEN a sender identity only this test uses, and the parameter left at its default "false"
        String identity = TestProject.uniqueStackName() + ".example.org";

        // WHEN a stack is made
        var other = Stack.create(
                TestProject.template(), TestProject.uniqueStackName(), Map.of("SenderIdentity", identity), aws);

        // THEN SES does not know the identity, and referring to the conditional resource fails
        assertThat(ses.listIdentities().identities()).doesNotContain(identity);
        assertThatThrownBy(() -> other.ref("SenderEmailIdentity"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("SenderEmailIdentity is referred to, but its condition is false");
    }

    @Test
    void create_withAnAddressAsSenderIdentity_verifiesTheAddress() {
        // GIVEN an e-mail address as the sender identity
        String address = "desk@" + TestProject.uniqueStackName() + ".example.org";

        // WHEN a stack is made that creates it
        Stack.create(
                TestProject.template(),
                TestProject.uniqueStackName(),
                Map.of("CreateSenderIdentity", "true", "SenderIdentity", address),
                aws);

        // THEN SES lists it as an address identity
        assertThat(ses.listIdentities(r -> r.identityType(IdentityType.EMAIL_ADDRESS))
                        .identities())
                .contains(address);
    }

    @Test
    void functions_areTheTemplatesFunctionsWithHandlersAndResolvedEnvironment() {
        // GIVEN the stack of the project's template
        String tableName = stack.ref("ComplaintsTable");

        // WHEN its functions are read
        var functions = stack.functions();

        // THEN they are the template's, with handler classes, names and environment resolved
        assertThat(functions)
                .extracting(FunctionDefinition::logicalId, FunctionDefinition::handlerClass)
                .contains(
                        tuple("ComplaintFormFunction", "org.abusedesk.form.ComplaintFormHandler"),
                        tuple("InboundMailFunction", "org.abusedesk.inboundmail.InboundMailHandler"),
                        tuple("ComplaintProcessorFunction", "org.abusedesk.processor.ComplaintProcessorHandler"));
        assertThat(functions)
                .allSatisfy(f -> assertThat(f.functionName()).isEqualTo(stack.name() + "-" + f.logicalId()));
        assertThat(stack.function("ComplaintFormFunction").timeoutSeconds()).isEqualTo(20);
        assertThat(stack.function("ComplaintProcessorFunction").timeoutSeconds())
                .isEqualTo(30);
        assertThat(functions)
                .allSatisfy(f -> assertThat(f.environment())
                        .containsEntry("COMPLAINTS_TABLE", tableName)
                        .containsEntry("RETENTION_DAYS", "180"));
        assertThat(dynamoDb.describeTable(r -> r.tableName(tableName)).table().tableName())
                .isEqualTo(tableName);
        assertThat(stack.function("ComplaintProcessorFunction").environment())
                .contains(
                        entry("COMPLAINTS_TABLE", tableName),
                        entry("MAILINGS_TABLE", stack.ref("MailingsTable")),
                        entry("ACCOUNTS_TABLE", stack.ref("AccountsTable")),
                        entry("RETENTION_DAYS", "180"),
                        entry("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"),
                        entry("ABUSE_TEAM_ADDRESS", "abuse-team@example.com"),
                        entry("SENDER_ADDRESS", "abuse-desk@example.com"),
                        entry("FLAGGED_RATE_PERCENT", "0.1"));
        assertThat(stack.function("NotificationFlushFunction").schedules()).containsExactly(Duration.ofMinutes(1));
        assertThat(stack.function("ReconcilerFunction").schedules()).containsExactly(Duration.ofMinutes(15));
        assertThat(stack.function("ReconcilerFunction").environment())
                .contains(
                        entry("COMPLAINTS_QUEUE_URL", stack.ref("ComplaintsQueue")),
                        entry("INBOUND_BUCKET", stack.ref("InboundMailBucket")),
                        entry("RECONCILE_MAIL_AFTER_MINUTES", "15"),
                        entry("RECONCILE_STUCK_AFTER_MINUTES", "30"),
                        entry("RECONCILE_LOOKBACK_HOURS", "72"));
        assertThat(stack.function("ComplaintFormFunction").environment())
                .doesNotContainKeys("ABUSE_TEAM_ADDRESS", "SENDER_ADDRESS");
    }

    @Test
    void processor_hasOneQueueSourceOnTheComplaintsQueue() {
        // GIVEN the stack of the project's template

        // WHEN the processor function is read
        var processor = stack.function("ComplaintProcessorFunction");

        // THEN it polls the complaints queue in batches of 10 and reports failed items, and has no route
        assertThat(processor.queueSources())
                .containsExactly(new QueueSource(stack.attribute("ComplaintsQueue", "Arn"), 10, true));
        assertThat(processor.httpRoutes()).isEmpty();
    }

    @Test
    void form_hasTheRoutesOfThePageTheSubmissionAndTheConfirmation() {
        // GIVEN the stack of the project's template

        // WHEN the form and inbound mail functions are read
        var form = stack.function("ComplaintFormFunction");
        var inbound = stack.function("InboundMailFunction");

        // THEN only the form has routes, for any method (it answers 405 itself), and neither polls a queue
        assertThat(form.httpRoutes())
                .containsExactly(
                        new HttpRoute("ANY", "/"),
                        new HttpRoute("ANY", "/complaints"),
                        new HttpRoute("ANY", "/confirmation"));
        assertThat(form.queueSources()).isEmpty();
        assertThat(inbound.httpRoutes()).isEmpty();
        assertThat(inbound.queueSources()).isEmpty();
    }

    @Test
    void create_makesTheIntakeTableWithTtl_andGeneratesTheIntakeSecret() {
        // GIVEN the stack of the project's template
        var form = stack.function("ComplaintFormFunction");

        // WHEN the form's intake table and secret are looked up
        String table = form.environment().get("INTAKE_TABLE");
        String secretArn = form.environment().get("INTAKE_SECRET_ARN");

        // THEN the table has its key and TTL, and the secret holds 64 generated letters and digits
        assertThat(table).isEqualTo(stack.ref("IntakeTable"));
        var description = dynamoDb.describeTable(r -> r.tableName(table)).table();
        assertThat(description.keySchema())
                .containsExactly(KeySchemaElement.builder()
                        .attributeName("pk")
                        .keyType(KeyType.HASH)
                        .build());
        assertThat(dynamoDb.describeTimeToLive(r -> r.tableName(table))
                        .timeToLiveDescription()
                        .attributeName())
                .isEqualTo("expiresAt");
        assertThat(secretArn).startsWith("arn:aws:secretsmanager:eu-central-1:123456789012:secret:" + stack.name());
        try (var secrets = aws.secretsManager()) {
            assertThat(secrets.getSecretValue(r -> r.secretId(secretArn)).secretString())
                    .matches("[A-Za-z0-9]{64}");
        }
        assertThat(form.environment())
                .contains(
                        entry("ABUSE_ADDRESS", "abuse@example.com"),
                        entry("MAILING_ID_PATTERN", ""),
                        entry("RATE_LIMIT_COMPLAINTS", "10"),
                        entry("RATE_LIMIT_WINDOW_MINUTES", "10"),
                        entry("FORM_MIN_FILL_SECONDS", "3"));
    }

    @Test
    void theBusesRule_isCreatedWithItsTargets_andTheMotoServerRoutesTheEventsItMatchesToTheQueue() throws Exception {
        // GIVEN the stack's webhook rule on its bus, and its events queue
        String queueUrl = stack.ref("WebhookEventsQueue");

        // WHEN an event of the desk's and one of another source are put on the bus
        try (var events = aws.eventBridge()) {
            for (String source : List.of("someone-else", "abuse-desk")) {
                var response = events.putEvents(r -> r.entries(e -> e.eventBusName(stack.ref("EventBus"))
                        .source(source)
                        .detailType("CaseClosed")
                        .detail("{\"version\": 1}")));
                assertThat(response.failedEntryCount()).isZero();
            }
        }

        // THEN the queue holds the desk's event alone, in EventBridge's envelope
        var messages = sqs.receiveMessage(
                        r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages();
        assertThat(messages).singleElement().satisfies(message -> {
            var envelope = JSON.readTree(message.body());
            assertThat(envelope.path("source").asText()).isEqualTo("abuse-desk");
            assertThat(envelope.path("detail-type").asText()).isEqualTo("CaseClosed");
            assertThat(envelope.path("id").asText()).isNotBlank();
            assertThat(envelope.path("time").asText()).isNotBlank();
            assertThat(envelope.path("detail").path("version").asInt()).isEqualTo(1);
        });
    }

    @Test
    void pipes_includeThePipeFromTheComplaintsStreamToTheQueue() {
        // GIVEN the stack of the project's template

        // WHEN its pipes are read
        var pipes = stack.pipes();

        // THEN one goes from the real stream to the real queue, with the template's filter and input template
        assertThat(pipes)
                .contains(new PipeDefinition(
                        "ComplaintsPipe",
                        dynamoDb.describeTable(r -> r.tableName(stack.ref("ComplaintsTable")))
                                .table()
                                .latestStreamArn(),
                        stack.attribute("ComplaintsQueue", "Arn"),
                        List.of("{\"eventName\":[\"INSERT\"],\"dynamodb\":{\"NewImage\":{\"itemType\":{\"S\":"
                                + "[\"complaint\"]},\"classification\":{\"S\":[\"COMPLAINT\"]}}}}"),
                        "{\"mailingId\": \"<$.dynamodb.Keys.mailingId.S>\", \"complaintId\": \"<$.dynamodb.Keys.complaintId.S>\"}",
                        Map.of()));
    }

    @Test
    void receiptRules_areTheRuleFromTheRecipientsToTheBucketAndTheInboundFunction() {
        // GIVEN the stack of the project's template

        // WHEN its receipt rules are read
        var rules = stack.receiptRules();

        // THEN there is one, for the template's recipients, storing into its bucket and invoking the inbound
        // function's published alias
        assertThat(rules)
                .containsExactly(new ReceiptRuleDefinition(
                        "InboundRule",
                        List.of("abuse@example.com", "support@example.com"),
                        stack.ref("InboundMailBucket"),
                        "inbound/",
                        stack.attribute("InboundMailFunction", "Arn") + ":live"));
        assertThat(stack.functionByArn(rules.get(0).functionArn()).logicalId()).isEqualTo("InboundMailFunction");
        assertThat(rules.get(0).accepts("Abuse@Example.com")).isTrue();
        assertThat(rules.get(0).accepts("info@example.com")).isFalse();
        try (var s3 = aws.s3()) {
            assertThat(s3.listBuckets().buckets()).anyMatch(b -> b.name().equals(stack.ref("InboundMailBucket")));
        }
    }

    @Test
    void outputs_areResolvedAgainstTheStack() {
        // GIVEN the stack of the project's template

        // WHEN its outputs are read
        var outputs = stack.outputs();

        // THEN they name its real resources
        assertThat(outputs)
                .contains(
                        entry("ApiUrl", "https://" + stack.name() + "-HttpApi.execute-api.eu-central-1.amazonaws.com/"),
                        entry("ComplaintsTableName", stack.name() + "-ComplaintsTable"),
                        entry("ComplaintsQueueUrl", stack.ref("ComplaintsQueue")),
                        entry("ComplaintsDeadLetterQueueUrl", stack.ref("ComplaintsDeadLetterQueue")),
                        entry("InboundMailBucketName", stack.ref("InboundMailBucket")),
                        entry("InboundRuleSetName", stack.ref("InboundRuleSet")),
                        entry("InboundMailFailedQueueUrl", stack.ref("InboundMailFailedQueue")));
        assertThat(sqs.getQueueUrl(r -> r.queueName(stack.name() + "-ComplaintsQueue"))
                        .queueUrl())
                .isEqualTo(outputs.get("ComplaintsQueueUrl"));
    }

    @Test
    void twoStacks_withDifferentNames_doNotCollide() {
        // GIVEN a second stack of the same template in the same endpoint
        var other = TestProject.newStack(aws);

        // WHEN an item goes into the first stack's table
        dynamoDb.putItem(r -> r.tableName(stack.ref("ComplaintsTable"))
                .item(Map.of(
                        "mailingId", AttributeValue.fromS("14141611"),
                        "complaintId", AttributeValue.fromS("only-in-first"))));

        // THEN each stack has tables and queues of its own, and the other table does not see the item
        assertThat(other.name()).isNotEqualTo(stack.name());
        assertThat(other.ref("ComplaintsTable")).isNotEqualTo(stack.ref("ComplaintsTable"));
        assertThat(other.ref("ComplaintsQueue")).isNotEqualTo(stack.ref("ComplaintsQueue"));
        assertThat(other.ref("ComplaintsDeadLetterQueue")).isNotEqualTo(stack.ref("ComplaintsDeadLetterQueue"));
        assertThat(other.attribute("ComplaintsTable", "StreamArn"))
                .isNotEqualTo(stack.attribute("ComplaintsTable", "StreamArn"));
        assertThat(dynamoDb.scan(r -> r.tableName(other.ref("ComplaintsTable"))).count())
                .isZero();
        assertThat(dynamoDb.scan(r -> r.tableName(stack.ref("ComplaintsTable"))).count())
                .isEqualTo(1);
        assertThat(other.function("ComplaintFormFunction").environment().get("COMPLAINTS_TABLE"))
                .isEqualTo(other.ref("ComplaintsTable"));
    }

    @Test
    void create_underANameInUse_fails() {
        // GIVEN the name of the existing stack

        // WHEN / THEN a second stack of that name fails at its first resource instead of sharing it
        assertThatThrownBy(() -> Stack.create(TestProject.template(), stack.name(), TestProject.STACK_PARAMETERS, aws))
                .isInstanceOf(ResourceInUseException.class);
    }

    @Test
    void create_withAParameterTheTemplateLacks_isRefused() {
        // GIVEN a parameter override the template does not declare

        // WHEN / THEN the stack is refused before anything is created
        String name = TestProject.uniqueStackName();
        assertThatThrownBy(() -> Stack.create(TestProject.template(), name, Map.of("Nope", "x"), aws))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the template has no parameter Nope");
        assertThat(dynamoDb.listTables().tableNames()).noneMatch(t -> t.startsWith(name));
    }

    @Test
    void refs_ofParametersAndPseudoParameters_areTheStacksValues() {
        // GIVEN the stack of the project's template

        // WHEN / THEN parameters and pseudo parameters resolve as CloudFormation would
        assertThat(stack.ref("AWS::Region")).isEqualTo("eu-central-1");
        assertThat(stack.ref("AWS::AccountId")).isEqualTo("123456789012");
        assertThat(stack.ref("AWS::StackName")).isEqualTo(stack.name());
        assertThat(stack.ref("CreateSenderIdentity")).isEqualTo("true");
        assertThat(stack.ref("RetentionDays")).isEqualTo("180");
        assertThat(stack.parameter("SenderIdentity")).isEqualTo("example.com");
        assertThatThrownBy(() -> stack.ref("Nothing"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no resource or parameter Nothing in the template");
        assertThatThrownBy(() -> stack.attribute("ComplaintsQueue", "Nothing"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the local stack has no attribute Nothing of ComplaintsQueue");
    }
}
