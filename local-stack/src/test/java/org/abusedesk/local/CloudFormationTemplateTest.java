package org.abusedesk.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.abusedesk.local.CloudFormationTemplate.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudFormationTemplateTest {

    @TempDir
    Path dir;

    @Test
    void load_ofTheProjectTemplate_givesEveryResourceWithItsTypeInTemplateOrder() {
        // GIVEN the project's template.yaml

        // WHEN it is loaded
        var resources = TestProject.template().resources();

        // THEN the resources are there, in template order, with their types
        var types = new LinkedHashMap<String, String>();
        resources.forEach((id, resource) -> types.put(id, resource.type()));
        assertThat(types.entrySet())
                .containsSubsequence(
                        entry("HttpApi", "AWS::Serverless::HttpApi"),
                        entry("ComplaintFormFunction", "AWS::Serverless::Function"),
                        entry("InboundMailFunction", "AWS::Serverless::Function"),
                        entry("InboundMailInvokePermission", "AWS::Lambda::Permission"),
                        entry("InboundMailBucket", "AWS::S3::Bucket"),
                        entry("InboundMailBucketPolicy", "AWS::S3::BucketPolicy"),
                        entry("InboundRuleSet", "AWS::SES::ReceiptRuleSet"),
                        entry("InboundRule", "AWS::SES::ReceiptRule"),
                        entry("InboundMailFailedQueue", "AWS::SQS::Queue"),
                        entry("InboundMailFailedAlarm", "AWS::CloudWatch::Alarm"),
                        entry("ComplaintProcessorFunction", "AWS::Serverless::Function"),
                        entry("ReconcilerFunction", "AWS::Serverless::Function"),
                        entry("ComplaintsTable", "AWS::DynamoDB::Table"),
                        entry("IntakeTable", "AWS::DynamoDB::Table"),
                        entry("IntakeSecret", "AWS::SecretsManager::Secret"),
                        entry("ComplaintsQueue", "AWS::SQS::Queue"),
                        entry("ComplaintsDeadLetterQueue", "AWS::SQS::Queue"),
                        entry("ComplaintsDeadLetterAlarm", "AWS::CloudWatch::Alarm"),
                        entry("ComplaintsPipe", "AWS::Pipes::Pipe"),
                        entry("ComplaintsPipeRole", "AWS::IAM::Role"),
                        entry("SenderEmailIdentity", "AWS::SES::EmailIdentity"));
        resources.forEach((id, resource) -> assertThat(resource.logicalId()).isEqualTo(id));
    }

    @Test
    void load_ofTheProjectTemplate_keepsConditionsOnlyWhereTheTemplateSetsThem() {
        // GIVEN the project's template.yaml
        var resources = TestProject.template().resources();

        // WHEN / THEN only what a parameter switches on is conditional
        assertThat(resources.get("SenderEmailIdentity").condition()).isEqualTo("CreateSenderIdentity");
        assertThat(resources.get("ApiDomain").condition()).isEqualTo("HasDomainName");
        assertThat(resources.values().stream()
                        .filter(r -> r.condition() != null)
                        .map(Resource::logicalId))
                .containsExactlyInAnyOrder(
                        "SenderEmailIdentity",
                        "ApiDomain",
                        "ApiDomainMapping",
                        "CustomerKeyUse",
                        "AlarmSubscription",
                        "AdminUserPool",
                        "AdminUserPoolDomain",
                        "AdminResourceServer",
                        "AdminCliClient",
                        "AdminReadClient",
                        "AbuseTeamReadGroup",
                        "AbuseTeamWriteGroup",
                        "ConsoleClient",
                        "PeopleCliClient",
                        "ConsoleSessionsTable",
                        "ConsoleFunction",
                        "ConsoleLogs",
                        "ConsoleRole",
                        "ConsoleErrorsAlarm",
                        "ConsoleThrottlesAlarm",
                        "OptInEvidenceRule",
                        "OptInEvidenceQueue",
                        "OptInEvidenceQueuePolicy",
                        "OptInEvidenceDeadLetterQueue",
                        "OptInEvidenceFunction",
                        "OptInEvidenceLogs",
                        "OptInEvidenceRole",
                        "OptInEvidenceDeadLetterAlarm",
                        "OptInEvidenceErrorsAlarm",
                        "OptInEvidenceThrottlesAlarm");
    }

    @Test
    void load_ofTheProjectTemplate_turnsShortFormIntrinsicsIntoLongForm() {
        // GIVEN the project's template.yaml
        var template = TestProject.template();
        var resources = template.resources();

        // WHEN its short-form intrinsics are read
        var pipe = resources.get("ComplaintsPipe").properties();
        var identity = resources.get("SenderEmailIdentity").properties();
        var globalVariables = CloudFormationTemplate.map(
                CloudFormationTemplate.map(template.functionGlobals().get("Environment"))
                        .get("Variables"));
        var processorPolicy = CloudFormationTemplate.map(CloudFormationTemplate.map(((List<?>) resources
                                .get("ComplaintProcessorRole")
                                .properties()
                                .get("Policies"))
                        .get(0))
                .get("PolicyDocument"));
        var sesStatement = ((List<?>) processorPolicy.get("Statement"))
                .stream()
                        .map(CloudFormationTemplate::map)
                        .filter(statement -> "ses:SendEmail".equals(statement.get("Action")))
                        .findFirst()
                        .orElseThrow();

        // THEN !GetAtt A.B is {Fn::GetAtt: [A, B]}, !Ref X is {Ref: X}, !Sub s is {Fn::Sub: s}, !Equals is Fn::Equals
        assertThat(pipe.get("Source")).isEqualTo(Map.of("Fn::GetAtt", List.of("ComplaintsTable", "StreamArn")));
        assertThat(pipe.get("Target")).isEqualTo(Map.of("Fn::GetAtt", List.of("ComplaintsQueue", "Arn")));
        assertThat(identity).isEqualTo(Map.of("EmailIdentity", Map.of("Ref", "SenderIdentity")));
        assertThat(globalVariables.get("COMPLAINTS_TABLE")).isEqualTo(Map.of("Ref", "ComplaintsTable"));
        assertThat(sesStatement.get("Resource"))
                .isEqualTo(Map.of(
                        "Fn::Sub",
                        "arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/${SenderIdentity}"));
        assertThat(template.section("Conditions"))
                .containsEntry(
                        "CreateSenderIdentity",
                        Map.of("Fn::Equals", List.of(Map.of("Ref", "CreateSenderIdentity"), "true")))
                .containsEntry(
                        "UseCustomerKey",
                        Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", "KmsKeyArn"), "")))));
    }

    @Test
    void functionGlobals_ofTheProjectTemplate_isItsGlobalsFunctionSection() {
        // GIVEN the project's template.yaml
        var template = TestProject.template();

        // WHEN its function globals are read
        var globals = template.functionGlobals();

        // THEN they are the Globals.Function section, scalars typed as YAML types them
        assertThat(globals)
                .containsEntry("Runtime", "java21")
                .containsEntry("Architectures", List.of("arm64"))
                .containsEntry("MemorySize", 1024)
                .containsEntry("Timeout", 20);
    }

    @Test
    void load_readsEveryShortFormTagAsItsLongForm() throws IOException {
        // GIVEN a template with each short form
        var path = write("""
                Resources:
                  Thing:
                    Type: Custom::Thing
                    Condition: IsProd
                    Properties:
                      Ref: !Ref Bucket
                      GetAttDotted: !GetAtt Queue.Arn
                      GetAttNestedDots: !GetAtt Db.Endpoint.Address
                      GetAttSequence: !GetAtt [Queue, QueueName]
                      Sub: !Sub "${AWS::Region}-${Name}"
                      SubWithVariables: !Sub
                        - "${A}/${B}"
                        - A: !Ref Bucket
                          B: literal
                      Join: !Join [",", [a, !Ref Bucket]]
                      If: !If [IsProd, big, !Ref AWS::NoValue]
                      Select: !Select [0, !Split [",", "x,y"]]
                      Base64: !Base64 text
                      FindInMap: !FindInMap [Map, Key, Value]
                      ImportValue: !ImportValue Exported
                      GetAZs: !GetAZs ""
                Conditions:
                  IsProd: !Equals [!Ref Env, prod]
                  IsNotProd: !Not [!Condition IsProd]
                  Both: !And [!Condition IsProd, !Or [!Condition IsProd, !Condition IsNotProd]]
                """);

        // WHEN it is loaded
        var template = CloudFormationTemplate.load(path);
        var thing = template.resources().get("Thing");

        // THEN every tag is the one-entry map of its long form
        assertThat(thing.type()).isEqualTo("Custom::Thing");
        assertThat(thing.condition()).isEqualTo("IsProd");
        assertThat(thing.properties())
                .containsExactly(
                        entry("Ref", Map.of("Ref", "Bucket")),
                        entry("GetAttDotted", Map.of("Fn::GetAtt", List.of("Queue", "Arn"))),
                        entry("GetAttNestedDots", Map.of("Fn::GetAtt", List.of("Db", "Endpoint.Address"))),
                        entry("GetAttSequence", Map.of("Fn::GetAtt", List.of("Queue", "QueueName"))),
                        entry("Sub", Map.of("Fn::Sub", "${AWS::Region}-${Name}")),
                        entry(
                                "SubWithVariables",
                                Map.of(
                                        "Fn::Sub",
                                        List.of("${A}/${B}", Map.of("A", Map.of("Ref", "Bucket"), "B", "literal")))),
                        entry("Join", Map.of("Fn::Join", List.of(",", List.of("a", Map.of("Ref", "Bucket"))))),
                        entry("If", Map.of("Fn::If", List.of("IsProd", "big", Map.of("Ref", "AWS::NoValue")))),
                        entry("Select", Map.of("Fn::Select", List.of(0, Map.of("Fn::Split", List.of(",", "x,y"))))),
                        entry("Base64", Map.of("Fn::Base64", "text")),
                        entry("FindInMap", Map.of("Fn::FindInMap", List.of("Map", "Key", "Value"))),
                        entry("ImportValue", Map.of("Fn::ImportValue", "Exported")),
                        entry("GetAZs", Map.of("Fn::GetAZs", "")));
        assertThat(template.section("Conditions"))
                .containsExactly(
                        entry("IsProd", Map.of("Fn::Equals", List.of(Map.of("Ref", "Env"), "prod"))),
                        entry("IsNotProd", Map.of("Fn::Not", List.of(Map.of("Condition", "IsProd")))),
                        entry(
                                "Both",
                                Map.of(
                                        "Fn::And",
                                        List.of(
                                                Map.of("Condition", "IsProd"),
                                                Map.of(
                                                        "Fn::Or",
                                                        List.of(
                                                                Map.of("Condition", "IsProd"),
                                                                Map.of("Condition", "IsNotProd")))))));
    }

    @Test
    void load_keepsLongFormIntrinsicsAsTheyAre() throws IOException {
        // GIVEN a template written with long-form intrinsics
        var path = write("""
                Resources:
                  Thing:
                    Type: Custom::Thing
                    Properties:
                      Name:
                        Fn::GetAtt: [Queue, Arn]
                      Other:
                        Ref: Bucket
                """);

        // WHEN it is loaded
        var properties =
                CloudFormationTemplate.load(path).resources().get("Thing").properties();

        // THEN they read the same as the short forms
        assertThat(properties)
                .containsExactly(
                        entry("Name", Map.of("Fn::GetAtt", List.of("Queue", "Arn"))),
                        entry("Other", Map.of("Ref", "Bucket")));
    }

    @Test
    void resources_ofAResourceWithoutProperties_hasEmptyPropertiesAndNoCondition() throws IOException {
        // GIVEN a resource with a type only
        var path = write("""
                Resources:
                  Bare:
                    Type: AWS::SQS::Queue
                """);

        // WHEN the resources are read
        var bare = CloudFormationTemplate.load(path).resources().get("Bare");

        // THEN it has no properties and no condition
        assertThat(bare).isEqualTo(new Resource("Bare", "AWS::SQS::Queue", Map.of(), null));
    }

    @Test
    void sections_missingFromTheTemplate_areEmpty() throws IOException {
        // GIVEN a template without Resources, Globals or Conditions
        var path = write("Description: nothing\n");

        // WHEN its sections are read
        var template = CloudFormationTemplate.load(path);

        // THEN they are empty, not missing
        assertThat(template.resources()).isEmpty();
        assertThat(template.functionGlobals()).isEmpty();
        assertThat(template.section("Conditions")).isEmpty();
        assertThat(template.document()).containsExactly(entry("Description", "nothing"));
    }

    @Test
    void section_thatIsNotAMapping_isRefused() throws IOException {
        // GIVEN a template whose Resources is a list
        var path = write("Resources: [a, b]\n");
        var template = CloudFormationTemplate.load(path);

        // WHEN / THEN reading it fails naming what it found
        assertThatThrownBy(template::resources)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a mapping, found [a, b]");
    }

    @Test
    void load_ofAMissingFile_failsNamingThePath() {
        // GIVEN a path without a file
        var missing = dir.resolve("nope.yaml");

        // WHEN / THEN loading fails and names it
        assertThatThrownBy(() -> CloudFormationTemplate.load(missing))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot read template " + missing)
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void load_ofAnUnknownTag_fails() throws IOException {
        // GIVEN a template with a tag that is no intrinsic function
        var path = write("""
                Resources:
                  Thing:
                    Type: Custom::Thing
                    Properties:
                      Name: !Bogus x
                """);

        // WHEN / THEN loading fails naming the tag instead of reading it as a plain value
        assertThatThrownBy(() -> CloudFormationTemplate.load(path)).hasMessageContaining("!Bogus");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("template.yaml"), yaml, StandardCharsets.UTF_8);
    }
}
