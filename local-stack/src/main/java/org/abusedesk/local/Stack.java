package org.abusedesk.local;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.abusedesk.local.CloudFormationTemplate.Resource;

/**
 * The resources of a template created in an AWS endpoint under a stack name, as {@code sam deploy} would create
 * them: physical names derive from the stack name, so several stacks share one endpoint without meeting.
 */
public final class Stack {

    private final CloudFormationTemplate template;
    private final String name;
    private final AwsEndpoint aws;
    private final Map<String, String> parameters;
    private final Map<String, Resource> resources;
    private final Intrinsics intrinsics;
    private final Provisioner provisioner;
    private final Map<String, Provisioner.Physical> created = new HashMap<>();
    private final Set<String> inProgress = new LinkedHashSet<>();

    private Stack(CloudFormationTemplate template, String name, Map<String, String> overrides, AwsEndpoint aws) {
        this.template = template;
        this.name = name;
        this.aws = aws;
        this.parameters = parameters(template, overrides);
        this.resources = template.resources();
        this.intrinsics =
                new Intrinsics(this::ref, at -> attribute(at.get(0), at.get(1)), template.section("Conditions"));
        this.provisioner = new Provisioner(this, aws);
    }

    /** Creates every resource of the template whose condition holds, each after the resources it refers to. */
    public static Stack create(
            CloudFormationTemplate template, String name, Map<String, String> parameterOverrides, AwsEndpoint aws) {
        var stack = new Stack(template, name, parameterOverrides, aws);
        stack.activeResources().forEach(resource -> stack.physical(resource.logicalId()));
        return stack;
    }

    public String name() {
        return name;
    }

    public AwsEndpoint aws() {
        return aws;
    }

    public String parameter(String parameterName) {
        String value = parameters.get(parameterName);
        if (value == null) {
            throw new IllegalArgumentException("no parameter " + parameterName);
        }
        return value;
    }

    /** What {@code !Ref logicalId} gives: a parameter's value, a pseudo parameter, or a resource's physical id. */
    public String ref(String logicalId) {
        return switch (logicalId) {
            case "AWS::Region" -> aws.region().id();
            case "AWS::AccountId" -> AwsEndpoint.ACCOUNT_ID;
            case "AWS::StackName" -> name;
            // As CloudFormation writes it; the UUID is the name's, so that a stack keeps one across runs.
            case "AWS::StackId" ->
                "arn:aws:cloudformation:" + aws.region().id() + ":" + AwsEndpoint.ACCOUNT_ID + ":stack/" + name + "/"
                        + java.util.UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            case "AWS::Partition" -> "aws";
            case "AWS::URLSuffix" -> "amazonaws.com";
            default ->
                parameters.containsKey(logicalId)
                        ? parameters.get(logicalId)
                        : publishedAlias(logicalId)
                                .orElseGet(() -> physical(logicalId).ref());
        };
    }

    /**
     * What {@code !Ref <Function>Alias<alias>} gives: SAM makes that resource for a function's
     * {@code AutoPublishAlias}, and its reference is the alias's ARN, the function's ARN qualified by the alias.
     */
    private Optional<String> publishedAlias(String logicalId) {
        if (resources.containsKey(logicalId)) {
            return Optional.empty();
        }
        Object alias = template.functionGlobals().get("AutoPublishAlias");
        for (var resource : resources.values()) {
            if (resource.type().equals("AWS::Serverless::Function")) {
                Object own = resource.properties().getOrDefault("AutoPublishAlias", alias);
                if (own != null && logicalId.equals(resource.logicalId() + "Alias" + own)) {
                    return Optional.of(attribute(resource.logicalId(), "Arn") + ":" + own);
                }
            }
        }
        return Optional.empty();
    }

    /** What {@code !GetAtt logicalId.attribute} gives. */
    public String attribute(String logicalId, String attribute) {
        String value = physical(logicalId).attributes().get(attribute);
        if (value == null) {
            throw new IllegalArgumentException("the local stack has no attribute " + attribute + " of " + logicalId);
        }
        return value;
    }

    /** A template value with its intrinsic functions resolved against this stack. */
    public Object resolve(Object value) {
        return intrinsics.resolve(value);
    }

    /** The Lambda functions of the template, with their resolved environment and event sources. */
    public List<FunctionDefinition> functions() {
        var globals = template.functionGlobals();
        var functions = new ArrayList<FunctionDefinition>();
        for (var resource : activeResources()) {
            if (resource.type().equals("AWS::Serverless::Function")) {
                functions.add(FunctionDefinition.of(this, resource, globals));
            }
        }
        return functions;
    }

