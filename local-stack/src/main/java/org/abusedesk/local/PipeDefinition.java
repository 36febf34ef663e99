package org.abusedesk.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.abusedesk.local.CloudFormationTemplate.Resource;

/**
 * An EventBridge pipe from a DynamoDB stream to an SQS queue or an event bus: its filters, its input template and,
 * for a bus, the events' {@code DetailType} and {@code Source}.
 */
public record PipeDefinition(
        String logicalId,
        String streamArn,
        String targetArn,
        List<String> filterPatterns,
        String inputTemplate,
        Map<String, String> eventBusParameters) {

    static PipeDefinition of(Stack stack, Resource resource) {
        var properties = CloudFormationTemplate.map(stack.resolve(resource.properties()));
        var source = CloudFormationTemplate.map(properties.getOrDefault("SourceParameters", Map.of()));
        var filterCriteria = CloudFormationTemplate.map(source.getOrDefault("FilterCriteria", Map.of()));
        var filters = ((List<?>) filterCriteria.getOrDefault("Filters", List.of()))
                .stream()
                        .map(filter ->
                                Stack.string(CloudFormationTemplate.map(filter).get("Pattern"), "Pattern of a filter"))
                        .toList();
        var target = CloudFormationTemplate.map(properties.getOrDefault("TargetParameters", Map.of()));
        var busParameters = new LinkedHashMap<String, String>();
        CloudFormationTemplate.map(target.getOrDefault("EventBridgeEventBusParameters", Map.of()))
                .forEach((key, value) -> busParameters.put(key, String.valueOf(value)));
        return new PipeDefinition(
                resource.logicalId(),
                Stack.string(properties.get("Source"), "Source"),
                Stack.string(properties.get("Target"), "Target"),
                filters,
                (String) target.get("InputTemplate"),
                Map.copyOf(busParameters));
    }

    /** Whether the target is an EventBridge event bus rather than an SQS queue. */
    public boolean targetsEventBus() {
        return targetArn.startsWith("arn:aws:events:");
    }
}
