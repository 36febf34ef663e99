package org.abusedesk.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a reviewer of template.yaml must find in it, checked so that a change that loses it fails the build. */
@SuppressWarnings("unchecked")
class TemplatePropertiesTest {

    private final CloudFormationTemplate template = TestProject.template();

    @Test
    void everyFunction_runsJava21OnArm64_withSnapStartOnPublishedVersions() {
        var globals = template.functionGlobals();

        assertThat(globals).containsEntry("Runtime", "java21").containsEntry("Architectures", List.of("arm64"));
        assertThat(globals).containsEntry("SnapStart", Map.of("ApplyOn", "PublishedVersions"));
        assertThat(globals).containsEntry("AutoPublishAlias", "live");
        assertThat(resources("AWS::Serverless::Function"))
                .isNotEmpty()
                .allSatisfy(function ->
                        assertThat(function.properties()).doesNotContainKeys("Runtime", "Architectures", "SnapStart"));
    }

    @Test
    void everyTable_isEncrypted_withTheCustomerKeyIfGiven_andHasPointInTimeRecovery() {
        var tables = resources("AWS::DynamoDB::Table");

        assertThat(tables).isNotEmpty().allSatisfy(table -> {
            assertThat(table.properties())
                    .containsEntry(
                            "SSESpecification",
                            ifCustomerKey(
                                    Map.of(
                                            "SSEEnabled",
                                            true,
                                            "SSEType",
                                            "KMS",
                                            "KMSMasterKeyId",
                                            Map.of("Ref", "KmsKeyArn")),
                                    Map.of("SSEEnabled", true)));
            assertThat(table.properties())
                    .containsEntry("PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true));
        });
        for (String lasting : List.of("ComplaintsTable", "MailingsTable", "AccountsTable")) {
            var table = template.resources().get(lasting);
            assertThat(table.properties())
                    .as(lasting)
                    .containsEntry("PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true));
            assertThat(CloudFormationTemplate.map(template.section("Resources").get(lasting)))
                    .as(lasting)
                    .containsEntry("DeletionPolicy", "Retain");
        }
        assertThat(template.resources().get("ComplaintsTable").properties())
                .containsEntry("TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true));
    }

    @Test
    void noIndexOfTheComplaintsTable_isKeyedByPersonalData_andTheComplainantsIsKeyedByTheAddressHash() {
        var table = template.resources().get("ComplaintsTable").properties();
        var keys = new ArrayList<String>();
        for (var definition : (List<?>) table.get("AttributeDefinitions")) {
            keys.add((String) CloudFormationTemplate.map(definition).get("AttributeName"));
        }
        var complainantIndex = ((List<?>) table.get("GlobalSecondaryIndexes"))
                .stream()
                        .map(CloudFormationTemplate::map)
                        .filter(index -> "byComplainant".equals(index.get("IndexName")))
                        .findFirst()
                        .orElseThrow();

        assertThat(keys).doesNotContain("email", "name", "message").contains("complainantHash", "accountId");
        assertThat(complainantIndex.get("KeySchema"))
                .isEqualTo(List.of(Map.of("AttributeName", "complainantHash", "KeyType", "HASH")));
        assertThat(complainantIndex.get("Projection")).isEqualTo(Map.of("ProjectionType", "KEYS_ONLY"));
    }

    @Test
    void everyQueue_isEncrypted_withTheCustomerKeyIfGiven() {
        assertThat(resources("AWS::SQS::Queue"))
                .isNotEmpty()
                .allSatisfy(queue -> assertThat(queue.properties())
                        .containsEntry("SqsManagedSseEnabled", ifCustomerKey(false, true))
                        .containsEntry("KmsMasterKeyId", ifCustomerKey(Map.of("Ref", "KmsKeyArn"), NO_VALUE)));
    }

    @Test
    void theInboundBucket_isEncrypted_private_tlsOnly_andExpiresRawMail() {
        var bucket = template.resources().get("InboundMailBucket").properties();
        var policy = CloudFormationTemplate.map(
                template.resources().get("InboundMailBucketPolicy").properties().get("PolicyDocument"));

        var rule = CloudFormationTemplate.map(((List<?>) CloudFormationTemplate.map(bucket.get("BucketEncryption"))
                        .get("ServerSideEncryptionConfiguration"))
                .get(0));
        assertThat(rule.get("ServerSideEncryptionByDefault"))
                .isEqualTo(ifCustomerKey(
                        Map.of("SSEAlgorithm", "aws:kms", "KMSMasterKeyID", Map.of("Ref", "KmsKeyArn")),
                        Map.of("SSEAlgorithm", "AES256")));
        assertThat(CloudFormationTemplate.map(bucket.get("PublicAccessBlockConfiguration")))
                .containsOnlyKeys("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")
                .allSatisfy((key, value) -> assertThat(value).isEqualTo(true));
        assertThat(bucket.get("LifecycleConfiguration").toString()).contains("ExpirationInDays={Ref=RetentionDays}");
        assertThat((List<?>) policy.get("Statement"))
                .map(CloudFormationTemplate::map)
                .anySatisfy(statement -> assertThat(statement)
                        .containsEntry("Effect", "Deny")
                        .containsEntry("Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))));
    }

    @Test
    void everyFunction_logsToAGroupOfItsOwnWithRetention_andHasErrorAndThrottleAlarms() {
        var functions = functionIds();
        var alarmed = new ArrayList<String>();
        for (var alarm : resources("AWS::CloudWatch::Alarm")) {
            var properties = alarm.properties();
            if ("AWS/Lambda".equals(properties.get("Namespace"))) {
                var dimension = CloudFormationTemplate.map(((List<?>) properties.get("Dimensions")).get(0));
                alarmed.add(properties.get("MetricName") + " "
                        + CloudFormationTemplate.map(dimension.get("Value")).get("Ref"));
            }
        }

        assertThat(functions).isNotEmpty().allSatisfy(id -> {
            var properties = template.resources().get(id).properties();
            var group = (String) CloudFormationTemplate.map(CloudFormationTemplate.map(properties.get("LoggingConfig"))
                            .get("LogGroup"))
                    .get("Ref");
            assertThat(template.resources().get(group).type()).isEqualTo("AWS::Logs::LogGroup");
            assertThat(template.resources().get(group).properties())
                    .containsEntry("RetentionInDays", Map.of("Ref", "LogRetentionDays"))
                    .containsEntry("KmsKeyId", ifCustomerKey(Map.of("Ref", "KmsKeyArn"), NO_VALUE));
            assertThat(alarmed).contains("Errors " + id, "Throttles " + id);
        });
    }

    @Test
    void everyQueueThatHoldsFailures_isAlarmed_andTheComplaintsQueueAlarmsOnItsOldestMessage() {
        var queueAlarms = new ArrayList<String>();
        for (var alarm : resources("AWS::CloudWatch::Alarm")) {
            var properties = alarm.properties();
            if ("AWS/SQS".equals(properties.get("Namespace"))) {
                var dimension = CloudFormationTemplate.map(((List<?>) properties.get("Dimensions")).get(0));
                var queue = ((List<?>) CloudFormationTemplate.map(dimension.get("Value"))
                                .get("Fn::GetAtt"))
                        .get(0);
                queueAlarms.add(properties.get("MetricName") + " " + queue);
            }
        }

        assertThat(queueAlarms)
                .contains(
                        "ApproximateNumberOfMessagesVisible ComplaintsDeadLetterQueue",
                        "ApproximateNumberOfMessagesVisible InboundMailFailedQueue",
                        "ApproximateAgeOfOldestMessage ComplaintsQueue");
    }

    @Test
    void everyAlarm_notifiesTheAlarmTopic_andTheDashboardShowsTheQueuesAndFunctions() {
        assertThat(resources("AWS::CloudWatch::Alarm"))
                .hasSizeGreaterThanOrEqualTo(2 * functionIds().size() + 3)
                .allSatisfy(alarm -> assertThat(alarm.properties())
                        .containsEntry("AlarmActions", List.of(Map.of("Ref", "AlarmTopic"))));
        // A function the template creates only under a condition is named through the Sub's variables, by an If.
        String dashboard = template.resources()
                .get("Dashboard")
                .properties()
                .get("DashboardBody")
                .toString();
        assertThat(dashboard).contains("${ComplaintsQueue.QueueName}", "${ComplaintsDeadLetterQueue.QueueName}");
        functionIds().forEach(id -> {
            if (template.resources().get(id).condition() == null) {
                assertThat(dashboard).contains("${" + id + "}");
            } else {
                assertThat(dashboard).contains("${" + id + "Name}", "Ref=" + id);
            }
        });
    }

    @Test
    void sesInvokesThePublishedAlias_whichStartsFromTheSnapshot() {
        var rule = CloudFormationTemplate.map(
                template.resources().get("InboundRule").properties().get("Rule"));
        var permission = template.resources().get("InboundMailInvokePermission").properties();

        assertThat(rule.get("Actions").toString()).contains("FunctionArn={Ref=InboundMailFunctionAliaslive}");
        assertThat(permission).containsEntry("FunctionName", Map.of("Ref", "InboundMailFunctionAliaslive"));
    }

    @Test
    void theHttpApi_allowsOnlyTheConfiguredOrigin_andLogsAccessWithoutTheCaller() {
        var api = template.resources().get("HttpApi").properties();
        var cors = (List<?>)
                CloudFormationTemplate.map(api.get("CorsConfiguration")).get("Fn::If");
        String format = (String)
                CloudFormationTemplate.map(api.get("AccessLogSettings")).get("Format");

        assertThat(cors.get(0)).isEqualTo("HasAllowedOrigin");
        assertThat(CloudFormationTemplate.map(cors.get(1)))
                .containsEntry("AllowOrigins", List.of(Map.of("Ref", "AllowedOrigin")));
        assertThat(cors.get(2)).isEqualTo(NO_VALUE);
        assertThat(format).contains("$context.requestId", "$context.status");
        assertThat(format).doesNotContain("sourceIp", "userAgent", "identity", "path", "querystring");
        assertThat(api).containsKey("DefaultRouteSettings");
    }

    @Test
    void theProcessorsConcurrencyIsCapped_soThatItsMailsStayWithinTheSesSendingRate() {
        var events = CloudFormationTemplate.map(template.resources()
                .get("ComplaintProcessorFunction")
                .properties()
                .get("Events"));
        var sqs = CloudFormationTemplate.map(
                CloudFormationTemplate.map(events.get("Complaints")).get("Properties"));

        assertThat(sqs.get("ScalingConfig"))
                .isEqualTo(Map.of("MaximumConcurrency", Map.of("Ref", "ProcessorMaximumConcurrency")));
    }

    @Test
    void everyRole_mayUseTheCustomerKey_onlyWhenOneIsGiven() {
        assertThat(resources("AWS::IAM::Role")).hasSizeGreaterThan(functionIds().size());
        for (var role : resources("AWS::IAM::Role")) {
            assertThat((List<Object>) role.properties().get("ManagedPolicyArns"))
                    .contains(ifCustomerKey(Map.of("Ref", "CustomerKeyUse"), NO_VALUE));
        }
        assertThat(template.resources().get("CustomerKeyUse").condition()).isEqualTo("UseCustomerKey");
    }

    @Test
    void theCustomerKey_ifGiven_alsoEncryptsTheIntakeSecret_andEveryFunctionsEnvironmentAndSnapshots() {
        var keyUse = CloudFormationTemplate.map(
                template.resources().get("CustomerKeyUse").properties().get("PolicyDocument"));

        assertThat(template.resources().get("IntakeSecret").properties())
                .containsEntry("KmsKeyId", ifCustomerKey(Map.of("Ref", "KmsKeyArn"), NO_VALUE));
        // Lambda encrypts a function's environment and its versions' SnapStart snapshots with the function's key.
        assertThat(template.functionGlobals())
                .containsEntry("KmsKeyArn", ifCustomerKey(Map.of("Ref", "KmsKeyArn"), NO_VALUE));
        assertThat(resources("AWS::Serverless::Function"))
                .allSatisfy(function -> assertThat(function.properties()).doesNotContainKey("KmsKeyArn"));
        assertThat(((List<?>) keyUse.get("Statement")).stream().map(CloudFormationTemplate::map))
                .anySatisfy(statement -> {
                    assertThat(statement).containsEntry("Effect", "Allow");
                    assertThat((List<Object>) statement.get("Action")).contains("kms:Decrypt");
                    assertThat(statement).containsEntry("Resource", Map.of("Ref", "KmsKeyArn"));
                });
        for (String function : functionIds()) {
            String role = (String) ((List<?>) CloudFormationTemplate.map(template.resources()
                                    .get(function)
                                    .properties()
                                    .get("Role"))
                            .get("Fn::GetAtt"))
                    .get(0);
            assertThat((List<Object>)
                            template.resources().get(role).properties().get("ManagedPolicyArns"))
                    .as(role)
                    .contains(ifCustomerKey(Map.of("Ref", "CustomerKeyUse"), NO_VALUE));
        }
    }

    @Test
    void everyRoleThatSendsMail_maySendOnlyAsTheSenderAddressItsFunctionSendsFrom() {
        var sendingRoles = new ArrayList<String>();
        template.resources().forEach((id, resource) -> {
            for (var statement : policyStatements(resource.properties())) {
                var actions = statement.get("Action") instanceof List<?> list ? list : List.of(statement.get("Action"));
                if (actions.stream()
                        .anyMatch(action -> String.valueOf(action).matches("ses:Send(Raw)?Email|ses:\\*"))) {
                    sendingRoles.add(id);
                    assertThat(statement.get("Condition"))
                            .as(id)
                            .isEqualTo(
                                    Map.of("StringEquals", Map.of("ses:FromAddress", Map.of("Ref", "SenderAddress"))));
                }
            }
        });

        // The team's mail, the customer's notice and a reply's mail to the team; follow-ups and outcomes
        assertThat(sendingRoles)
                .containsExactlyInAnyOrder("ComplaintProcessorRole", "NotificationFlushRole", "ConsoleRole");
        for (String function : functionIds()) {
            var properties = template.resources().get(function).properties();
            String role = (String) ((List<?>)
                            CloudFormationTemplate.map(properties.get("Role")).get("Fn::GetAtt"))
                    .get(0);
            if (sendingRoles.contains(role)) {
                var variables = CloudFormationTemplate.map(CloudFormationTemplate.map(properties.get("Environment"))
                        .get("Variables"));
                assertThat(variables).as(function).containsEntry("SENDER_ADDRESS", Map.of("Ref", "SenderAddress"));
            }
        }
    }

    @Test
    void theAbuseTeamsCognitoDomain_isTheLowerCasePrefixParameter_whatEverTheStackIsNamed() {
        var domain = template.resources().get("AdminUserPoolDomain").properties();
        var parameter =
                CloudFormationTemplate.map(template.section("Parameters").get("CognitoDomainPrefix"));
        var allowed = java.util.regex.Pattern.compile((String) parameter.get("AllowedPattern"));

        // The parameter if given, else "abuse-desk-" and the stack id's UUID (arn:…:stack/<name>/<uuid>): lower case
        var uuid = Map.of("Fn::Select", List.of(2, Map.of("Fn::Split", List.of("/", Map.of("Ref", "AWS::StackId")))));
        var derived = Map.of("Fn::Join", List.of("", List.of("abuse-desk-", uuid)));
        assertThat(domain.get("Domain"))
                .isEqualTo(Map.of(
                        "Fn::If", List.of("HasCognitoDomainPrefix", Map.of("Ref", "CognitoDomainPrefix"), derived)));
        assertThat(domain.toString()).doesNotContain("AWS::StackName");
        assertThat(parameter.get("Default")).isEqualTo("");
        assertThat(List.of(
                        "",
                        "a",
                        "abuse-desk-123456789012",
                        "abuse-desk-" + java.util.UUID.randomUUID(),
                        "x".repeat(63)))
                .allSatisfy(prefix ->
                        assertThat(allowed.matcher(prefix).matches()).as(prefix).isTrue());
        assertThat(List.of(
                        "Abuse-Desk",
                        "abuse-Desk-123456789012",
                        "ABUSE",
                        "-abuse",
                        "abuse-",
                        "abuse_desk",
                        "abuse.desk",
                        "x".repeat(64)))
                .allSatisfy(prefix ->
                        assertThat(allowed.matcher(prefix).matches()).as(prefix).isFalse());
    }

    @Test
    void everyFunction_runsUnderARoleOfItsOwn_whoseLogsGoToItsOwnGroupOnly() {
        var roles = new ArrayList<String>();
        for (String function : functionIds()) {
            var properties = template.resources().get(function).properties();
            // With a role of the template's, SAM adds none of AWS's managed execution roles (logs and queues on "*").
            assertThat(properties).as(function).doesNotContainKey("Policies");
            String role = (String) ((List<?>)
                            CloudFormationTemplate.map(properties.get("Role")).get("Fn::GetAtt"))
                    .get(0);
            String logGroup =
                    (String) CloudFormationTemplate.map(CloudFormationTemplate.map(properties.get("LoggingConfig"))
                                    .get("LogGroup"))
                            .get("Ref");
            roles.add(role);

            assertThat(statements(role).get(0))
                    .as(role)
                    .containsEntry("Action", List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                    .containsEntry("Resource", Map.of("Fn::GetAtt", List.of(logGroup, "Arn")));
        }
        assertThat(roles).doesNotHaveDuplicates();
        assertThat(statements("ComplaintProcessorRole"))
                .anySatisfy(statement -> assertThat(statement)
                        .containsEntry(
                                "Action",
                                List.of(
                                        "sqs:ReceiveMessage",
                                        "sqs:DeleteMessage",
                                        "sqs:ChangeMessageVisibility",
                                        "sqs:GetQueueAttributes"))
                        .containsEntry("Resource", Map.of("Fn::GetAtt", List.of("ComplaintsQueue", "Arn"))));
    }

    @Test
    void everyAdminRoute_needsTheJwtAuthorizerAndAScope_andThePublicRoutesNone() {
        var adminRoutes = new ArrayList<String>();
        for (String function : functionIds()) {
            var events = CloudFormationTemplate.map(
                    template.resources().get(function).properties().getOrDefault("Events", Map.of()));
            for (var event : events.values()) {
                var body = CloudFormationTemplate.map(event);
                if (!"HttpApi".equals(body.get("Type"))) {
                    continue;
                }
                var properties = CloudFormationTemplate.map(body.get("Properties"));
                String route = properties.get("Method") + " " + properties.get("Path");
                if (String.valueOf(properties.get("Path")).startsWith("/admin/")) {
                    adminRoutes.add(route);
                    var auth = CloudFormationTemplate.map(properties.get("Auth"));
                    assertThat(auth).as(route).containsEntry("Authorizer", "AdminJwt");
                    assertThat((List<?>) auth.get("AuthorizationScopes"))
                            .as(route)
                            .isNotEmpty()
                            .allSatisfy(
                                    scope -> assertThat(String.valueOf(scope)).startsWith("abuse-desk/"));
                } else {
                    assertThat(properties).as(route).doesNotContainKey("Auth");
                }
            }
        }
        var authorizer = CloudFormationTemplate.map(CloudFormationTemplate.map(CloudFormationTemplate.map(
                                template.resources().get("HttpApi").properties().get("Auth"))
                        .get("Authorizers"))
                .get("AdminJwt"));

        assertThat(adminRoutes).isNotEmpty();
        assertThat(authorizer).containsEntry("IdentitySource", "$request.header.Authorization");
        assertThat(CloudFormationTemplate.map(authorizer.get("JwtConfiguration")))
                .containsKeys("issuer", "audience");
    }

    @Test
    void noPolicyGrantsOnEveryResource() {
        var wildcards = new ArrayList<String>();
        template.resources().forEach((id, resource) -> collectWildcards(id, resource.properties(), wildcards));

        assertThat(wildcards).isEmpty();
    }

    @Test
    void theComplaintsQueue_redrivesToItsDeadLetterQueue_andGivesTheProcessorSixTimesItsTimeout() {
        var queue = template.resources().get("ComplaintsQueue").properties();
        var processor = template.resources().get("ComplaintProcessorFunction").properties();

        assertThat(CloudFormationTemplate.map(queue.get("RedrivePolicy")).get("maxReceiveCount"))
                .isInstanceOfSatisfying(
                        Integer.class, count -> assertThat(count).isGreaterThanOrEqualTo(3));
        assertThat((Integer) queue.get("VisibilityTimeout"))
                .isGreaterThanOrEqualTo(6 * (Integer) processor.get("Timeout"));
    }

    @Test
    void theReconciler_listsAndQueriesOnlyWhatItNeeds_sendsOnlyToTheComplaintsQueue_andCountsItsReads() {
        var statements = statements("ReconcilerRole");
        statements = statements.subList(1, statements.size());

        assertThat(statements)
                .extracting(s -> s.get("Action"), s -> s.get("Resource"))
                .containsExactly(
                        tuple("s3:ListBucket", Map.of("Fn::GetAtt", List.of("InboundMailBucket", "Arn"))),
                        tuple("s3:GetObject", Map.of("Fn::Sub", "${InboundMailBucket.Arn}/inbound/*")),
                        tuple(
                                List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"),
                                Map.of("Fn::GetAtt", List.of("ComplaintsTable", "Arn"))),
                        tuple(
                                "dynamodb:Query",
                                List.of(
                                        Map.of("Fn::Sub", "${ComplaintsTable.Arn}/index/byReceipt"),
                                        Map.of("Fn::Sub", "${ComplaintsTable.Arn}/index/byState"))),
                        tuple("sqs:SendMessage", Map.of("Fn::GetAtt", List.of("ComplaintsQueue", "Arn"))),
                        tuple("dynamodb:UpdateItem", Map.of("Fn::GetAtt", List.of("LimitsTable", "Arn"))),
                        // a stored reply: its case found and the reply put in the thread
                        tuple(
                                List.of("dynamodb:GetItem", "dynamodb:PutItem"),
                                Map.of("Fn::GetAtt", List.of("CaseThreadsTable", "Arn"))),
                        tuple("secretsmanager:GetSecretValue", Map.of("Ref", "CustomerReplySecret")));
        assertThat(statements.get(0).get("Condition"))
                .isEqualTo(Map.of("StringLike", Map.of("s3:prefix", "inbound/*")));
        assertThat(statements).allSatisfy(s -> assertThat(s.get("Effect")).isEqualTo("Allow"));
    }

    @Test
    void theWebhookFunctions_pollTheirOwnQueue_sendOnlyToTheAttempts_andReadOnlyTheStacksWebhookSecrets() {
        var poll = List.of(
                "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes");
        var fanOut = statements("WebhookFanOutRole");
        var attempt = statements("WebhookAttemptRole");

        assertThat(fanOut.subList(1, fanOut.size()))
                .extracting(s -> s.get("Action"), s -> s.get("Resource"))
                .containsExactly(
                        tuple(poll, Map.of("Fn::GetAtt", List.of("WebhookEventsQueue", "Arn"))),
                        tuple("sqs:SendMessage", Map.of("Fn::GetAtt", List.of("WebhookAttemptsQueue", "Arn"))));
        assertThat(attempt.subList(1, attempt.size()))
                .extracting(s -> s.get("Action"), s -> s.get("Resource"))
                .containsExactly(
                        tuple(poll, Map.of("Fn::GetAtt", List.of("WebhookAttemptsQueue", "Arn"))),
                        tuple(
                                "secretsmanager:GetSecretValue",
                                Map.of(
                                        "Fn::Sub",
                                        "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}"
                                                + ":secret:${AWS::StackName}/webhooks/*")));
        assertThat(fanOut)
                .noneSatisfy(s -> assertThat(s.get("Action").toString()).contains("secretsmanager"));
        for (String function : List.of("WebhookFanOutFunction", "WebhookAttemptFunction")) {
            // The wiring refuses any secret outside the prefix the role allows, naming the entry, at the start.
            assertThat(variables(function))
                    .containsEntry("WEBHOOK_SECRET_PREFIX", Map.of("Fn::Sub", "${AWS::StackName}/webhooks/"))
                    .containsEntry("WEBHOOK_ATTEMPTS_QUEUE_URL", Map.of("Ref", "WebhookAttemptsQueue"));
        }
    }

    @Test
    void webhookEndpoints_areHttpsUnlessTheLocalStackAllowsHttp_andTheDeployedDefaultAllowsNone() {
        var allowHttp =
                CloudFormationTemplate.map(template.section("Parameters").get("WebhookAllowHttp"));
        var endpoints =
                CloudFormationTemplate.map(template.section("Parameters").get("WebhookEndpoints"));

        assertThat(allowHttp)
                .containsEntry("Default", "false")
                .containsEntry("AllowedValues", List.of("true", "false"));
        assertThat(endpoints).containsEntry("Default", "[]");
        for (String function : List.of("WebhookFanOutFunction", "WebhookAttemptFunction")) {
            assertThat(variables(function))
                    .containsEntry("WEBHOOK_ALLOW_HTTP", Map.of("Ref", "WebhookAllowHttp"))
                    .containsEntry("WEBHOOK_ENDPOINTS", Map.of("Ref", "WebhookEndpoints"));
        }
    }

    @Test
    void everyEventOfTheBus_reachesTheWebhookEventsQueue_whichOnlyThatRuleMaySendTo() {
        var rule = template.resources().get("WebhookEventsRule").properties();
        var policy = policyStatements(
                template.resources().get("WebhookEventsQueuePolicy").properties());

        assertThat(rule)
                .containsEntry("EventBusName", Map.of("Ref", "EventBus"))
                .containsEntry("EventPattern", Map.of("source", List.of("abuse-desk")));
        assertThat((List<Object>) rule.get("Targets"))
                .singleElement()
                .satisfies(target -> assertThat(CloudFormationTemplate.map(target))
                        .containsEntry("Arn", Map.of("Fn::GetAtt", List.of("WebhookEventsQueue", "Arn"))));
        assertThat(policy)
                .singleElement()
                .satisfies(statement -> assertThat(statement)
                        .containsEntry("Action", "sqs:SendMessage")
                        .containsEntry("Principal", Map.of("Service", "events.amazonaws.com"))
                        .containsEntry(
                                "Condition",
                                Map.of(
                                        "ArnEquals",
                                        Map.of(
                                                "aws:SourceArn",
                                                Map.of("Fn::GetAtt", List.of("WebhookEventsRule", "Arn"))))));
    }

    @Test
    void aWebhookAttempt_isReceived18Times_theRetriesOf24Hours_beforeItsAlarmedDeadLetterQueue() {
        var attempts = template.resources().get("WebhookAttemptsQueue").properties();
        var function = template.resources().get("WebhookAttemptFunction").properties();
        var redrive = CloudFormationTemplate.map(attempts.get("RedrivePolicy"));

        // RetrySchedule.DEFAULT.attempts(), which RetryScheduleTest holds to 18: 1 min, 2, 4, ... 64, then every 2 h.
        assertThat(redrive)
                .containsEntry("maxReceiveCount", 18)
                .containsEntry(
                        "deadLetterTargetArn", Map.of("Fn::GetAtt", List.of("WebhookAttemptsDeadLetterQueue", "Arn")));
        assertThat((Integer) attempts.get("MessageRetentionPeriod")).isGreaterThan(24 * 3600 + 2 * 3600);
        assertThat((Integer) attempts.get("VisibilityTimeout"))
                .isGreaterThanOrEqualTo(6 * (Integer) function.get("Timeout"));
        assertThat(template.resources()
                        .get("WebhookAttemptsDeadLetterAlarm")
                        .properties()
                        .get("Dimensions")
                        .toString())
                .contains("WebhookAttemptsDeadLetterQueue");
        var source = CloudFormationTemplate.map(CloudFormationTemplate.map(
                        CloudFormationTemplate.map(function.get("Events")).get("Attempts"))
                .get("Properties"));
        assertThat(source.get("FunctionResponseTypes")).isEqualTo(List.of("ReportBatchItemFailures"));
    }

    @Test
    void optInEvidence_isAskedForEachComplaintCountedAgainstAnAccount_onlyWhenConfigured_retriedFor24Hours() {
        var rule = template.resources().get("OptInEvidenceRule");
        var queue = template.resources().get("OptInEvidenceQueue").properties();
        var function = template.resources().get("OptInEvidenceFunction");
        var role =
                policyStatements(template.resources().get("OptInEvidenceRole").properties());

        // Nothing of it exists in a stack without an evidence endpoint.
        for (String id : List.of(
                "OptInEvidenceRule",
                "OptInEvidenceQueue",
                "OptInEvidenceQueuePolicy",
                "OptInEvidenceDeadLetterQueue",
                "OptInEvidenceFunction",
                "OptInEvidenceLogs",
                "OptInEvidenceRole",
                "OptInEvidenceDeadLetterAlarm",
                "OptInEvidenceErrorsAlarm",
                "OptInEvidenceThrottlesAlarm")) {
            assertThat(template.resources().get(id).condition()).as(id).isEqualTo("FetchesOptInEvidence");
        }
        assertThat(rule.properties())
                .containsEntry(
                        "EventPattern",
                        Map.of(
                                "source", List.of("abuse-desk"),
                                "detail-type", List.of("ComplaintCounted"),
                                "detail", Map.of("accountId", List.of(Map.of("anything-but", "")))));
        assertThat(CloudFormationTemplate.map(queue.get("RedrivePolicy")))
                .containsEntry("maxReceiveCount", 18)
                .containsEntry(
                        "deadLetterTargetArn", Map.of("Fn::GetAtt", List.of("OptInEvidenceDeadLetterQueue", "Arn")));
        assertThat((Integer) queue.get("VisibilityTimeout"))
                .isGreaterThanOrEqualTo(6 * (Integer) function.properties().get("Timeout"));
        // It reads and writes cases, and reads the one secret named for it: no other table, no other secret.
        assertThat(role)
                .extracting(st -> st.get("Action").toString(), st -> st.get("Resource"))
                .contains(
                        tuple(
                                "[dynamodb:GetItem, dynamodb:UpdateItem, dynamodb:DescribeTable]",
                                Map.of("Fn::GetAtt", List.of("ComplaintsTable", "Arn"))),
                        tuple(
                                "secretsmanager:GetSecretValue",
                                Map.of(
                                        "Fn::Sub",
                                        "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}"
                                                + ":secret:${AWS::StackName}/opt-in-evidence*")));
        assertThat(variables("OptInEvidenceFunction"))
                .containsEntry("OPT_IN_EVIDENCE_SECRET_NAME", Map.of("Fn::Sub", "${AWS::StackName}/opt-in-evidence"))
                .containsEntry("WEBHOOK_ALLOW_HTTP", Map.of("Ref", "WebhookAllowHttp"));
        assertThat(CloudFormationTemplate.map(template.section("Parameters").get("OptInEvidenceSendsAddress")))
                .containsEntry("Default", "false");
    }

    @Test
    void everyPipe_parksABatchItCannotDeliver_inTheAlarmedDeadLetterQueue_whichItsRoleMaySendTo() {
        var dlq = Map.of("Fn::GetAtt", List.of("StreamPipesDeadLetterQueue", "Arn"));
        var pipes = resources("AWS::Pipes::Pipe");
        assertThat(pipes).hasSizeGreaterThanOrEqualTo(5);
        for (var pipe : pipes) {
            var stream = CloudFormationTemplate.map(
                    CloudFormationTemplate.map(pipe.properties().get("SourceParameters"))
                            .get("DynamoDBStreamParameters"));
            assertThat(stream.get("DeadLetterConfig")).as(pipe.logicalId()).isEqualTo(Map.of("Arn", dlq));
            var role = ((List<?>) CloudFormationTemplate.map(pipe.properties().get("RoleArn"))
                            .get("Fn::GetAtt"))
                    .get(0)
                    .toString();
            assertThat(statements(role))
                    .as(role)
                    .anySatisfy(statement -> assertThat(statement)
                            .containsEntry("Action", "sqs:SendMessage")
                            .containsEntry("Resource", dlq));
        }
        assertThat(template.resources()
                        .get("StreamPipesDeadLetterAlarm")
                        .properties()
                        .get("Dimensions")
                        .toString())
                .contains("StreamPipesDeadLetterQueue");
    }

    /** A function's own environment variables, as the template writes them. */
    private Map<String, Object> variables(String function) {
        return CloudFormationTemplate.map(CloudFormationTemplate.map(
                        template.resources().get(function).properties().get("Environment"))
                .get("Variables"));
    }

    private static final Map<String, Object> NO_VALUE = Map.of("Ref", "AWS::NoValue");

    private static Map<String, Object> ifCustomerKey(Object withKey, Object without) {
        return Map.of("Fn::If", List.of("UseCustomerKey", withKey, without));
    }

    /** The statements of a role's one inline policy. */
    private List<Map<String, Object>> statements(String role) {
        var policy = CloudFormationTemplate.map(
                ((List<?>) template.resources().get(role).properties().get("Policies")).get(0));
        return ((List<?>)
                        CloudFormationTemplate.map(policy.get("PolicyDocument")).get("Statement"))
                .stream().map(CloudFormationTemplate::map).toList();
    }

    /** Every statement of the policy documents in these properties: a role's inline policies, a managed policy. */
    private static List<Map<String, Object>> policyStatements(Object value) {
        var statements = new ArrayList<Map<String, Object>>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, inner) -> {
                if ("Statement".equals(key) && inner instanceof List<?> list) {
                    list.forEach(statement -> statements.add(CloudFormationTemplate.map(statement)));
                } else {
                    statements.addAll(policyStatements(inner));
                }
            });
        } else if (value instanceof List<?> list) {
            list.forEach(inner -> statements.addAll(policyStatements(inner)));
        }
        return statements;
    }

    private List<String> functionIds() {
        return template.resources().values().stream()
                .filter(resource -> resource.type().equals("AWS::Serverless::Function"))
                .map(CloudFormationTemplate.Resource::logicalId)
                .toList();
    }

    private List<CloudFormationTemplate.Resource> resources(String type) {
        return template.resources().values().stream()
                .filter(resource -> resource.type().equals(type))
                .toList();
    }

    private static void collectWildcards(String where, Object value, List<String> wildcards) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, inner) -> {
                if ("Resource".equals(key)
                        && ("*".equals(inner) || inner instanceof List<?> list && list.contains("*"))) {
                    wildcards.add(where);
                }
                collectWildcards(where, inner, wildcards);
            });
        } else if (value instanceof List<?> list) {
            list.forEach(inner -> collectWildcards(where, inner, wildcards));
        }
    }
}
