package org.abusedesk.aws;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.abusedesk.local.ProjectRoot;

/**
 * The published JSON Schemas (draft 2020-12) of the events on the stack's bus, {@code docs/events/<DetailType>
 * .schema.json}, with formats (date-time) asserted: what a receiver may validate an event's detail against.
 */
final class EventSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {}

    /** What is wrong with the event's detail by the schema of its detail type; nothing for a valid one. */
    static List<String> errors(String detailType, String detail) {
        return SCHEMAS.computeIfAbsent(detailType, EventSchemas::load).validate(detail, InputFormat.JSON).stream()
                .map(Error::toString)
                .toList();
    }

    private static Schema load(String detailType) {
        var file = ProjectRoot.find().resolve("docs/events/" + detailType + ".schema.json");
        try (var in = Files.newInputStream(file)) {
            return REGISTRY.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException("no schema of " + detailType + " at " + file, e);
        }
    }
}
