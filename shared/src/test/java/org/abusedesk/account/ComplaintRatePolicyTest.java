package org.abusedesk.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComplaintRatePolicyTest {

    private final ComplaintRatePolicy policy = new ComplaintRatePolicy(Thresholds.DEFAULTS);

    @ParameterizedTest(name = "{0} complaints ({1} verified) on {2} recipients, {3} in 24h uncounted -> {4}")
    @CsvSource({
        // WATCH: >= 0.05 % and >= 3 complaints; k-1 / k / k+1 in rate and in count
        "3, 0, 6001, 0, ACTIVE", // 0.0500 % rounds to 0.05 only at 6000 recipients: just below
        "3, 0, 6000, 0, WATCH",
        "3, 0, 5999, 0, WATCH",
        "2, 0, 1000, 0, ACTIVE", // 0.2 % but only 2 complaints
        "4, 0, 8000, 0, WATCH",
        // FLAGGED: >= 0.1 % and >= 3 complaints
        "3, 0, 3001, 0, WATCH",
        "3, 0, 3000, 0, FLAGGED",
        "4, 0, 3000, 0, FLAGGED",
        // PAUSED: >= 0.3 % of verified complaints and >= 10 verified; unverified ones never pause
        "10, 9, 3000, 0, FLAGGED",
        "10, 10, 3000, 0, PAUSED",
        "11, 11, 3000, 0, PAUSED",
        "10, 10, 3334, 0, FLAGGED", // 0.2999 % verified
        "1000, 0, 3000, 0, FLAGGED", // a forged flood: 33 %, none verified
        // Without a recipient count: FLAGGED at 5 complaints on one mailing within 24 h
        "0, 0, 0, 4, ACTIVE",
        "0, 0, 0, 5, FLAGGED",
        "0, 0, 0, 6, FLAGGED",
    })
    void evaluate_appliesThePublishedThresholds(
            long complaints, long verified, long recipients, long uncounted, AccountStatus expected) {
        var statistics = new ComplaintStatistics(complaints, verified, recipients, uncounted);

        assertThat(policy.evaluate(statistics).status()).isEqualTo(expected);
    }

    @Test
    void evaluate_explainsItsVerdict() {
        var verdict = policy.evaluate(new ComplaintStatistics(3, 0, 1000, 0));

        assertThat(verdict.reason()).isEqualTo("complaint rate 0.3000 % >= 0.1 % with 3 complaints on 1000 recipients");
        assertThat(policy.evaluate(new ComplaintStatistics(0, 0, 0, 5)).reason())
                .isEqualTo("5 complaints within 24 h on a mailing without a recipient count");
    }

    @Test
    void escalation_neverLowersAStatus() {
        var calm = new ComplaintStatistics(0, 0, 100_000, 0);

        assertThat(policy.escalation(AccountStatus.FLAGGED, calm)).isEmpty();
        assertThat(policy.escalation(AccountStatus.PAUSED, new ComplaintStatistics(3, 0, 3000, 0)))
                .isEmpty();
        assertThat(policy.escalation(AccountStatus.WATCH, new ComplaintStatistics(3, 0, 3000, 0)))
                .hasValueSatisfying(v -> assertThat(v.status()).isEqualTo(AccountStatus.FLAGGED));
    }

    @Test
    void thresholds_areConfigurable() {
        var strict = new ComplaintRatePolicy(new Thresholds(
                new BigDecimal("0.01"),
                1,
                new BigDecimal("0.02"),
                1,
                new BigDecimal("0.03"),
                1,
                2,
                Duration.ofDays(7)));

        assertThat(strict.evaluate(new ComplaintStatistics(1, 0, 10_000, 0)).status())
                .isEqualTo(AccountStatus.WATCH);
        assertThat(strict.evaluate(new ComplaintStatistics(1, 1, 1_000, 0)).status())
                .isEqualTo(AccountStatus.PAUSED);
    }

    @Test
    void thresholds_mustRise() {
        assertThatThrownBy(() -> new Thresholds(
                        new BigDecimal("0.2"),
                        3,
                        new BigDecimal("0.1"),
                        3,
                        new BigDecimal("0.3"),
                        10,
                        5,
                        Duration.ofDays(30)))
                .hasMessage("thresholds must rise from WATCH to FLAGGED to PAUSED");
    }

    @Test
    void statistics_refuseMoreVerifiedThanComplaints() {
        assertThatThrownBy(() -> new ComplaintStatistics(1, 2, 100, 0))
                .hasMessage("more verified complaints than complaints");
    }
}
