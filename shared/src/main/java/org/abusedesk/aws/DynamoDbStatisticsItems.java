package org.abusedesk.aws;

import static org.abusedesk.aws.Attributes.n;
import static org.abusedesk.aws.Attributes.s;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.abusedesk.account.AccountId;
import org.abusedesk.cases.CsaForwards;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.statistics.BerlinDays;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The console's counters, in one partition of the accounts table that the counting transaction adds to: per Berlin
 * day of receipt and channel the complaints counted ({@code DAY#<day>#<channel>#<shard>}), per day the accounts they
 * were counted against ({@code ACCOUNT#<day>#<account>}), and each complaint the CSA forwarded
 * ({@code CSA#<complaint id>#<mailing id>}). Its partition key is longer than an account id may be, so no account's
 * items share it; none of its items is a status change or a suppression, so the table's pipes pass none of them on.
 */
final class DynamoDbStatisticsItems {

    /** Longer than {@link AccountId#MAX_LENGTH}: never an account's partition. */
    static final String PARTITION = "desk-statistics#complaints-per-day-accounts-per-day-and-csa-forwards";

    static final String DAY = "DAY#";
    static final String ACCOUNT = "ACCOUNT#";
    static final String CSA = "CSA#";

    /**
     * Each day's tally is spread over this many items by mailing: complaints on one mailing already meet on its
     * counter, complaints on different mailings seldom meet on one tally item as well.
     */
    static final int SHARDS = 8;

    private DynamoDbStatisticsItems() {}

    static Map<String, AttributeValue> key(String sk) {
        return Map.of("accountId", s(PARTITION), "sk", s(sk));
    }

    static String daySk(LocalDate day) {
        return DAY + day;
    }

    static String accountDaySk(LocalDate day) {
        return ACCOUNT + day + "#";
    }

    /**
     * What counting {@code complaint} adds to the counters: at most three updates, none conditional, so that they
     * fail nothing; written only in the transaction that moves the complaint from RECEIVED to COUNTED, so exactly
     * once, and never for a replay.
     */
    static List<TransactWriteItem> counting(String table, Complaint complaint, Optional<AccountId> account) {
        var items = new ArrayList<TransactWriteItem>();
        var day = BerlinDays.of(complaint.receivedAt());
        int shard = Math.floorMod(complaint.mailingId().value().hashCode(), SHARDS);
        items.add(add(
                table,
                daySk(day) + "#" + complaint.channel() + "#" + shard,
                Map.of(
                        ":day",
                        s(day.toString()),
                        ":channel",
                        s(complaint.channel().name())),
                "SET #day = :day, channel = :channel"));
        account.ifPresent(id -> items.add(add(
                table,
                accountDaySk(day) + id.value(),
                Map.of(":day", s(day.toString()), ":account", s(id.value())),
                "SET #day = :day, countedAccountId = :account")));
        if (CsaForwards.forwardedByCsa(complaint)) {
            items.add(add(
                    table,
                    CSA + complaint.id().value() + "#" + complaint.mailingId().value(),
                    Map.of(
                            ":day", s(day.toString()),
                            ":mailing", s(complaint.mailingId().value()),
                            ":complaint", s(complaint.id().value())),
                    "SET #day = :day, mailingId = :mailing, complaintId = :complaint"));
        }
        return items;
    }

    private static TransactWriteItem add(String table, String sk, Map<String, AttributeValue> values, String set) {
        var all = new HashMap<>(values);
        all.put(":one", n(1));
        return TransactWriteItem.builder()
                .update(Update.builder()
                        .tableName(table)
                        .key(key(sk))
                        .updateExpression(set + " ADD complaints :one")
                        .expressionAttributeNames(Map.of("#day", "day"))
                        .expressionAttributeValues(all)
                        .build())
                .build();
    }
}
