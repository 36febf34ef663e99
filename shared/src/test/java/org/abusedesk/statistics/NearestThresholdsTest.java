package org.abusedesk.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.abusedesk.account.AccountId;
import org.abusedesk.account.AccountStatus;
import org.abusedesk.account.ComplaintStatistics;
import org.abusedesk.account.Thresholds;
import org.junit.jupiter.api.Test;

class NearestThresholdsTest {

    private final NearestThresholds nearest = new NearestThresholds(Thresholds.DEFAULTS);

    @Test
    void nearest_ordersByTheGapToTheThresholdAboveEachStatus_pausedFirst() {
        // GIVEN, on 10,000 recipients each:
        var standings = new InMemoryAccountStandings();
        // an ACTIVE account at 0.04 % (gap to WATCH's 0.05 %: 0.2)
        standings.put(id("active-004"), AccountStatus.ACTIVE, stats(4, 0, 10_000));
        // a WATCH account at 0.09 % (gap to FLAGGED's 0.1 %: 0.1)
        standings.put(id("watch-009"), AccountStatus.WATCH, stats(9, 0, 10_000));
        // a FLAGGED account at 0.5 %, of which 0.15 % verified (gap to PAUSED's verified 0.3 %: 0.5)
        standings.put(id("flagged-015"), AccountStatus.FLAGGED, stats(50, 15, 10_000));
        // a PAUSED account with few complaints now
        standings.put(id("paused"), AccountStatus.PAUSED, stats(1, 0, 10_000));
        // an ACTIVE account without complaints (gap 1)
        standings.put(id("active-0"), AccountStatus.ACTIVE, stats(0, 0, 10_000));
        // an ACTIVE account at 0.2 %, past WATCH's rate but with 2 complaints, short of its 3 (gap -3)
        standings.put(id("active-past"), AccountStatus.ACTIVE, stats(2, 0, 1_000));

        // WHEN the nearest four are asked for
        var found = standings.nearestThresholds(4, Instant.parse("2026-11-28T10:00:00Z"));

        // THEN PAUSED comes first, then the one past its threshold's rate, then by the smallest gap
        assertThat(found)
                .extracting(s -> s.accountId().value())
                .containsExactly("paused", "active-past", "watch-009", "active-004");
        assertThat(found.get(2).ratePercent()).isEqualByComparingTo("0.09");
    }

    @Test
    void gap_isTheShareOfTheNextThresholdStillToGo() {
        // GIVEN / WHEN / THEN 0.04 % against WATCH's 0.05 % leaves a fifth; exactly at FLAGGED's 0.1 % none
        assertThat(nearest.gap(standing(AccountStatus.ACTIVE, stats(4, 0, 10_000))))
                .isEqualByComparingTo("0.2");
        assertThat(nearest.gap(standing(AccountStatus.WATCH, stats(10, 0, 10_000))))
                .isEqualByComparingTo("0");
        // AND a FLAGGED account's gap is that of its verified rate: 0.5 % of which 0.15 % verified leaves a half
        assertThat(nearest.gap(standing(AccountStatus.FLAGGED, stats(50, 15, 10_000))))
                .isEqualByComparingTo("0.5");
        assertThat(nearest.gap(standing(AccountStatus.PAUSED, stats(0, 0, 0)))).isEqualByComparingTo("0");
        assertThat(nearest.nextThreshold(AccountStatus.WATCH)).isEqualByComparingTo(new BigDecimal("0.1"));
    }

    @Test
    void nearest_ofEqualGaps_putsTheHigherRateFirst_thenTheAccountId() {
        // GIVEN two ACTIVE accounts without complaints and one WATCH account without complaints: all gap 1
        var standings = new InMemoryAccountStandings();
        standings.put(id("b"), AccountStatus.ACTIVE, stats(0, 0, 1_000));
        standings.put(id("a"), AccountStatus.WATCH, stats(0, 0, 1_000));
        standings.put(id("c"), AccountStatus.ACTIVE, stats(0, 0, 0));

        // WHEN / THEN they come by account id, and the limit holds
        assertThat(standings.nearestThresholds(2, Instant.EPOCH))
                .extracting(s -> s.accountId().value())
                .containsExactly("a", "b");
    }

    private static AccountStanding standing(AccountStatus status, ComplaintStatistics statistics) {
        return new AccountStanding(id("x"), status, statistics, statistics.ratePercent());
    }

    private static ComplaintStatistics stats(long complaints, long verified, long recipients) {
        return new ComplaintStatistics(complaints, verified, recipients, 0);
    }

    private static AccountId id(String value) {
        return new AccountId(value);
    }
}
