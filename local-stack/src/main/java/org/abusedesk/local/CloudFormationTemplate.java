package org.abusedesk.local;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** A SAM / CloudFormation template as plain maps, with short-form intrinsics ({@code !Ref}, {@code !Sub} ...) in long form. */
public record CloudFormationTemplate(Map<String, Object> document) {

    private static final List<String> FUNCTIONS = List.of(
            "Base64",
            "Cidr",
            "Equals",
            "FindInMap",
            "GetAtt",
            "GetAZs",
            "If",
            "ImportValue",
            "Join",
            "Not",
            "And",
            "Or",
            "Select",
            "Split",
            "Sub",
            "Transform",
            "ToJsonString",
            "Length");

    public static CloudFormationTemplate load(Path path) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            Map<String, Object> document = new Yaml(new IntrinsicConstructor()).load(reader);
            return new CloudFormationTemplate(document);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read template " + path, e);
        }
    }

    /** The resources by logical id, in template order. */
    public Map<String, Resource> resources() {
        var resources = new LinkedHashMap<String, Resource>();
        section("Resources").forEach((id, body) -> resources.put(id, Resource.of(id, map(body))));
        return resources;
    }

    public Map<String, Object> section(String name) {
        return map(document.getOrDefault(name, Map.of()));
    }

    /** {@code Globals.Function} of a SAM template; empty without one. */
    public Map<String, Object> functionGlobals() {
        return map(section("Globals").getOrDefault("Function", Map.of()));
    }

    /** A section of the template as a mapping; an error naming what was found otherwise. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException("expected a mapping, found " + value);
    }

    /** One entry of the template's {@code Resources}. */
    public record Resource(String logicalId, String type, Map<String, Object> properties, String condition) {

        static Resource of(String logicalId, Map<String, Object> body) {
            return new Resource(
                    logicalId, (String) body.get("Type"), map(body.getOrDefault("Properties", Map.of())), (String)
                            body.get("Condition"));
        }
    }

    /** Reads {@code !Ref X} as {@code {Ref: X}}, {@code !GetAtt A.B} as {@code {Fn::GetAtt: [A, B]}} and so on. */
    private static final class IntrinsicConstructor extends SafeConstructor {

        IntrinsicConstructor() {
            super(new LoaderOptions());
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
            FUNCTIONS.forEach(name -> yamlConstructors.put(new Tag("!" + name), new Intrinsic("Fn::" + name)));
        }

        private final class Intrinsic extends AbstractConstruct {

            private final String key;

            Intrinsic(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value = switch (node) {
                    case ScalarNode scalar -> constructScalar(scalar);
                    case SequenceNode sequence -> constructSequence(sequence);
                    case MappingNode mapping -> constructMapping(mapping);
                    default -> throw new IllegalArgumentException("unexpected node " + node);
                };
                if (key.equals("Fn::GetAtt") && value instanceof String dotted) {
                    int dot = dotted.indexOf('.');
                    value = List.of(dotted.substring(0, dot), dotted.substring(dot + 1));
                }
                return Map.of(key, value);
            }
        }
    }
}
