package org.abusedesk.aws;

import static org.abusedesk.aws.Attributes.n;
import static org.abusedesk.aws.Attributes.s;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.processing.HeldBack;
import org.abusedesk.processing.TeamMailBudget;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The team's mail budget as one item per window in the limits table ({@code team-mail#<window start>}): a counter
 * raised only below the budget, so that concurrent processors never overspend it, what was held back, and whether
 * its digest went out.
 */
public final class DynamoDbTeamMailBudget implements TeamMailBudget {

    /** How many held mailings a digest names; the rest it counts. */
    static final int MAX_NAMED_MAILINGS = 20;

    private final DynamoDbClient dynamoDb;
    private final String limitsTable;
    private final int budget;
    private final Duration window;

    public DynamoDbTeamMailBudget(DynamoDbClient dynamoDb, String limitsTable, int budget, Duration window) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb == null");
        this.limitsTable = Objects.requireNonNull(limitsTable, "limitsTable == null");
        if (budget < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("budget and window must be positive");
        }
        this.budget = budget;
        this.window = window;
    }

    @Override
    public boolean take(Instant now) {
        long start = windowStart(now);
        try {
            dynamoDb.updateItem(r -> r.tableName(limitsTable)
                    .key(key(start))
                    // USED is one of DynamoDB's reserved words.
                    .conditionExpression("attribute_not_exists(#used) OR #used < :budget")
                    .updateExpression("ADD #used :one SET expiresAt = :expires")
                    .expressionAttributeNames(Map.of("#used", "used"))
                    .expressionAttributeValues(
                            Map.of(":budget", n(budget), ":one", n(1), ":expires", n(expires(start)))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void hold(MailingId mailingId, Instant now) {
        long start = windowStart(now);
        var id = AttributeValue.fromSs(List.of(mailingId.value()));
        try {
            dynamoDb.updateItem(r -> r.tableName(limitsTable)
                    .key(key(start))
                    .conditionExpression(
                            "attribute_not_exists(mailings) OR size(mailings) < :named OR contains(mailings, :mailing)")
                    .updateExpression("ADD held :one, mailings :id SET expiresAt = :expires")
                    .expressionAttributeValues(Map.of(
                            ":named", n(MAX_NAMED_MAILINGS),
                            ":mailing", s(mailingId.value()),
                            ":one", n(1),
                            ":id", id,
                            ":expires", n(expires(start)))));
        } catch (ConditionalCheckFailedException e) {
            // Enough mailings named: count the complaint, and the mailing among the others.
            dynamoDb.updateItem(r -> r.tableName(limitsTable)
                    .key(key(start))
                    .updateExpression("ADD held :one, unnamed :one SET expiresAt = :expires")
                    .expressionAttributeValues(Map.of(":one", n(1), ":expires", n(expires(start)))));
        }
    }

    @Override
    public Optional<HeldBack> claimDigest(Instant now) {
        long start = windowStart(now) - window.toSeconds();
        try {
            var item = dynamoDb.updateItem(r -> r.tableName(limitsTable)
                            .key(key(start))
                            .conditionExpression("held > :none AND attribute_not_exists(digested)")
                            .updateExpression("SET digested = :yes")
                            .expressionAttributeValues(Map.of(":none", n(0), ":yes", AttributeValue.fromBool(true)))
                            .returnValues(ReturnValue.ALL_NEW))
                    .attributes();
            var mailings = Optional.ofNullable(item.get("mailings")).map(AttributeValue::ss).orElse(List.of()).stream()
                    .sorted()
                    .toList();
            long more = Optional.ofNullable(item.get("unnamed"))
                    .map(v -> Long.parseLong(v.n()))
                    .orElse(0L);
            return Optional.of(new HeldBack(
                    Instant.ofEpochSecond(start),
                    Instant.ofEpochSecond(start + window.toSeconds()),
                    Long.parseLong(item.get("held").n()),
                    mailings,
                    more));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    private long windowStart(Instant now) {
        long seconds = window.toSeconds();
        return Math.floorDiv(now.getEpochSecond(), seconds) * seconds;
    }

    /** Kept a day past its window: long enough for its digest, short enough to leave nothing behind. */
    private long expires(long start) {
        return start + window.toSeconds() + Duration.ofDays(1).toSeconds();
    }

    private static Map<String, AttributeValue> key(long start) {
        return Map.of("limitKey", s("team-mail#" + start));
    }
}
