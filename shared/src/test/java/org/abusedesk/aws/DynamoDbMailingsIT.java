package org.abusedesk.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.abusedesk.account.AccountId;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.local.Stack;
import org.abusedesk.mailing.Mailing;
import org.abusedesk.testkit.MotoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The mailing registry against the moto server. */
@ExtendWith(MotoExtension.class)
class DynamoDbMailingsIT {

    private static final Instant SENT_AT = Instant.parse("2026-11-02T08:00:00Z");

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final DynamoDbMailings mailings;

    DynamoDbMailingsIT(Stack stack) {
        this.dynamoDb = stack.aws().dynamoDb();
        this.table = stack.ref("MailingsTable");
        this.mailings = new DynamoDbMailings(dynamoDb, table);
    }

    @Test
    void register_keepsTheOptInEvidence_andARegistrationWithoutItRemovesIt() {
        // GIVEN a mailing registered with the evidence of how its recipients opted in
        var id = new MailingId("14141611");
        mailings.register(registration(id, Optional.of("double opt-in, confirmed 2026-10-01 via form /newsletter")));

        // WHEN it is read, registered again without evidence, and read again
        var withEvidence = mailings.find(id).orElseThrow();
        mailings.register(registration(id, Optional.empty()));
        var without = mailings.find(id).orElseThrow();

        // THEN the evidence is there, then gone from model and item alike
        assertThat(withEvidence.optInEvidence()).contains("double opt-in, confirmed 2026-10-01 via form /newsletter");
        assertThat(without.optInEvidence()).isEmpty();
        assertThat(dynamoDb.getItem(r -> r.tableName(table).key(Map.of("mailingId", AttributeValue.fromS("14141611"))))
                        .item())
                .doesNotContainKey("optInEvidence")
                .containsEntry("accountId", AttributeValue.fromS("121070"));
    }

    private static Mailing registration(MailingId id, Optional<String> optInEvidence) {
        return Mailing.registered(
                id,
                new AccountId("121070"),
                OptionalLong.of(1000),
                SENT_AT,
                Optional.of("Angebote"),
                Optional.of("news@shop.example.org"),
                optInEvidence);
    }
}
