package org.abusedesk.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OptInRecordTest {

    private static final String FULL = """
            {"version": 1, "sourceType": "FORM", "source": "https://shop.example/newsletter",
             "optedInAt": "2026-03-01T10:00:00Z", "confirmedAt": "2026-03-01T10:05:12Z", "ip": "192.0.2.10",
             "userAgent": "Mozilla/5.0 (X11; Linux x86_64)", "consentText": "Ja, ich möchte den Newsletter.\\nAbmeldung jederzeit.",
             "consentVersion": "2026-01", "customerField": "ignored"}""";

    @Test
    void aFullAnswer_givesEveryField_andIgnoresFieldsItDoesNotKnow() {
        var record = OptInRecord.parse(FULL.getBytes(StandardCharsets.UTF_8));

        assertThat(record.sourceType()).isEqualTo(OptInRecord.SourceType.FORM);
        assertThat(record.source()).isEqualTo("https://shop.example/newsletter");
        assertThat(record.optedInAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(record.confirmedAt()).contains(Instant.parse("2026-03-01T10:05:12Z"));
        assertThat(record.ip()).contains("192.0.2.10");
        assertThat(record.userAgent()).contains("Mozilla/5.0 (X11; Linux x86_64)");
        assertThat(record.consentText()).contains("Ja, ich möchte den Newsletter.\nAbmeldung jederzeit.");
        assertThat(record.consentVersion()).contains("2026-01");
    }

    @Test
    void anImport_needsOnlyItsNameAndTime_andItsStringNeverShowsTheRecordsPersonalData() {
        String answer = "{\"version\":1,\"sourceType\":\"IMPORT\",\"source\":\"crm-2025\","
                + "\"optedInAt\":\"2025-01-01T00:00:00Z\",\"ip\":\"2001:db8::7\",\"confirmedAt\":null}";
        var record = OptInRecord.parse(answer.getBytes(StandardCharsets.UTF_8));

        assertThat(record.source()).isEqualTo("crm-2025");
        assertThat(record.confirmedAt()).isEmpty();
        assertThat(record.ip()).contains("2001:db8::7");
        assertThat(record.toString()).doesNotContain("2001:db8::7").doesNotContain("crm-2025");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "not json|answer is not JSON",
                "[1]|answer is not a JSON object",
                "{\"sourceType\":\"FORM\"}|version is not 1",
                "{\"version\":2}|version is not 1",
                "{\"version\":1,\"source\":\"https://a.example\",\"optedInAt\":\"2026-01-01T00:00:00Z\"}|sourceType is missing",
                "{\"version\":1,\"sourceType\":\"PHONE\"}|sourceType is neither FORM nor IMPORT",
                "{\"version\":1,\"sourceType\":\"FORM\",\"optedInAt\":\"2026-01-01T00:00:00Z\"}|source is missing",
                "{\"version\":1,\"sourceType\":\"FORM\",\"source\":\"javascript:alert(1)\",\"optedInAt\":\"2026-01-01T00:00:00Z\"}|source of a FORM is not an http(s) URL",
                "{\"version\":1,\"sourceType\":\"IMPORT\",\"source\":\"x\"}|optedInAt is missing",
                "{\"version\":1,\"sourceType\":\"IMPORT\",\"source\":\"x\",\"optedInAt\":\"yesterday\"}|optedInAt is not an ISO 8601 UTC time",
                "{\"version\":1,\"sourceType\":\"IMPORT\",\"source\":\"x\",\"optedInAt\":\"2026-01-01T00:00:00Z\",\"ip\":\"evil.example\"}|ip is not an IPv4 or IPv6 address",
                "{\"version\":1,\"sourceType\":\"IMPORT\",\"source\":\"x\",\"optedInAt\":\"2026-01-01T00:00:00Z\",\"ip\":\"300.1.1.1\"}|ip is not an IPv4 or IPv6 address",
                "{\"version\":1,\"sourceType\":\"IMPORT\",\"source\":\"x\",\"optedInAt\":\"2026-01-01T00:00:00Z\",\"userAgent\":7}|userAgent is not a non-blank string",
                "{\"version\":1,\"sourceType\":\"IMPORT\",\"source\":\"a\\nVerified: yes\",\"optedInAt\":\"2026-01-01T00:00:00Z\"}|source is longer than 2048 characters or holds control characters",
                "{\"version\":1,\"version\":1}|answer is not JSON",
            })
    void anAnswerOutsideTheSchema_isMalformed_namingTheFieldButNeverItsValue(String answer, String reason) {
        assertThatThrownBy(() -> OptInRecord.parse(answer.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedAnswerException.class)
                .hasMessage(reason);
    }

    @Test
    void anAnswerBeyondItsLimit_isMalformed_beforeItIsParsed() {
        byte[] huge = ("{\"version\":1,\"consentText\":\"" + "a".repeat(OptInRecord.MAX_ANSWER_BYTES) + "\"}")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> OptInRecord.parse(huge))
                .isInstanceOf(MalformedAnswerException.class)
                .hasMessage("answer longer than 65536 bytes");
    }

    @Test
    void deeplyNestedJson_isMalformed_withoutExhaustingTheStack() {
        byte[] nested = ("[".repeat(100_000)).getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> OptInRecord.parse(nested)).isInstanceOf(MalformedAnswerException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.1", "0.0.0.0", "2001:db8::1", "::1", "fe80:0:0:0:0:0:0:1", "2001:db8:0:0:0:0:2:1"})
    void ipLiterals_areTakenWithoutALookup(String ip) {
        assertThat(OptInRecord.ipLiteral(ip)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "1.2.3", "1.2.3.4.5", "1:2:3", "1:::2", "12345::1", "1.2.3.04444", ""})
    void anythingElse_isNoIp(String ip) {
        assertThat(OptInRecord.ipLiteral(ip)).isFalse();
    }
}
