package org.abusedesk.aws;

import static org.abusedesk.aws.Attributes.number;
import static org.abusedesk.aws.Attributes.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.abusedesk.account.AccountId;
import org.abusedesk.account.AccountStatistics;
import org.abusedesk.account.Accounts;
import org.abusedesk.account.Thresholds;
import org.abusedesk.statistics.AccountStanding;
import org.abusedesk.statistics.AccountStandings;
import org.abusedesk.statistics.BerlinDays;
import org.abusedesk.statistics.NearestThresholds;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The accounts nearest their next threshold, among those with complaints counted against them in the rate's window:
 * only they can have a rate above 0 %, since a complaint comes after its mailing. They are read from the statistics
 * partition the counting transaction keeps ({@link DynamoDbStatisticsItems}), one item per account and Berlin day,
 * with one {@code Query} over the window's days; at most {@link #CANDIDATES} of them, those with the most complaints,
 * are then rated as the escalation rates them, with their status.
 */
public final class DynamoDbAccountStandings implements AccountStandings {

    /** The most accounts rated for one answer: each costs a few reads of its status and its mailings. */
    public static final int CANDIDATES = 50;

    private final DynamoDbClient dynamoDb;
    private final String accountsTable;
    private final Accounts accounts;
    private final AccountStatistics statistics;
    private final Thresholds thresholds;

    /** @param statistics as the escalation computes them, e.g. {@code EscalateAccount::statistics} */
    public DynamoDbAccountStandings(
            DynamoDbClient dynamoDb,
            String accountsTable,
            Accounts accounts,
            AccountStatistics statistics,
            Thresholds thresholds) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb == null");
        this.accountsTable = Objects.requireNonNull(accountsTable, "accountsTable == null");
        this.accounts = Objects.requireNonNull(accounts, "accounts == null");
        this.statistics = Objects.requireNonNull(statistics, "statistics == null");
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds == null");
    }

    @Override
    public List<AccountStanding> nearestThresholds(int limit, Instant now) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit < 0");
        }
        var standings = new ArrayList<AccountStanding>();
        for (var id : candidates(now, Math.max(limit, CANDIDATES))) {
            var counts = statistics.of(id, now);
            standings.add(new AccountStanding(id, accounts.status(id), counts, counts.ratePercent()));
        }
        return new NearestThresholds(thresholds).nearest(standings, limit);
    }

    /** The accounts with complaints counted in the window, the most complaints first, at most {@code most}. */
    List<AccountId> candidates(Instant now, int most) {
        var first = BerlinDays.of(now.minus(thresholds.window()));
        var last = BerlinDays.of(now);
        var complaints = new HashMap<String, Long>();
        dynamoDb.queryPaginator(r -> r.tableName(accountsTable)
                        .keyConditionExpression("accountId = :partition AND sk BETWEEN :first AND :last")
                        .projectionExpression("countedAccountId, complaints")
                        .expressionAttributeValues(Map.of(
                                ":partition", s(DynamoDbStatisticsItems.PARTITION),
                                ":first", s(DynamoDbStatisticsItems.accountDaySk(first)),
                                // '$' sorts after '#': every account of the last day.
                                ":last", s(DynamoDbStatisticsItems.ACCOUNT + last + "$"))))
                .items()
                .forEach(item ->
                        complaints.merge(item.get("countedAccountId").s(), number(item, "complaints"), Long::sum));
        return complaints.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(most)
                .map(entry -> new AccountId(entry.getKey()))
                .toList();
    }
}
