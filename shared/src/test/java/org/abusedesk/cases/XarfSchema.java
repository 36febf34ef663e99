package org.abusedesk.cases;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The JSON Schema (draft 2020-12) of the X-ARF v4 reports the desk exports, written from the X-ARF specification
 * ({@code src/test/resources/xarf}), with formats (e-mail, UUID, date-time, host name) asserted.
 */
final class XarfSchema {

    private static final Schema SCHEMA = load();

    private XarfSchema() {}

    /** What is wrong with the report; nothing for a valid one. */
    static List<String> errors(String report) {
        return SCHEMA.validate(report, InputFormat.JSON).stream()
                .map(Error::toString)
                .toList();
    }

    private static Schema load() {
        var registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true)
                        .build()));
        try (var in = XarfSchema.class.getResourceAsStream("/xarf/messaging-spam-export.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("no schema at /xarf/messaging-spam-export.schema.json");
            }
            return registry.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
