package org.abusedesk.testkit;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.abusedesk.local.AwsEndpoint;
import org.abusedesk.local.CloudFormationTemplate;
import org.abusedesk.local.MotoServer;
import org.abusedesk.local.ProjectRoot;
import org.abusedesk.local.Stack;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.regions.Region;

/**
 * Integration tests against the moto server: one server for the whole test run (started on a free port, stopped
 * at its end), and for each test class a {@link Stack} of {@code template.yaml}'s resources under a name of its
 * own, so test classes never see each other's data.
 *
 * <p>Test methods and constructors may take an {@link AwsEndpoint}, a {@link Stack} or a {@link ProjectRoot}.
 */
public final class MotoExtension implements ParameterResolver {

    public static final Region REGION = Region.EU_CENTRAL_1;

    /**
     * Parameters every test stack gets: the desk's sender identity is created, so SES accepts its mails, and the team
     * mail budget is out of reach, for tests that share a stack send far more team mails than a real team gets in a
     * window (the budget's own tests set theirs).
     */
    public static final Map<String, String> TEST_PARAMETERS =
            Map.of("CreateSenderIdentity", "true", "TeamMailBudget", "1000000");

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MotoExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        var type = parameter.getParameter().getType();
        return type == AwsEndpoint.class || type == Stack.class || type == ProjectRoot.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        var type = parameter.getParameter().getType();
        if (type == ProjectRoot.class) {
            return ProjectRoot.find();
        }
        if (type == AwsEndpoint.class) {
            return endpoint(context);
        }
        // A constructor parameter is resolved in the class's context, a method parameter in the method's. Stores
        // look up their parents' values: a stack kept any higher than the class would be every later class's too.
        var classContext =
                context.getTestMethod().isPresent() ? context.getParent().orElseThrow() : context;
        return classContext
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent("stack", key -> stack(endpoint(context)), Stack.class);
    }

    /** A new stack of the project's template in the endpoint, under a name no other test uses. */
    public static Stack stack(AwsEndpoint aws) {
        var template = CloudFormationTemplate.load(ProjectRoot.find().path().resolve("template.yaml"));
        String name = "t" + UUID.randomUUID().toString().substring(0, 8);
        return Stack.create(template, name, TEST_PARAMETERS, aws);
    }

    private static AwsEndpoint endpoint(ExtensionContext context) {
        var server = context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(RunningServer.class, key -> RunningServer.start(), RunningServer.class);
        return new AwsEndpoint(server.moto().endpoint(), REGION);
    }

    /** The shared server, stopped by JUnit when the test run's root context closes. */
    private record RunningServer(MotoServer moto) implements ExtensionContext.Store.CloseableResource {

        static RunningServer start() {
            // The handlers' SDK clients use the default credentials chain; the moto server accepts any key.
            System.setProperty("aws.accessKeyId", System.getProperty("aws.accessKeyId", "test"));
            System.setProperty("aws.secretAccessKey", System.getProperty("aws.secretAccessKey", "test"));
            var root = ProjectRoot.find().path();
            Path log = Path.of("target", "moto-" + ProcessHandle.current().pid() + ".log");
            return new RunningServer(MotoServer.start(0, root, log));
        }

        @Override
        public void close() {
            moto.close();
        }
    }
}
