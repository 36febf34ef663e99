package org.abusedesk.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.abusedesk.local.CloudFormationTemplate.Resource;

/** A Lambda function of the template: its handler, its resolved environment and the events that invoke it. */
public record FunctionDefinition(
        String logicalId,
        String functionName,
        String handlerClass,
        int timeoutSeconds,
        Map<String, String> environment,
        List<HttpRoute> httpRoutes,
        List<QueueSource> queueSources,
        List<Duration> schedules) {

    /** An HTTP API route that invokes the function, and the JWT authorizer that guards it, if one does. */
    public record HttpRoute(String method, String path, Optional<RouteAuth> auth) {

        public HttpRoute(String method, String path) {
            this(method, path, Optional.empty());
        }
    }

    /** A route's authorizer and the scopes a token needs at least one of, as API Gateway checks them. */
    public record RouteAuth(String authorizer, List<String> scopes) {

        public RouteAuth {
            scopes = List.copyOf(scopes);
        }
    }

    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");

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
        var schedules = new ArrayList<Duration>();
        var events = CloudFormationTemplate.map(properties.getOrDefault("Events", Map.of()));
        for (var event : events.values()) {
            var body = CloudFormationTemplate.map(event);
            var eventProperties = CloudFormationTemplate.map(stack.resolve(body.getOrDefault("Properties", Map.of())));
            switch (String.valueOf(body.get("Type"))) {
                case "HttpApi" ->
                    routes.add(new HttpRoute(
                            String.valueOf(eventProperties.getOrDefault("Method", "ANY"))
                                    .toUpperCase(),
                            Stack.string(eventProperties.get("Path"), "Path"),
                            auth(eventProperties.get("Auth"))));
                case "SQS" ->
                    queues.add(new QueueSource(
                            Stack.string(eventProperties.get("Queue"), "Queue"),
                            Integer.parseInt(String.valueOf(eventProperties.getOrDefault("BatchSize", 10))),
                            String.valueOf(eventProperties.get("FunctionResponseTypes"))
                                    .contains("ReportBatchItemFailures")));
                case "Schedule", "ScheduleV2" ->
                    schedules.add(rate(Stack.string(
                            eventProperties.get(
                                    body.get("Type").equals("Schedule") ? "Schedule" : "ScheduleExpression"),
                            "Schedule")));
                default -> {
                    // Other event types (S3, SNS ...) are not run by the local stack.
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
                List.copyOf(queues),
                List.copyOf(schedules));
    }

    private static Optional<RouteAuth> auth(Object value) {
        if (!(value instanceof Map<?, ?> auth) || auth.get("Authorizer") == null) {
            return Optional.empty();
        }
        String authorizer = String.valueOf(auth.get("Authorizer"));
        if (authorizer.equals("NONE")) {
            return Optional.empty();
        }
        var scopes = auth.get("AuthorizationScopes") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.<String>of();
        return Optional.of(new RouteAuth(authorizer, scopes));
    }

    /** A {@code rate(...)} schedule as a period; cron schedules are refused, never silently ignored. */
    static Duration rate(String expression) {
        var matcher = RATE.matcher(expression.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("the local stack runs rate(...) schedules only, not " + expression);
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "minute", "minutes" -> Duration.ofMinutes(amount);
            case "hour", "hours" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    private static Map<String, String> variables(Stack stack, Map<String, Object> properties) {
        var environment = CloudFormationTemplate.map(properties.getOrDefault("Environment", Map.of()));
        var variables = CloudFormationTemplate.map(stack.resolve(environment.getOrDefault("Variables", Map.of())));
        var values = new LinkedHashMap<String, String>();
        variables.forEach((key, value) -> values.put(key, String.valueOf(value)));
        return values;
    }
}
