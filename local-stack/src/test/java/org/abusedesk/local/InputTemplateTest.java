package org.abusedesk.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputTemplateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The input template of the project's pipe, as template.yaml has it. */
    private static final String PIPE_TEMPLATE =
            "{\"mailingId\": \"<$.dynamodb.Keys.mailingId.S>\", \"complaintId\": \"<$.dynamodb.Keys.complaintId.S>\"}";

    @Test
    void pipeTemplate_isTheOneOfTheProjectTemplate() {
        // GIVEN the project's template
        var pipe = TestProject.template().resources().get("ComplaintsPipe").properties();

        // WHEN its input template is read
        var target = CloudFormationTemplate.map(pipe.get("TargetParameters"));

        // THEN it is the one these tests check
        assertThat(target.get("InputTemplate")).isEqualTo(PIPE_TEMPLATE);
    }

    @Test
    void pipeTemplate_givesExactlyTheKeysOfTheComplaint() {
        // GIVEN the project's input template and the stream record of a new complaint with personal data
        var template = new InputTemplate(PIPE_TEMPLATE);
        var event = streamRecord("14141611", "01JCOMPLAINT0000000000000A");

        // WHEN it is rendered
        String body = template.render(event);

        // THEN it is exactly the keys, nothing of the image
        assertThat(body).isEqualTo("{\"mailingId\": \"14141611\", \"complaintId\": \"01JCOMPLAINT0000000000000A\"}");
    }

    @Test
    void textWithQuoteAndBackslash_staysValidJson() throws JsonProcessingException {
        // GIVEN key values with a quote, a backslash, a newline and non-ASCII text
        var template = new InputTemplate(PIPE_TEMPLATE);
        String mailingId = "14\"14\\16\n11";
        String complaintId = "Grüße \u2028 \t end";

        // WHEN the template is rendered
        String body = template.render(streamRecord(mailingId, complaintId));

        // THEN the output parses as JSON and each field holds the original text
        JsonNode parsed = JSON.readTree(body);
        assertThat(parsed.get("mailingId").asText()).isEqualTo(mailingId);
        assertThat(parsed.get("complaintId").asText()).isEqualTo(complaintId);
        assertThat(parsed.size()).isEqualTo(2);
    }

    @Test
    void textLookingLikeARegexGroupReference_goesInLiterally() {
        // GIVEN a value with $ and backslash sequences that Matcher.appendReplacement would interpret
        var template = new InputTemplate("<$.a>");

        // WHEN / THEN the text goes in unchanged apart from JSON escaping
        assertThat(template.render(object(Map.of("a", "$1 ${x}")))).isEqualTo("$1 ${x}");
    }

    @Test
    void missingPath_rendersEmpty() {
        // GIVEN placeholders whose path the event lacks: a missing leaf, a missing parent, a path through text
        var template = new InputTemplate("[<$.dynamodb.Keys.nope.S>|<$.nothing.at.all>|<$.eventName.S>]");
        var event = streamRecord("14141611", "01J");

        // WHEN it is rendered
        String body = template.render(event);

        // THEN each renders as nothing
        assertThat(body).isEqualTo("[||]");
    }

    @Test
    void jsonNull_rendersEmpty() {
        // GIVEN an event field that is JSON null
        var template = new InputTemplate("\"<$.a>\"");
        ObjectNode event = JSON.createObjectNode();
        event.putNull("a");

        // WHEN / THEN it renders as nothing
        assertThat(template.render(event)).isEqualTo("\"\"");
    }

    @Test
    void nonTextValues_goInAsJson() {
        // GIVEN a template with unquoted placeholders for a number, a boolean and an object
        var template = new InputTemplate("{\"n\": <$.n>, \"b\": <$.b>, \"o\": <$.o>}");
        ObjectNode event = JSON.createObjectNode();
        event.put("n", 42);
        event.put("b", true);
        event.putObject("o").put("S", "x\"y");

        // WHEN / THEN each goes in as its JSON
        assertThat(template.render(event)).isEqualTo("{\"n\": 42, \"b\": true, \"o\": {\"S\":\"x\\\"y\"}}");
    }

    @Test
    void samePlaceholderTwice_isFilledTwice_andTextAroundStays() {
        // GIVEN a template repeating a placeholder inside other text, and a <...> that is no placeholder
        var template = new InputTemplate("id=<$.id>; again=<$.id>; <not a placeholder>");

        // WHEN / THEN both are filled and the rest is kept
        assertThat(template.render(object(Map.of("id", "7")))).isEqualTo("id=7; again=7; <not a placeholder>");
    }

    @Test
    void withoutTemplate_theEventItselfIsTheBody() {
        // GIVEN no input template
        var template = new InputTemplate(null);
        var event = streamRecord("14141611", "01J");

        // WHEN / THEN the body is the whole event as JSON
        assertThat(template.render(event)).isEqualTo(event.toString());
    }

    private static JsonNode streamRecord(String mailingId, String complaintId) {
        ObjectNode event = JSON.createObjectNode();
        event.put("eventName", "INSERT");
        event.put("eventSource", "aws:dynamodb");
        ObjectNode dynamodb = event.putObject("dynamodb");
        ObjectNode keys = dynamodb.putObject("Keys");
        keys.putObject("mailingId").put("S", mailingId);
        keys.putObject("complaintId").put("S", complaintId);
        ObjectNode image = dynamodb.putObject("NewImage");
        image.putObject("mailingId").put("S", mailingId);
        image.putObject("complaintId").put("S", complaintId);
        image.putObject("itemType").put("S", "complaint");
        image.putObject("email").put("S", "erika@example.net");
        image.putObject("name").put("S", "Erika Muster");
        dynamodb.put("StreamViewType", "NEW_IMAGE");
        return event;
    }

    private static JsonNode object(Map<String, String> fields) {
        ObjectNode event = JSON.createObjectNode();
        fields.forEach(event::put);
        return event;
    }
}
