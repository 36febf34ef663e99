package org.abusedesk.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventPatternTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The filter of the project's pipe, as template.yaml has it. */
    private static final String PIPE_FILTER = "{\"eventName\":[\"INSERT\"],\"dynamodb\":{\"NewImage\":"
            + "{\"itemType\":{\"S\":[\"complaint\"]},\"classification\":{\"S\":[\"COMPLAINT\"]}}}}";

    @Test
    void pipeFilter_isTheOneOfTheProjectTemplate() {
        // GIVEN the project's template
        var pipe = TestProject.template().resources().get("ComplaintsPipe").properties();

        // WHEN its filter pattern is read
        var source = CloudFormationTemplate.map(pipe.get("SourceParameters"));
        var filters = (List<?>)
                CloudFormationTemplate.map(source.get("FilterCriteria")).get("Filters");

        // THEN it is the one filter these tests check
        assertThat(filters).hasSize(1);
        assertThat(CloudFormationTemplate.map(filters.get(0)).get("Pattern")).isEqualTo(PIPE_FILTER);
    }

    @Test
    void caseEventsFilter_passesTheStepIntoAClosedState_butNoLaterWriteOnTheClosedCase() {
        // GIVEN the filter of the pipe that announces closed cases, as the template has it
        var pipe = TestProject.template().resources().get("CaseEventsPipe").properties();
        var source = CloudFormationTemplate.map(pipe.get("SourceParameters"));
        var filters = (List<?>)
                CloudFormationTemplate.map(source.get("FilterCriteria")).get("Filters");
        var filter = EventPattern.parse(
                (String) CloudFormationTemplate.map(filters.get(0)).get("Pattern"));

        // WHEN / THEN the closing write passes; the opt-in evidence or an acknowledgement written later does not
        assertThat(filter.matches(modify("NOTIFIED", "RESOLVED"))).isTrue();
        assertThat(filter.matches(modify("COUNTED", "DISMISSED"))).isTrue();
        assertThat(filter.matches(modify("RESOLVED", "RESOLVED"))).isFalse();
        assertThat(filter.matches(modify("DISMISSED", "DISMISSED"))).isFalse();
    }

    private static JsonNode modify(String from, String to) {
        return json("{\"eventName\":\"MODIFY\",\"dynamodb\":{\"OldImage\":{\"itemType\":{\"S\":\"complaint\"},"
                + "\"state\":{\"S\":\"" + from + "\"}},\"NewImage\":{\"itemType\":{\"S\":\"complaint\"},"
                + "\"state\":{\"S\":\"" + to + "\"},\"closingNote\":{\"S\":\"spam trap\"}}}}");
    }

    @Test
    void pipeFilter_passesTheInsertOfAComplaint() {
        // GIVEN the project's pipe filter
        var filter = EventPattern.parse(PIPE_FILTER);

        // WHEN / THEN the stream record of a new complaint passes
        assertThat(filter.matches(streamRecord("INSERT", "complaint"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"NOT_SPAM", "AUTH_FAILURE", "UNSUBSCRIBE", "BOUNCE", "AUTO_REPLY", "OTHER", "complaint"})
    void pipeFilter_refusesTheInsertOfAnythingButAComplaint(String classification) {
        // GIVEN the project's pipe filter
        var filter = EventPattern.parse(PIPE_FILTER);

        // WHEN / THEN a stored bounce, auto-reply or other non-complaint does not pass, nor does one without class
        assertThat(filter.matches(streamRecord("INSERT", "complaint", classification)))
                .isFalse();
        assertThat(filter.matches(json("{\"eventName\":\"INSERT\",\"dynamodb\":{\"NewImage\":"
                        + "{\"itemType\":{\"S\":\"complaint\"}}}}")))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"MODIFY", "REMOVE"})
    void pipeFilter_refusesOtherEventsOfAComplaint(String eventName) {
        // GIVEN the project's pipe filter
        var filter = EventPattern.parse(PIPE_FILTER);

        // WHEN / THEN a change or deletion of a complaint does not pass
        assertThat(filter.matches(streamRecord(eventName, "complaint"))).isFalse();
    }

    @Test
    void pipeFilter_refusesAnInsertOfAnotherItemType() {
        // GIVEN the project's pipe filter
        var filter = EventPattern.parse(PIPE_FILTER);

        // WHEN / THEN a new item of another type, or of none, does not pass
        assertThat(filter.matches(streamRecord("INSERT", "counter"))).isFalse();
        assertThat(filter.matches(streamRecord("INSERT", "Complaint"))).isFalse();
        assertThat(filter.matches(json(
                        "{\"eventName\":\"INSERT\",\"dynamodb\":{\"NewImage\":{\"mailingId\":{\"S\":\"14141611\"}}}}")))
                .isFalse();
        assertThat(filter.matches(json("{\"eventName\":\"INSERT\",\"dynamodb\":{}}")))
                .isFalse();
        assertThat(filter.matches(json("{\"eventName\":\"INSERT\"}"))).isFalse();
    }

    @Test
    void pipeFilter_refusesARemoveWithoutNewImage() {
        // GIVEN the project's pipe filter, and a REMOVE record as a NEW_IMAGE stream has it: keys only
        var filter = EventPattern.parse(PIPE_FILTER);
        var remove = json("{\"eventName\":\"REMOVE\",\"dynamodb\":{\"Keys\":{\"mailingId\":{\"S\":\"14141611\"}}}}");

        // WHEN / THEN it does not pass
        assertThat(filter.matches(remove)).isFalse();
    }

    @Test
    void exactValues_matchAnyOfTheAlternativesAndOnlyOfTheSameJsonType() {
        // GIVEN a pattern with two alternatives and one with a number
        var names = EventPattern.parse("{\"eventName\":[\"INSERT\",\"MODIFY\"]}");
        var count = EventPattern.parse("{\"count\":[5]}");

        // WHEN / THEN each alternative matches; other values and other JSON types do not
        assertThat(names.matches(json("{\"eventName\":\"INSERT\"}"))).isTrue();
        assertThat(names.matches(json("{\"eventName\":\"MODIFY\"}"))).isTrue();
        assertThat(names.matches(json("{\"eventName\":\"REMOVE\"}"))).isFalse();
        assertThat(names.matches(json("{}"))).isFalse();
        assertThat(count.matches(json("{\"count\":5}"))).isTrue();
        assertThat(count.matches(json("{\"count\":\"5\"}"))).isFalse();
        assertThat(count.matches(json("{\"count\":6}"))).isFalse();
    }

    @Test
    void exactValue_matchesAnArrayInTheEventThatContainsIt() {
        // GIVEN a pattern for one tag
        var pattern = EventPattern.parse("{\"tags\":[\"spam\"]}");

        // WHEN / THEN an event array holding it matches, one without it does not
        assertThat(pattern.matches(json("{\"tags\":[\"phishing\",\"spam\"]}"))).isTrue();
        assertThat(pattern.matches(json("{\"tags\":[\"phishing\"]}"))).isFalse();
    }

    @Test
    void prefix_matchesTextStartingWithIt() {
        // GIVEN a prefix pattern
        var pattern = EventPattern.parse("{\"dynamodb\":{\"Keys\":{\"mailingId\":{\"S\":[{\"prefix\":\"1414\"}]}}}}");

        // WHEN / THEN text starting with the prefix matches; other text, numbers and absence do not
        assertThat(pattern.matches(mailingId("\"14141611\""))).isTrue();
        assertThat(pattern.matches(mailingId("\"1414\""))).isTrue();
        assertThat(pattern.matches(mailingId("\"01414161\""))).isFalse();
        assertThat(pattern.matches(mailingId("14141611"))).isFalse();
        assertThat(pattern.matches(json("{\"dynamodb\":{\"Keys\":{}}}"))).isFalse();
    }

    @Test
    void prefix_andExactValues_areAlternatives() {
        // GIVEN a prefix and an exact value for the same field
        var pattern = EventPattern.parse("{\"source\":[{\"prefix\":\"form.\"},\"mail\"]}");

        // WHEN / THEN either one matches
        assertThat(pattern.matches(json("{\"source\":\"form.web\"}"))).isTrue();
        assertThat(pattern.matches(json("{\"source\":\"mail\"}"))).isTrue();
        assertThat(pattern.matches(json("{\"source\":\"mailbox\"}"))).isFalse();
    }

    @Test
    void exists_true_matchesAPresentLeaf_andFalse_anAbsentOne() {
        // GIVEN an exists:true and an exists:false pattern on the same leaf (EventBridge's exists sees leaves only)
        var present = EventPattern.parse("{\"dynamodb\":{\"NewImage\":{\"email\":{\"S\":[{\"exists\":true}]}}}}");
        var absent = EventPattern.parse("{\"dynamodb\":{\"NewImage\":{\"email\":{\"S\":[{\"exists\":false}]}}}}");
        var onObject = EventPattern.parse("{\"dynamodb\":{\"NewImage\":{\"email\":[{\"exists\":true}]}}}");
        var withEmail = json("{\"dynamodb\":{\"NewImage\":{\"email\":{\"S\":\"a@example.net\"}}}}");
        var withoutEmail = json("{\"dynamodb\":{\"NewImage\":{\"name\":{\"S\":\"Erika\"}}}}");

        // WHEN / THEN each matches exactly the events its value says; on an object, exists matches nothing
        assertThat(present.matches(withEmail)).isTrue();
        assertThat(present.matches(withoutEmail)).isFalse();
        assertThat(absent.matches(withEmail)).isFalse();
        assertThat(absent.matches(withoutEmail)).isTrue();
        assertThat(onObject.matches(withEmail)).isFalse();
    }

    @Test
    void emptyPattern_isRefused_asEventBridgeRefusesIt() {
        // GIVEN / WHEN / THEN a pattern without fields is no filter a pipe would take
        assertThatThrownBy(() -> EventPattern.parse("{}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Empty objects are not allowed");
    }

    @Test
    void everyMatcherOfEventBridge_works_notOnlyThoseThisProjectUses() {
        // GIVEN patterns with matchers no filter of the template uses today
        var positive = EventPattern.parse("{\"n\":[{\"numeric\":[\">\",0]}]}");
        var notRemove = EventPattern.parse("{\"eventName\":[{\"anything-but\":\"REMOVE\"}]}");
        var suffix = EventPattern.parse("{\"email\":[{\"suffix\":\"@example.net\"}]}");
        var ignoringCase = EventPattern.parse("{\"email\":[{\"equals-ignore-case\":\"A@EXAMPLE.NET\"}]}");

        // WHEN / THEN each passes what EventBridge passes, and nothing else
        assertThat(positive.matches(json("{\"n\":3}"))).isTrue();
        assertThat(positive.matches(json("{\"n\":0}"))).isFalse();
        assertThat(notRemove.matches(json("{\"eventName\":\"INSERT\"}"))).isTrue();
        assertThat(notRemove.matches(json("{\"eventName\":\"REMOVE\"}"))).isFalse();
        assertThat(suffix.matches(json("{\"email\":\"a@example.net\"}"))).isTrue();
        assertThat(suffix.matches(json("{\"email\":\"a@example.org\"}"))).isFalse();
        assertThat(ignoringCase.matches(json("{\"email\":\"a@example.net\"}"))).isTrue();
    }

    @Test
    void malformedMatcher_isRefusedAtParse() {
        // GIVEN a pattern whose value is a bare string instead of an array of alternatives, and an unknown matcher

        // WHEN / THEN parsing fails, instead of yielding a filter that passes what the pipe would refuse
        assertThatThrownBy(() -> EventPattern.parse("{\"eventName\":\"INSERT\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a valid event pattern");
        assertThatThrownBy(() -> EventPattern.parse("{\"email\":[{\"sounds-like\":\"a\"}]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a valid event pattern");
    }

    @Test
    void malformedJson_isRefusedAtParse() {
        // GIVEN a pattern that is no JSON

        // WHEN / THEN parsing fails and shows it
        assertThatThrownBy(() -> EventPattern.parse("{eventName:"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a JSON event pattern: {eventName:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "[\"INSERT\"]", "\"INSERT\"", "42", ""})
    void patternThatIsNoObject_isRefusedAtParse(String pattern) {
        // GIVEN a pattern that is JSON, but no object of fields

        // WHEN / THEN parsing fails instead of yielding a filter that passes every event
        assertThatThrownBy(() -> EventPattern.parse(pattern)).isInstanceOf(IllegalArgumentException.class);
    }

    private static JsonNode streamRecord(String eventName, String itemType) {
        return streamRecord(eventName, itemType, "COMPLAINT");
    }

    private static JsonNode streamRecord(String eventName, String itemType, String classification) {
        String newImage = eventName.equals("REMOVE")
                ? ""
                : ",\"NewImage\":{\"mailingId\":{\"S\":\"14141611\"},\"complaintId\":{\"S\":\"01JABC\"},"
                        + "\"itemType\":{\"S\":\"" + itemType + "\"},\"classification\":{\"S\":\"" + classification
                        + "\"},\"email\":{\"S\":\"a@example.net\"}}";
        return json("{\"eventName\":\"" + eventName + "\",\"eventSource\":\"aws:dynamodb\",\"dynamodb\":{"
                + "\"Keys\":{\"mailingId\":{\"S\":\"14141611\"},\"complaintId\":{\"S\":\"01JABC\"}}"
                + newImage
                + ",\"StreamViewType\":\"NEW_IMAGE\"}}");
    }

    private static JsonNode mailingId(String jsonValue) {
        return json("{\"dynamodb\":{\"Keys\":{\"mailingId\":{\"S\":" + jsonValue + "}}}}");
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
