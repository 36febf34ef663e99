package org.abusedesk.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The project under test: its top directory with {@code template.yaml}, and stacks of that template. */
final class TestProject {

    /** What every test stack gets: the desk's sender identity is created in SES. */
    static final Map<String, String> STACK_PARAMETERS = Map.of("CreateSenderIdentity", "true");

    private TestProject() {}

    static Path root() {
        return ProjectRoot.find().path();
    }

    static CloudFormationTemplate template() {
        return CloudFormationTemplate.load(root().resolve("template.yaml"));
    }

    /** A stack name no other test uses: "t" and eight random characters. */
    static String uniqueStackName() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    /** A new stack of the project's template in the endpoint, under a name of its own. */
    static Stack newStack(AwsEndpoint aws) {
        return Stack.create(template(), uniqueStackName(), STACK_PARAMETERS, aws);
    }

    /** The template's routes, read without a stack: paths and methods are literals in it. */
    static List<FunctionDefinition.HttpRoute> httpRoutes() {
        var routes = new ArrayList<FunctionDefinition.HttpRoute>();
        for (var resource : template().resources().values()) {
            if (!resource.type().equals("AWS::Serverless::Function")) {
                continue;
            }
            var events = CloudFormationTemplate.map(resource.properties().getOrDefault("Events", Map.of()));
            for (var event : events.values()) {
                var body = CloudFormationTemplate.map(event);
                if (!"HttpApi".equals(body.get("Type"))) {
                    continue;
                }
                var properties = CloudFormationTemplate.map(body.get("Properties"));
                var auth = properties.get("Auth") instanceof Map<?, ?> a
                        ? java.util.Optional.of(new FunctionDefinition.RouteAuth(
                                String.valueOf(a.get("Authorizer")),
                                ((List<?>) a.get("AuthorizationScopes"))
                                        .stream().map(String::valueOf).toList()))
                        : java.util.Optional.<FunctionDefinition.RouteAuth>empty();
                routes.add(new FunctionDefinition.HttpRoute(
                        String.valueOf(properties.get("Method")).toUpperCase(Locale.ROOT),
                        String.valueOf(properties.get("Path")),
                        auth));
            }
        }
        return routes;
    }
}