    /** The function of this logical id. */
    public FunctionDefinition function(String logicalId) {
        return functions().stream()
                .filter(f -> f.logicalId().equals(logicalId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no function " + logicalId + " in the template"));
    }

    /** What the Lambda runtime would put into the function's environment here: its variables and the endpoint. */
    public Map<String, String> runtimeEnvironment(FunctionDefinition function) {
        var environment = new HashMap<>(function.environment());
        environment.put("AWS_REGION", aws.region().id());
        environment.put("AWS_ENDPOINT_URL", aws.uri().toString());
        environment.put("AWS_LAMBDA_FUNCTION_NAME", function.functionName());
        return Map.copyOf(environment);
    }

    /** The EventBridge pipes of the template. */
    public List<PipeDefinition> pipes() {
        var pipes = new ArrayList<PipeDefinition>();
        for (var resource : activeResources()) {
            if (resource.type().equals("AWS::Pipes::Pipe")) {
                pipes.add(PipeDefinition.of(this, resource));
            }
        }
        return pipes;
    }

    /** The pipe of this logical id. */
    public PipeDefinition pipe(String logicalId) {
        return pipes().stream()
                .filter(p -> p.logicalId().equals(logicalId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no pipe " + logicalId + " in the template"));
    }

    /** The SES receipt rules of the template. */
    public List<ReceiptRuleDefinition> receiptRules() {
        var rules = new ArrayList<ReceiptRuleDefinition>();
        for (var resource : activeResources()) {
            if (resource.type().equals("AWS::SES::ReceiptRule")) {
                rules.add(ReceiptRuleDefinition.of(this, resource));
            }
        }
        return rules;
    }

    /** The function an ARN of the template names (as {@code !GetAtt Function.Arn} gives it here). */
    public FunctionDefinition functionByArn(String arn) {
        return functions().stream()
                .filter(f -> arn.endsWith(":" + f.functionName()) || arn.contains(":" + f.functionName() + ":"))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no function of the template has the ARN " + arn));
    }

    /** The template's outputs, resolved. */
    public Map<String, String> outputs() {
        var outputs = new LinkedHashMap<String, String>();
        template.section("Outputs").forEach((key, body) -> {
            var output = CloudFormationTemplate.map(body);
            // An output with a false condition is not made, as in CloudFormation.
            if (!(output.get("Condition") instanceof String condition) || intrinsics.condition(condition)) {
                outputs.put(key, intrinsics.resolveString(output.get("Value")));
            }
        });
        return outputs;
    }

    private List<Resource> activeResources() {
        return resources.values().stream().filter(this::isActive).toList();
    }

    /** Whether the template's resource of this id is made in this stack: its condition, if any, holds. */
    public boolean exists(String logicalId) {
        var resource = resources.get(logicalId);
        return resource != null && isActive(resource);
    }

    private boolean isActive(Resource resource) {
        return resource.condition() == null || intrinsics.condition(resource.condition());
    }

    private Provisioner.Physical physical(String logicalId) {
        var existing = created.get(logicalId);
        if (existing != null) {
            return existing;
        }
        var resource = resources.get(logicalId);
        if (resource == null) {
            throw new IllegalArgumentException("no resource or parameter " + logicalId + " in the template");
        }
        if (!isActive(resource)) {
            throw new IllegalStateException(logicalId + " is referred to, but its condition is false");
        }
        if (!inProgress.add(logicalId)) {
            throw new IllegalStateException("circular reference through " + inProgress);
        }
        var physical = provisioner.create(resource);
        inProgress.remove(logicalId);
        created.put(logicalId, physical);
        return physical;
    }

    /** The physical name for a resource without an explicit one, as CloudFormation makes them: unique per stack. */
    String physicalName(String logicalId, int maxLength) {
        String physicalName = name + "-" + logicalId;
        return physicalName.length() <= maxLength ? physicalName : physicalName.substring(0, maxLength);
    }

    private static Map<String, String> parameters(CloudFormationTemplate template, Map<String, String> overrides) {
        var values = new HashMap<String, String>();
        template.section("Parameters").forEach((key, body) -> {
            Object value = overrides.containsKey(key)
                    ? overrides.get(key)
                    : CloudFormationTemplate.map(body).get("Default");
            if (value == null) {
                throw new IllegalArgumentException("parameter " + key + " has no default and no value was given");
            }
            values.put(key, String.valueOf(value));
        });
        overrides.keySet().stream()
                .filter(key -> !values.containsKey(key))
                .findFirst()
                .ifPresent(key -> {
                    throw new IllegalArgumentException("the template has no parameter " + key);
                });
        return Map.copyOf(values);
    }

    static String string(Object value, String what) {
        return Objects.requireNonNull(value, what + " is missing").toString();
    }
}
