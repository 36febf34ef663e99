package org.abusedesk.local;

import java.util.List;
import java.util.Map;
import org.abusedesk.local.CloudFormationTemplate.Resource;

/** An EventBridge pipe from a DynamoDB stream to an SQS queue: its filters and its input template. */
public record PipeDefinition(
        String logicalId, String streamArn, String queueArn, List<String> filterPatterns, String inputTemplate) {

    static PipeDefinition of(Stack stack, Resource resource) {
        var properties = CloudFormationTemplate.map(stack.resolve(resource.properties()));
        var source = CloudFormationTemplate.map(properties.getOrDefault("SourceParameters", Map.of()));
        var filterCriteria = CloudFormationTemplate.map(source.getOrDefault("FilterCriteria", Map.of()));
        var filters = ((List<?>) filterCriteria.getOrDefault("Filters", List.of()))
                .stream()
                        .map(filter -> String.valueOf(
                                CloudFormationTemplate.map(filter).get("Pattern")))
                        .toList();
        var target = CloudFormationTemplate.map(properties.getOrDefault("TargetParameters", Map.of()));
        return new PipeDefinition(
                resource.logicalId(),
                Stack.string(properties.get("Source"), "Source"),
                Stack.string(properties.get("Target"), "Target"),
                filters,
                (String) target.get("InputTemplate"));
    }
}
