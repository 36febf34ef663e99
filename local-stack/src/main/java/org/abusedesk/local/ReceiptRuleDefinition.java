package org.abusedesk.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.abusedesk.local.CloudFormationTemplate.Resource;

/**
 * An SES receipt rule of the template: the recipients it takes mail for, the bucket and prefix its S3 action
 * stores the mail under, and the function its Lambda action invokes.
 */
public record ReceiptRuleDefinition(
        String logicalId, List<String> recipients, String bucket, String prefix, String functionArn) {

    public ReceiptRuleDefinition {
        recipients = List.copyOf(recipients);
    }

    /**
     * Whether the rule takes mail for the address: the address itself, or its domain, is one of the recipients. As
     * SES does, a recipient {@code user@example.com} also takes every labelled form, {@code user+label@example.com}.
     */
    public boolean accepts(String address) {
        String lower = address.toLowerCase(Locale.ROOT).strip();
        int at = lower.lastIndexOf('@');
        String domain = lower.substring(at + 1);
        int plus = lower.indexOf('+');
        String unlabelled = plus >= 0 && plus < at ? lower.substring(0, plus) + lower.substring(at) : lower;
        return recipients.isEmpty()
                || recipients.stream()
                        .map(r -> r.toLowerCase(Locale.ROOT))
                        .anyMatch(r -> r.equals(lower) || r.equals(unlabelled) || r.equals(domain));
    }

    static ReceiptRuleDefinition of(Stack stack, Resource resource) {
        var properties = CloudFormationTemplate.map(stack.resolve(resource.properties()));
        var rule = CloudFormationTemplate.map(properties.get("Rule"));
        var recipients = new ArrayList<String>();
        Object listed = rule.get("Recipients");
        if (listed instanceof List<?> list) {
            list.forEach(r -> recipients.addAll(split(String.valueOf(r))));
        } else if (listed != null) {
            // A CommaDelimitedList parameter resolves to its text here.
            recipients.addAll(split(String.valueOf(listed)));
        }
        String bucket = null;
        String prefix = "";
        String functionArn = null;
        for (Object action : (List<?>) rule.getOrDefault("Actions", List.of())) {
            var actions = CloudFormationTemplate.map(action);
            if (actions.get("S3Action") instanceof Map<?, ?> s3) {
                bucket = String.valueOf(s3.get("BucketName"));
                prefix = s3.get("ObjectKeyPrefix") == null ? "" : String.valueOf(s3.get("ObjectKeyPrefix"));
            }
            if (actions.get("LambdaAction") instanceof Map<?, ?> lambda) {
                functionArn = String.valueOf(lambda.get("FunctionArn"));
            }
        }
        return new ReceiptRuleDefinition(
                resource.logicalId(),
                recipients,
                Stack.string(bucket, "S3Action of " + resource.logicalId()),
                prefix,
                Stack.string(functionArn, "LambdaAction of " + resource.logicalId()));
    }

    private static List<String> split(String recipients) {
        return java.util.Arrays.stream(recipients.split(","))
                .map(String::strip)
                .filter(r -> !r.isEmpty())
                .toList();
    }
}
