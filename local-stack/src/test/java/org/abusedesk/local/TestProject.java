package org.abusedesk.local;

import java.nio.file.Path;
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
}
