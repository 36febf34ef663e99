package org.abusedesk.aws;

import static org.abusedesk.aws.Attributes.number;
import static org.abusedesk.aws.Attributes.s;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.abusedesk.complaint.Channel;
import org.abusedesk.statistics.ComplaintTallies;
import org.abusedesk.statistics.DailyComplaints;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The complaints counted per Berlin day of receipt and channel, from the tallies the counting transaction keeps
 * ({@link DynamoDbStatisticsItems}): one {@code Query} of the statistics partition over the days' sort keys, a few
 * items per day whatever the number of complaints.
 */
public final class DynamoDbComplaintTallies implements ComplaintTallies {

    /** The longest range asked for at once: a year and a day, the chart's longest with room. */
    public static final int MAX_DAYS = 367;

    private final DynamoDbClient dynamoDb;
    private final String accountsTable;

    public DynamoDbComplaintTallies(DynamoDbClient dynamoDb, String accountsTable) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb == null");
        this.accountsTable = Objects.requireNonNull(accountsTable, "accountsTable == null");
    }

    @Override
    public List<DailyComplaints> days(LocalDate first, LocalDate last) {
        Objects.requireNonNull(first, "first == null");
        Objects.requireNonNull(last, "last == null");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("last before first");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw new IllegalArgumentException("more than " + MAX_DAYS + " days");
        }
        var counts = new HashMap<LocalDate, Map<Channel, Long>>();
        dynamoDb.queryPaginator(r -> r.tableName(accountsTable)
                        .keyConditionExpression("accountId = :partition AND sk BETWEEN :first AND :last")
                        .projectionExpression("#day, channel, complaints")
                        .expressionAttributeNames(Map.of("#day", "day"))
                        .expressionAttributeValues(Map.of(
                                ":partition", s(DynamoDbStatisticsItems.PARTITION),
                                ":first", s(DynamoDbStatisticsItems.daySk(first) + "#"),
                                // '$' sorts after '#': every shard of the last day.
                                ":last", s(DynamoDbStatisticsItems.daySk(last) + "$"))))
                .items()
                .forEach(item -> {
                    var day = LocalDate.parse(item.get("day").s());
                    var channel = Channel.valueOf(item.get("channel").s());
                    counts.computeIfAbsent(day, d -> new EnumMap<>(Channel.class))
                            .merge(channel, number(item, "complaints"), Long::sum);
                });
        var days = new ArrayList<DailyComplaints>();
        for (var day = first; !day.isAfter(last); day = day.plusDays(1)) {
            days.add(new DailyComplaints(day, counts.getOrDefault(day, Map.of())));
        }
        return days;
    }
}
