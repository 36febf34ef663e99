package org.abusedesk.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.abusedesk.local.CloudFormationTemplate;
import org.abusedesk.local.ProjectRoot;
import org.junit.jupiter.api.Test;

/** The published schemas of the bus's events: one for each pipe's detail type, each closed and of version 1. */
class EventSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A valid detail of each event, as the pipes make them. */
    private static final Map<String, String> VALID = Map.of(
            "AccountStatusChanged",
            "{\"version\":1,\"accountId\":\"121070\",\"from\":\"ACTIVE\",\"to\":\"FLAGGED\","
                    + "\"at\":\"2026-11-27T10:00:00Z\",\"reason\":\"rate\",\"changedBy\":\"abuse-desk\","
                    + "\"ratePercent\":\"0.3000\"}",
            "SuppressionAdded",
            "{\"version\":1,\"accountId\":\"121070\",\"addressHash\":\"" + "ab".repeat(32)
                    + "\",\"at\":\"2026-11-27T10:00:00.123Z\"}",
            "CaseClosed",
            "{\"version\":1,\"mailingId\":\"14141611\",\"complaintId\":\"01KB3V9X4E0ZQ6K8N2M5T7R1YH\","
                    + "\"outcome\":\"RESOLVED\",\"closedBy\":\"anna.team\",\"at\":\"2026-11-27T10:00:00Z\"}",
            "ComplaintCounted",
            "{\"version\":1,\"mailingId\":\"14141611\",\"complaintId\":\"01KB3V9X4E0ZQ6K8N2M5T7R1YH\","
                    + "\"accountId\":\"121070\",\"channel\":\"FORM\",\"classification\":\"COMPLAINT\","
                    + "\"verified\":false,\"verification\":\"FORM\",\"complaints\":\"3\",\"verifiedComplaints\":\"0\","
                    + "\"recipients\":\"1000\",\"ratePercent\":\"0.3000\",\"at\":\"2026-11-27T10:00:00.123Z\"}");

    @Test
    void everyPipeToTheBus_hasASchemaOfItsDetailType_andThereIsNoOther() throws Exception {
        // GIVEN the detail types of the template's pipes to the event bus
        var detailTypes = new TreeMap<String, String>();
        CloudFormationTemplate.load(ProjectRoot.find().resolve("template.yaml")).resources().values().stream()
                .filter(r -> r.type().equals("AWS::Pipes::Pipe"))
                .forEach(r -> {
                    var target = CloudFormationTemplate.map(r.properties().get("TargetParameters"));
                    var bus =
                            CloudFormationTemplate.map(target.getOrDefault("EventBridgeEventBusParameters", Map.of()));
                    if (bus.containsKey("DetailType")) {
                        detailTypes.put((String) bus.get("DetailType"), r.logicalId());
                    }
                });

        // WHEN the schemas in docs/events are listed
        List<String> schemas;
        try (var files = Files.list(ProjectRoot.find().resolve("docs/events"))) {
            schemas = files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".schema.json"))
                    .map(name -> name.substring(0, name.length() - ".schema.json".length()))
                    .sorted()
                    .toList();
        }

        // THEN there is one per detail type, and each event's example here is valid by it
        assertThat(detailTypes.keySet())
                .containsExactly("AccountStatusChanged", "CaseClosed", "ComplaintCounted", "SuppressionAdded");
        assertThat(schemas).containsExactlyElementsOf(detailTypes.keySet());
        VALID.forEach((type, detail) ->
                assertThat(EventSchemas.errors(type, detail)).as(type).isEmpty());
    }

    @Test
    void eachSchema_isDraft2020_12_requiresVersion1_andAllowsNoOtherField() throws Exception {
        for (var type : VALID.keySet()) {
            var schema = JSON.readTree(ProjectRoot.find()
                    .resolve("docs/events/" + type + ".schema.json")
                    .toFile());
            assertThat(schema.get("$schema").asText())
                    .as(type)
                    .isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(schema.get("required").toString()).as(type).contains("\"version\"");
            assertThat(schema.at("/properties/version/const").asInt(0)).as(type).isEqualTo(1);
            assertThat(schema.get("additionalProperties").asBoolean(true))
                    .as(type)
                    .isFalse();
            // every field is required: a receiver can count on each one
            var names = JSON.createArrayNode();
            schema.get("properties").fieldNames().forEachRemaining(names::add);
            assertThat(JSON.readTree(schema.get("required").toString()))
                    .as(type)
                    .containsExactlyInAnyOrderElementsOf(names);
        }
    }

    @Test
    void aDetailOfAnotherVersion_withAFieldMore_orWithoutOne_isRefused() throws Exception {
        for (var entry : VALID.entrySet()) {
            String type = entry.getKey();
            var other = (ObjectNode) JSON.readTree(entry.getValue());
            other.put("version", 2);
            var more = (ObjectNode) JSON.readTree(entry.getValue());
            more.put("email", "erika.muster@example.net");
            var less = (ObjectNode) JSON.readTree(entry.getValue());
            less.remove("at");
            var badTime = (ObjectNode) JSON.readTree(entry.getValue());
            badTime.put("at", "27.11.2026 10:00");

            assertThat(EventSchemas.errors(type, other.toString())).as(type).isNotEmpty();
            assertThat(EventSchemas.errors(type, more.toString())).as(type).isNotEmpty();
            assertThat(EventSchemas.errors(type, less.toString())).as(type).isNotEmpty();
            assertThat(EventSchemas.errors(type, badTime.toString())).as(type).isNotEmpty();
        }
    }

    @Test
    void aSuppressionsHash_isTheDigestsSixtyFourLowerCaseHexDigits() {
        String valid = VALID.get("SuppressionAdded");

        assertThat(EventSchemas.errors("SuppressionAdded", valid.replace("ab".repeat(32), "AB".repeat(32))))
                .isNotEmpty();
        assertThat(EventSchemas.errors("SuppressionAdded", valid.replace("ab".repeat(32), "")))
                .isNotEmpty();
    }
}
