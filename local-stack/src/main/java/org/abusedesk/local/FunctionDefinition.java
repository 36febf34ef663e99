package org.abusedesk.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.abusedesk.local.CloudFormationTemplate.Resource;

/** A Lambda function of the template: its handler, its resolved environment and the events that invoke it. */
public record FunctionDefinition(
        String logicalId,
        String functionName,
        String handlerClass,
        int timeoutSeconds,
        Map<String, String> environment,
        List<HttpRoute> httpRoutes,
        List<QueueSource> queueSources) {

    /** An HTTP API route that invokes the function. */
    public record HttpRoute(String method, String path) {}

    /** An SQS event source mapping. */
    public record QueueSource(String queueArn, int batchSize, boolean reportBatchItemFailures) {}

    static FunctionDefinition of(Stack stack, Resource resource, Map<String, Object> globals) {
        var properties = resource.properties();
        var environment = new LinkedHashMap<String, String>();
        environment.putAll(variables(stack, globals));
        environment.putAll(variables(stack, properties));
        String handler = Stack.string(properties.getOrDefault("Handler", globals.get("Handler")), "Handler");
        var routes = new ArrayList<HttpRoute>();
        var queues = new ArrayList<QueueSource>();
        var events = CloudFormationTemplate.map(properties.getOrDefault("Events", Map.of()));
        for (var event : events.values()) {
            var body = CloudFormationTemplate.map(event);
            var eventProperties = CloudFormationTemplate.map(stack.resolve(body.getOrDefault("Properties", Map.of())));
            switch (String.valueOf(body.get("Type"))) {
                case "HttpApi" ->
                    routes.add(new HttpRoute(
                            String.valueOf(eventProperties.getOrDefault("Method", "ANY"))
                                    .toUpperCase(),
                            Stack.string(eventProperties.get("Path"), "Path")));
                case "SQS" ->
                    queues.add(new QueueSource(
                            Stack.string(eventProperties.get("Queue"), "Queue"),
                            Integer.parseInt(String.valueOf(eventProperties.getOrDefault("BatchSize", 10))),
                            String.valueOf(eventProperties.get("FunctionResponseTypes"))
                                    .contains("ReportBatchItemFailures")));
                default -> {
                    // Other event types (schedules, S3) are not run by the local stack.
                }
            }
        }
        return new FunctionDefinition(
                resource.logicalId(),
                stack.ref(resource.logicalId()),
                handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler,
                Integer.parseInt(
                        String.valueOf(properties.getOrDefault("Timeout", globals.getOrDefault("Timeout", 3)))),
                Map.copyOf(environment),
                List.copyOf(routes),
                List.copyOf(queues));
    }

    private static Map<String, String> variables(Stack stack, Map<String, Object> properties) {
        var environment = CloudFormationTemplate.map(properties.getOrDefault("Environment", Map.of()));
        var variables = CloudFormationTemplate.map(stack.resolve(environment.getOrDefault("Variables", Map.of())));
        var values = new LinkedHashMap<String, String>();
        variables.forEach((key, value) -> values.put(key, String.valueOf(value)));
        return values;
    }
}
