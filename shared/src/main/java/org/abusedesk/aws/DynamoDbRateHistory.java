package org.abusedesk.aws;

import static org.abusedesk.aws.Attributes.s;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.abusedesk.account.AccountId;
import org.abusedesk.account.Thresholds;
import org.abusedesk.cases.TimeRange;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.registration.Mailings;
import org.abusedesk.statistics.RateHistory;
import org.abusedesk.statistics.RatePoint;
import org.abusedesk.statistics.RateTimeline;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An account's rate over time from its mailings (the mailings table's {@code byAccount}, sent since the window
 * before the first point) and its counted complaints (the complaints table's {@code byAccount}, over the ids of the
 * same time range), each with the mailing's counts it keeps from its counting ({@code counted}). A replay keeps
 * none and counts nothing.
 */
public final class DynamoDbRateHistory implements RateHistory {

    /** The longest history asked for at once, the window before it aside. */
    public static final Duration MAX_SPAN = Duration.ofDays(366);

    private final DynamoDbClient dynamoDb;
    private final String complaintsTable;
    private final Mailings mailings;
    private final Thresholds thresholds;
    private final Clock clock;

    public DynamoDbRateHistory(
            DynamoDbClient dynamoDb, String complaintsTable, Mailings mailings, Thresholds thresholds, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb == null");
        this.complaintsTable = Objects.requireNonNull(complaintsTable, "complaintsTable == null");
        this.mailings = Objects.requireNonNull(mailings, "mailings == null");
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds == null");
    }

    @Override
    public List<RatePoint> of(AccountId accountId, Instant from, Instant to) {
        Objects.requireNonNull(accountId, "accountId == null");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to before from");
        }
        if (Duration.between(from, to).compareTo(MAX_SPAN) > 0) {
            throw new IllegalArgumentException("longer than " + MAX_SPAN.toDays() + " days");
        }
        var since = from.minus(thresholds.window());
        var sent = mailings.sentBy(accountId, since);
        var counted = counted(accountId, TimeRange.between(since, to.plusMillis(1)));
        return new RateTimeline(thresholds.window()).points(sent, counted, from, to);
    }

    /** The account's complaints received in {@code range} that counted, with the counts they keep. */
    private List<RateTimeline.Counted> counted(AccountId accountId, TimeRange range) {
        var keys = new ArrayList<Map<String, AttributeValue>>();
        dynamoDb.queryPaginator(r -> r.tableName(complaintsTable)
                        .indexName(DynamoDbCaseListings.BY_ACCOUNT)
                        .keyConditionExpression("accountId = :account AND complaintId BETWEEN :low AND :high")
                        .expressionAttributeValues(Map.of(
                                ":account", s(accountId.value()),
                                ":low", s(range.lowestId().orElseThrow()),
                                ":high", s(range.highestId().orElseThrow()))))
                .items()
                .forEach(item ->
                        keys.add(Map.of("mailingId", item.get("mailingId"), "complaintId", item.get("complaintId"))));
        var found = new ArrayList<RateTimeline.Counted>();
        var now = clock.instant();
        BatchReads.read(
                        dynamoDb,
                        complaintsTable,
                        keys,
                        batch -> batch.projectionExpression("mailingId, accountId, counted, expiresAt"),
                        Backoff.DEFAULT)
                .forEach(item -> {
                    var counts = item.get("counted");
                    boolean readable = Long.parseLong(item.get("expiresAt").n()) > now.getEpochSecond();
                    if (counts == null || !readable || !accountId.value().equals(text(item, "accountId"))) {
                        return;
                    }
                    var kept = counts.m();
                    found.add(new RateTimeline.Counted(
                            new MailingId(item.get("mailingId").s()),
                            Instant.parse(kept.get("at").s()),
                            Long.parseLong(kept.get("complaints").s()),
                            Long.parseLong(kept.get("verifiedComplaints").s())));
                });
        return found;
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        var value = item.get(name);
        return value == null ? null : value.s();
    }
}
