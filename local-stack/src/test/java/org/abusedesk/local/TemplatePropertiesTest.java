package org.abusedesk.local;

import static org.assertj.core.api.Assertions.assertThat;

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
