package org.abusedesk.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a reviewer of template.yaml must find in it, checked so that a change that loses it fails the build. */
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
    void everyTable_isEncrypted_andTheLastingOnesHavePointInTimeRecoveryAndAreRetained() {
        var tables = resources("AWS::DynamoDB::Table");

        assertThat(tables)
                .isNotEmpty()
                .allSatisfy(table ->
                        assertThat(table.properties()).containsEntry("SSESpecification", Map.of("SSEEnabled", true)));
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
    void everyQueue_isEncrypted() {
        assertThat(resources("AWS::SQS::Queue"))
                .isNotEmpty()
                .allSatisfy(queue -> assertThat(queue.properties()).containsEntry("SqsManagedSseEnabled", true));
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
    void theReconciler_listsOnlyTheInboundPrefix_queriesOnlyTheTwoIndexes_andSendsOnlyToTheComplaintsQueue() {
        var reconciler = template.resources().get("ReconcilerFunction").properties();
        var statements = ((List<?>) CloudFormationTemplate.map(((List<?>) reconciler.get("Policies")).get(0))
                        .get("Statement"))
                .stream().map(CloudFormationTemplate::map).toList();

        assertThat(statements)
                .extracting(s -> s.get("Action"), s -> s.get("Resource"))
                .containsExactly(
                        tuple("s3:ListBucket", Map.of("Fn::GetAtt", List.of("InboundMailBucket", "Arn"))),
                        tuple("s3:GetObject", Map.of("Fn::Sub", "${InboundMailBucket.Arn}/inbound/*")),
                        tuple("dynamodb:PutItem", Map.of("Fn::GetAtt", List.of("ComplaintsTable", "Arn"))),
                        tuple(
                                "dynamodb:Query",
                                List.of(
                                        Map.of("Fn::Sub", "${ComplaintsTable.Arn}/index/byReceipt"),
                                        Map.of("Fn::Sub", "${ComplaintsTable.Arn}/index/byState"))),
                        tuple("sqs:SendMessage", Map.of("Fn::GetAtt", List.of("ComplaintsQueue", "Arn"))));
        assertThat(statements.get(0).get("Condition"))
                .isEqualTo(Map.of("StringLike", Map.of("s3:prefix", "inbound/*")));
        assertThat(statements).allSatisfy(s -> assertThat(s.get("Effect")).isEqualTo("Allow"));
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
