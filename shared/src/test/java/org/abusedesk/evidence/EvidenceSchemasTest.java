package org.abusedesk.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import org.abusedesk.account.AccountId;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.local.ProjectRoot;
import org.abusedesk.suppression.AddressHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The published schemas of the evidence endpoint's request and answer, held to what the desk sends and takes. */
class EvidenceSchemasTest {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Schema REQUEST = load("OptInEvidenceRequest");
    private static final Schema RECORD = load("OptInRecord");
    private static final EvidenceRequest ASKED = new EvidenceRequest(
            new AccountId("121070"),
            ComplaintKey.of("14141611", "01KB3V9X4E0ZQ6K8N2M5T7R1YH"),
            AddressHash.of("erika.muster@example.net"),
            Optional.empty());

    @Test
    void theRequest_byHashAndWithTheAddress_isValidByItsSchema_andAFieldMoreIsNot() {
        var withAddress = new EvidenceRequest(
                ASKED.account(), ASKED.complaint(), ASKED.recipientHash(), Optional.of("erika.muster@example.net"));

        assertThat(REQUEST.validate(new String(ASKED.json(), StandardCharsets.UTF_8), InputFormat.JSON))
                .isEmpty();
        assertThat(REQUEST.validate(new String(withAddress.json(), StandardCharsets.UTF_8), InputFormat.JSON))
                .isEmpty();
        assertThat(REQUEST.validate(
                        new String(ASKED.json(), StandardCharsets.UTF_8)
                                .replace("{\"version\"", "{\"ip\":\"x\",\"version\""),
                        InputFormat.JSON))
                .isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"version\":1,\"sourceType\":\"FORM\",\"source\":\"https://shop.example/newsletter\","
                        + "\"optedInAt\":\"2026-03-01T10:00:00Z\",\"confirmedAt\":\"2026-03-01T10:05:12Z\","
                        + "\"ip\":\"192.0.2.10\",\"userAgent\":\"Mozilla/5.0\",\"consentText\":\"Ja.\\nDanke.\","
                        + "\"consentVersion\":\"2026-01\"}",
                "{\"version\":1,\"sourceType\":\"IMPORT\",\"source\":\"crm-2025\",\"optedInAt\":\"2025-01-01T00:00:00Z\","
                        + "\"ip\":\"2001:db8::7\",\"confirmedAt\":null,\"extra\":true}",
            })
    void whatTheSchemaTakes_theDeskTakes(String answer) {
        assertThat(RECORD.validate(answer, InputFormat.JSON)).isEmpty();
        assertThat(OptInRecord.parse(answer.getBytes(StandardCharsets.UTF_8)).optedInAt())
                .isNotNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"version\":2,\"sourceType\":\"IMPORT\",\"source\":\"x\",\"optedInAt\":\"2026-01-01T00:00:00Z\"}",
                "{\"version\":1,\"sourceType\":\"PHONE\",\"source\":\"x\",\"optedInAt\":\"2026-01-01T00:00:00Z\"}",
                "{\"version\":1,\"sourceType\":\"FORM\",\"source\":\"ftp://x\",\"optedInAt\":\"2026-01-01T00:00:00Z\"}",
                "{\"version\":1,\"sourceType\":\"IMPORT\",\"source\":\"x\",\"optedInAt\":\"gestern\"}",
                "{\"version\":1,\"sourceType\":\"IMPORT\",\"source\":\"x\",\"optedInAt\":\"2026-01-01T00:00:00Z\",\"ip\":\"host.example\"}",
                "{\"version\":1,\"sourceType\":\"IMPORT\",\"source\":\"a\\nb\",\"optedInAt\":\"2026-01-01T00:00:00Z\"}",
                "{\"version\":1,\"sourceType\":\"IMPORT\",\"source\":\"x\"}",
            })
    void whatTheSchemaRefuses_theDeskRefuses(String answer) {
        assertThat(RECORD.validate(answer, InputFormat.JSON)).isNotEmpty();
        assertThatThrownBy(() -> OptInRecord.parse(answer.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedAnswerException.class);
    }

    private static Schema load(String name) {
        var file = ProjectRoot.find().resolve("docs/evidence/" + name + ".schema.json");
        try (var in = Files.newInputStream(file)) {
            return REGISTRY.getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException("no schema at " + file, e);
        }
    }
}
