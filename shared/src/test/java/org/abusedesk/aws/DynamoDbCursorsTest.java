package org.abusedesk.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.abusedesk.paging.InvalidCursorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbCursorsTest {

    private static final Map<String, AttributeValue> KEY = Map.of(
            "mailingId", AttributeValue.fromS("14141611"),
            "complaintId", AttributeValue.fromS("01KB3V9X4E0ZQ6K8N2M5T7R1YH"),
            "sentAt", AttributeValue.fromN("1764000000000"));

    @Test
    void encode_thenDecode_givesTheKeyBack_asAnOpaqueUrlSafeText() {
        var cursor = DynamoDbCursors.encode("complaints-by-mailing", KEY).orElseThrow();

        assertThat(cursor).matches("[A-Za-z0-9_-]+").doesNotContain("14141611");
        assertThat(DynamoDbCursors.decode("complaints-by-mailing", Optional.of(cursor)))
                .contains(KEY);
    }

    @Test
    void encode_ofNoLastKey_isNoCursor_andNoCursorStartsAtTheBeginning() {
        assertThat(DynamoDbCursors.encode("x", Map.of())).isEmpty();
        assertThat(DynamoDbCursors.encode("x", null)).isEmpty();
        assertThat(DynamoDbCursors.decode("x", Optional.empty())).isEmpty();
    }

    @Test
    void decode_ofAnotherListingsCursor_isRefused() {
        var cursor = DynamoDbCursors.encode("complaints-by-mailing", KEY).orElseThrow();

        assertThatThrownBy(() -> DynamoDbCursors.decode("suppressions", Optional.of(cursor)))
                .isInstanceOf(InvalidCursorException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not base64 at all!", "e30", "eyJsIjoieCJ9", "bnVsbA"})
    void decode_ofWhatWasNeverACursor_isRefused(String cursor) {
        assertThatThrownBy(() -> DynamoDbCursors.decode("x", Optional.of(cursor)))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void decode_ofAKeyWithAnAttributeThatIsNeitherStringNorNumber_isRefused() {
        String forged = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"l\":\"x\",\"k\":{\"a\":{\"B\":\"AA==\"}}}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> DynamoDbCursors.decode("x", Optional.of(forged)))
                .isInstanceOf(InvalidCursorException.class);
    }
}
