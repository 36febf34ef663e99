package org.abusedesk.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntrinsicsTest {

    private static final Map<String, String> REFS = Map.of(
            "Env", "prod",
            "Team", "abuse",
            "Bucket", "stack-Bucket",
            "AWS::Region", "eu-central-1",
            "AWS::AccountId", "123456789012",
            "AWS::StackId",
                    "arn:aws:cloudformation:eu-central-1:123456789012:stack/Abuse-Desk/1b2c3d4e-0000-4000-8000-1234567890ab",
            "Odd", "a$1\\b");

    private static final Map<String, String> ATTRIBUTES = Map.of(
            "Queue.Arn", "arn:aws:sqs:eu-central-1:123456789012:stack-Queue",
            "Queue.QueueName", "stack-Queue",
            "Db.Endpoint.Address", "db.local");

    private static final Map<String, Object> CONDITIONS = Map.of(
            "IsProd", Map.of("Fn::Equals", List.of(Map.of("Ref", "Env"), "prod")),
            "IsTest", Map.of("Fn::Equals", List.of(Map.of("Ref", "Env"), "test")),
            "IsNotProd", Map.of("Fn::Not", List.of(Map.of("Condition", "IsProd"))),
            "IsNotTest", Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", "Env"), "test")))),
            "ProdAndNotTest",
                    Map.of("Fn::And", List.of(Map.of("Condition", "IsProd"), Map.of("Condition", "IsNotTest"))),
            "TestOrNotProd",
                    Map.of("Fn::Or", List.of(Map.of("Condition", "IsTest"), Map.of("Condition", "IsNotProd"))));

    private final List<List<String>> getAttCalls = new ArrayList<>();

    private final Intrinsics intrinsics = new Intrinsics(
            name -> {
                String value = REFS.get(name);
                if (value == null) {
                    throw new IllegalArgumentException("no " + name);
                }
                return value;
            },
            at -> {
                getAttCalls.add(at);
                String value = ATTRIBUTES.get(at.get(0) + "." + at.get(1));
                if (value == null) {
                    throw new IllegalArgumentException("no " + at);
                }
                return value;
            },
            CONDITIONS);

    @Test
    void selectOfASplit_takesThePartAtItsIndex_asTheTemplatesCognitoDomainTakesTheStackIdsUuid() {
        // GIVEN the stack id's UUID, joined behind a prefix, as the template's Cognito domain takes it
        var uuid = Map.of("Fn::Select", List.of(2, Map.of("Fn::Split", List.of("/", Map.of("Ref", "AWS::StackId")))));
        var domain = Map.of("Fn::Join", List.of("", List.of("abuse-desk-", uuid)));

        // WHEN / THEN it is the third part, and an index outside the parts is refused
        assertThat(intrinsics.resolve(domain)).isEqualTo("abuse-desk-1b2c3d4e-0000-4000-8000-1234567890ab");
        assertThatThrownBy(() -> intrinsics.resolve(Map.of("Fn::Select", List.of(3, List.of("a", "b")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Fn::Select index 3 outside [a, b]");
    }

    @Test
    void ref_isTheValueOfTheReferencedName() {
        // GIVEN {Ref: Bucket}
        var value = Map.of("Ref", "Bucket");

        // WHEN it is resolved
        var resolved = intrinsics.resolve(value);

        // THEN it is what the stack gives for the name
        assertThat(resolved).isEqualTo("stack-Bucket");
    }

    @Test
    void getAtt_isTheAttributeOfTheLogicalId() {
        // GIVEN {Fn::GetAtt: [Queue, Arn]} and one with a dotted attribute
        var arn = Map.of("Fn::GetAtt", List.of("Queue", "Arn"));
        var address = Map.of("Fn::GetAtt", List.of("Db", "Endpoint.Address"));

        // WHEN they are resolved
        var resolvedArn = intrinsics.resolve(arn);
        var resolvedAddress = intrinsics.resolve(address);

        // THEN each is the attribute, asked for as [logical id, attribute]
        assertThat(resolvedArn).isEqualTo("arn:aws:sqs:eu-central-1:123456789012:stack-Queue");
        assertThat(resolvedAddress).isEqualTo("db.local");
        assertThat(getAttCalls).containsExactly(List.of("Queue", "Arn"), List.of("Db", "Endpoint.Address"));
    }

    @Test
    void sub_fillsParametersAttributesAndPseudoParameters() {
        // GIVEN a Fn::Sub with ${Param}, ${Res.Attr} and ${AWS::Region}
        var value = Map.of("Fn::Sub", "${Team}:${Queue.QueueName}@${AWS::Region}/${AWS::AccountId}");

        // WHEN it is resolved
        var resolved = intrinsics.resolve(value);

        // THEN each variable is its value
        assertThat(resolved).isEqualTo("abuse:stack-Queue@eu-central-1/123456789012");
        assertThat(getAttCalls).containsExactly(List.of("Queue", "QueueName"));
    }

    @Test
    void sub_withBang_writesTheVariableLiterally() {
        // GIVEN a Fn::Sub with ${!Literal} next to a real variable
        var value = Map.of("Fn::Sub", "${!Literal}-${Team}-${!AWS::Region}");

        // WHEN it is resolved
        var resolved = intrinsics.resolve(value);

        // THEN the escaped ones stay as ${...} without the bang
        assertThat(resolved).isEqualTo("${Literal}-abuse-${AWS::Region}");
    }

    @Test
    void sub_withVariableMap_takesTheMapBeforeParameters() {
        // GIVEN a Fn::Sub with a variable map whose values are intrinsics, one shadowing a parameter
        var value = Map.of(
                "Fn::Sub",
                List.of(
                        "${Name}/${Team}/${Env}",
                        Map.of("Name", Map.of("Fn::GetAtt", List.of("Queue", "QueueName")), "Team", "literal-team")));

        // WHEN it is resolved
        var resolved = intrinsics.resolve(value);

        // THEN map variables are resolved and win; the rest are parameters
        assertThat(resolved).isEqualTo("stack-Queue/literal-team/prod");
    }

    @Test
    void sub_ofValuesWithDollarAndBackslash_insertsThemLiterally() {
        // GIVEN a parameter whose value looks like a regex group reference
        var value = Map.of("Fn::Sub", "x-${Odd}-y");

        // WHEN it is resolved
        var resolved = intrinsics.resolve(value);

        // THEN the value goes in as it is
        assertThat(resolved).isEqualTo("x-a$1\\b-y");
    }

    @Test
    void sub_withoutVariables_isTheTextItself() {
        // GIVEN text with a dollar sign but no ${...}
        var value = Map.of("Fn::Sub", "costs $5 {not} a variable");

        // WHEN / THEN it is unchanged
        assertThat(intrinsics.resolve(value)).isEqualTo("costs $5 {not} a variable");
    }

    @Test
    void join_joinsResolvedPartsWithTheDelimiter() {
        // GIVEN a Fn::Join of literals and intrinsics
        var value = Map.of(
                "Fn::Join",
                List.of(":", List.of("a", Map.of("Ref", "Team"), Map.of("Fn::GetAtt", List.of("Queue", "QueueName")))));
        var empty = Map.of("Fn::Join", List.of("", List.of("x", "y", "z")));

        // WHEN they are resolved
        var resolved = intrinsics.resolve(value);

        // THEN the parts are joined with the delimiter
        assertThat(resolved).isEqualTo("a:abuse:stack-Queue");
        assertThat(intrinsics.resolve(empty)).isEqualTo("xyz");
    }

    @Test
    void join_leavesOutNoValueParts() {
        // GIVEN a Fn::Join with a part that is AWS::NoValue when a condition is false
        var value = Map.of(
                "Fn::Join",
                List.of(
                        "-",
                        List.of("a", Map.of("Fn::If", List.of("IsTest", "test", Map.of("Ref", "AWS::NoValue"))), "b")));

        // WHEN / THEN the part is left out
        assertThat(intrinsics.resolve(value)).isEqualTo("a-b");
    }

    @Test
    void if_takesTheBranchOfItsCondition() {
        // GIVEN Fn::If on a true Equals, a false Equals, and Not of each
        var prod = Map.of("Fn::If", List.of("IsProd", "big", "small"));
        var test = Map.of("Fn::If", List.of("IsTest", "big", "small"));
        var notProd = Map.of("Fn::If", List.of("IsNotProd", "big", "small"));
        var notTest = Map.of("Fn::If", List.of("IsNotTest", "big", "small"));

        // WHEN / THEN each gives the branch its condition picks
        assertThat(intrinsics.resolve(prod)).isEqualTo("big");
        assertThat(intrinsics.resolve(test)).isEqualTo("small");
        assertThat(intrinsics.resolve(notProd)).isEqualTo("small");
        assertThat(intrinsics.resolve(notTest)).isEqualTo("big");
    }

    @Test
    void if_resolvesOnlyTheBranchItTakes() {
        // GIVEN a Fn::If whose other branch refers to something that does not exist
        var value = Map.of("Fn::If", List.of("IsProd", Map.of("Ref", "Team"), Map.of("Ref", "Missing")));

        // WHEN / THEN the taken branch is resolved, the other is not touched
        assertThat(intrinsics.resolve(value)).isEqualTo("abuse");
    }

    @Test
    void condition_evaluatesEqualsNotAndOr() {
        // GIVEN the conditions section (Env = prod)

        // WHEN / THEN each condition is what CloudFormation makes of it
        assertThat(intrinsics.condition("IsProd")).isTrue();
        assertThat(intrinsics.condition("IsTest")).isFalse();
        assertThat(intrinsics.condition("IsNotProd")).isFalse();
        assertThat(intrinsics.condition("IsNotTest")).isTrue();
        assertThat(intrinsics.condition("ProdAndNotTest")).isTrue();
        assertThat(intrinsics.condition("TestOrNotProd")).isFalse();
    }

    @Test
    void condition_thatIsUnknown_isRefused() {
        // GIVEN a condition the section does not have

        // WHEN / THEN asking for it fails naming it
        assertThatThrownBy(() -> intrinsics.condition("Nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown condition Nope");
    }

    @Test
    void equals_outsideACondition_isABoolean() {
        // GIVEN Fn::Equals used as a value
        var same = Map.of("Fn::Equals", List.of(Map.of("Ref", "Env"), "prod"));
        var different = Map.of("Fn::Equals", List.of("a", "b"));

        // WHEN / THEN it resolves to true or false
        assertThat(intrinsics.resolve(same)).isEqualTo(true);
        assertThat(intrinsics.resolve(different)).isEqualTo(false);
    }

    @Test
    void noValue_dropsThePropertyItIsIn() {
        // GIVEN properties of which two are AWS::NoValue (one directly, one through Fn::If) and a list holding one
        var properties = new LinkedHashMap<String, Object>();
        properties.put("Kept", "yes");
        properties.put("Gone", Map.of("Ref", "AWS::NoValue"));
        properties.put("IfGone", Map.of("Fn::If", List.of("IsTest", "x", Map.of("Ref", "AWS::NoValue"))));
        properties.put("IfKept", Map.of("Fn::If", List.of("IsProd", "x", Map.of("Ref", "AWS::NoValue"))));
        properties.put("List", List.of("a", Map.of("Ref", "AWS::NoValue"), "b"));

        // WHEN they are resolved
        var resolved = CloudFormationTemplate.map(intrinsics.resolve(properties));

        // THEN the NoValue properties and list items are left out, the rest stays in order
        assertThat(resolved)
                .containsExactly(entry("Kept", "yes"), entry("IfKept", "x"), entry("List", List.of("a", "b")));
    }

    @Test
    void resolve_walksNestedMapsAndListsAndKeepsPlainValues() {
        // GIVEN nested properties with intrinsics deep inside and plain scalars
        var properties = Map.of(
                "Outer",
                Map.of(
                        "Inner", List.of(Map.of("Ref", "Team"), 5, true),
                        "Arn", Map.of("Fn::GetAtt", List.of("Queue", "Arn"))),
                "Number",
                180);

        // WHEN they are resolved
        var resolved = intrinsics.resolve(properties);

        // THEN every intrinsic is replaced and the plain values are kept with their types
        assertThat(resolved)
                .isEqualTo(Map.of(
                        "Outer",
                        Map.of(
                                "Inner",
                                List.of("abuse", 5, true),
                                "Arn",
                                "arn:aws:sqs:eu-central-1:123456789012:stack-Queue"),
                        "Number",
                        180));
    }

    @Test
    void resolveString_ofANonString_isItsText() {
        // GIVEN a number
        // WHEN / THEN resolveString gives its text
        assertThat(intrinsics.resolveString(180)).isEqualTo("180");
        assertThat(intrinsics.resolveString(Map.of("Ref", "Env"))).isEqualTo("prod");
    }

    @Test
    void unsupportedFunction_isRefusedNamingIt() {
        // GIVEN intrinsics the local stack does not implement
        var findInMap = Map.of("Fn::FindInMap", List.of("Map", "Key", "Value"));
        var base64 = Map.of("Properties", Map.of("Name", Map.of("Fn::Base64", "a")));

        // WHEN / THEN resolving fails and the message names the function
        assertThatThrownBy(() -> intrinsics.resolve(findInMap))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the local stack does not support Fn::FindInMap");
        assertThatThrownBy(() -> intrinsics.resolve(base64))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the local stack does not support Fn::Base64");
    }

    @Test
    void aMapWithSeveralKeys_isNoFunctionCall() {
        // GIVEN a plain map that happens to have a key named like a function, next to another key
        var properties = new LinkedHashMap<String, Object>();
        properties.put("Fn::Whatever", "x");
        properties.put("Other", Map.of("Ref", "Team"));

        // WHEN it is resolved
        var resolved = CloudFormationTemplate.map(intrinsics.resolve(properties));

        // THEN it stays a map with its values resolved
        assertThat(resolved).containsExactly(entry("Fn::Whatever", "x"), entry("Other", "abuse"));
    }
}
