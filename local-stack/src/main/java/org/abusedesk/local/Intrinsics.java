package org.abusedesk.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the CloudFormation intrinsic functions a template uses ({@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub},
 * {@code Fn::Join}, {@code Fn::Split}, {@code Fn::Select}, {@code Fn::If} and the condition functions) to plain values.
 */
final class Intrinsics {

    /** Stands for {@code AWS::NoValue}: the property it is in is left out. */
    static final Object NO_VALUE = new Object();

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{(!?)([^}]+)}");

    private final Function<String, String> ref;
    private final Function<List<String>, String> getAtt;
    private final Map<String, Object> conditions;

    /**
     * @param ref the value of {@code Ref} for a parameter, pseudo parameter or resource
     * @param getAtt the value of {@code Fn::GetAtt} for [logical id, attribute]
     * @param conditions the template's {@code Conditions} section
     */
    Intrinsics(Function<String, String> ref, Function<List<String>, String> getAtt, Map<String, Object> conditions) {
        this.ref = ref;
        this.getAtt = getAtt;
        this.conditions = conditions;
    }

    Object resolve(Object value) {
        if (value instanceof List<?> list) {
            var resolved = new ArrayList<>();
            list.stream().map(this::resolve).filter(v -> v != NO_VALUE).forEach(resolved::add);
            return resolved;
        }
        if (!(value instanceof Map<?, ?> map)) {
            return value;
        }
        if (map.size() == 1) {
            var entry = map.entrySet().iterator().next();
            String key = String.valueOf(entry.getKey());
            if (key.equals("Ref") || key.startsWith("Fn::")) {
                return function(key, entry.getValue());
            }
        }
        var resolved = new LinkedHashMap<String, Object>();
        map.forEach((k, v) -> {
            Object r = resolve(v);
            if (r != NO_VALUE) {
                resolved.put(String.valueOf(k), r);
            }
        });
        return resolved;
    }

    String resolveString(Object value) {
        return String.valueOf(resolve(value));
    }

    boolean condition(String name) {
        Object definition = conditions.get(name);
        if (definition == null) {
            throw new IllegalArgumentException("unknown condition " + name);
        }
        return truth(definition);
    }

    private Object function(String name, Object argument) {
        return switch (name) {
            case "Ref" -> "AWS::NoValue".equals(argument) ? NO_VALUE : ref.apply((String) argument);
            case "Fn::GetAtt" -> getAtt.apply(strings(argument));
            case "Fn::Sub" -> sub(argument);
            case "Fn::Join" -> {
                var args = (List<?>) argument;
                var parts = (List<?>) resolve(args.get(1));
                yield String.join(
                        String.valueOf(args.get(0)),
                        parts.stream().map(String::valueOf).toList());
            }
            case "Fn::Split" -> {
                var args = (List<?>) argument;
                yield List.of(resolveString(args.get(1)).split(Pattern.quote(String.valueOf(args.get(0))), -1));
            }
            case "Fn::Select" -> {
                var args = (List<?>) argument;
                var list = (List<?>) resolve(args.get(1));
                int index = Integer.parseInt(resolveString(args.get(0)));
                if (index < 0 || index >= list.size()) {
                    throw new IllegalArgumentException("Fn::Select index " + index + " outside " + list);
                }
                yield list.get(index);
            }
            case "Fn::If" -> {
                var args = (List<?>) argument;
                yield resolve(condition((String) args.get(0)) ? args.get(1) : args.get(2));
            }
            case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or" -> truth(Map.of(name, argument));
            default -> throw new IllegalArgumentException("the local stack does not support " + name);
        };
    }

    private boolean truth(Object definition) {
        var map = CloudFormationTemplate.map(definition);
        var entry = map.entrySet().iterator().next();
        var args = entry.getValue() instanceof List<?> list ? list : List.of(entry.getValue());
        return switch (entry.getKey()) {
            case "Fn::Equals" -> resolveString(args.get(0)).equals(resolveString(args.get(1)));
            case "Fn::Not" -> !truth(args.get(0));
            case "Fn::And" -> args.stream().allMatch(this::truth);
            case "Fn::Or" -> args.stream().anyMatch(this::truth);
            case "Condition" -> condition((String) entry.getValue());
            default -> throw new IllegalArgumentException("not a condition: " + entry.getKey());
        };
    }

    private String sub(Object argument) {
        String text;
        Map<String, Object> variables = Map.of();
        if (argument instanceof List<?> args) {
            text = (String) args.get(0);
            variables = CloudFormationTemplate.map(args.get(1));
        } else {
            text = (String) argument;
        }
        var bound = variables;
        Matcher matcher = SUB_VARIABLE.matcher(text);
        var out = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(2);
            String replacement;
            if (!matcher.group(1).isEmpty()) {
                replacement = "${" + variable + "}";
            } else if (bound.containsKey(variable)) {
                replacement = resolveString(bound.get(variable));
            } else if (variable.contains(".") && !variable.startsWith("AWS::")) {
                int dot = variable.indexOf('.');
                replacement = getAtt.apply(List.of(variable.substring(0, dot), variable.substring(dot + 1)));
            } else {
                replacement = ref.apply(variable);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static List<String> strings(Object argument) {
        if (argument instanceof String dotted && dotted.contains(".")) {
            int dot = dotted.indexOf('.');
            return List.of(dotted.substring(0, dot), dotted.substring(dot + 1));
        }
        return ((List<?>) argument).stream().map(String::valueOf).toList();
    }
}
