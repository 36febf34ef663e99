package org.abusedesk.account;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What an account's complaint rate is computed from: complaints and recipients of its registered mailings in the
 * window, and the most complaints one mailing without a recipient count received within a day.
 */
public record ComplaintStatistics(
        long complaints, long verifiedComplaints, long recipients, long mostComplaintsOnOneUncountedMailingIn24h) {

    public ComplaintStatistics {
        if (complaints < 0
                || verifiedComplaints < 0
                || recipients < 0
                || mostComplaintsOnOneUncountedMailingIn24h < 0) {
            throw new IllegalArgumentException("negative count");
        }
        if (verifiedComplaints > complaints) {
            throw new IllegalArgumentException("more verified complaints than complaints");
        }
    }

    /** Whether complaints per recipient reach {@code thresholdPercent}, compared exactly (never after rounding). */
    public boolean rateReaches(BigDecimal thresholdPercent) {
        return reaches(complaints, thresholdPercent);
    }

    /** Whether verified complaints per recipient reach {@code thresholdPercent}, compared exactly. */
    public boolean verifiedRateReaches(BigDecimal thresholdPercent) {
        return reaches(verifiedComplaints, thresholdPercent);
    }

    private boolean reaches(long count, BigDecimal thresholdPercent) {
        return recipients > 0
                && BigDecimal.valueOf(count)
                                .multiply(BigDecimal.valueOf(100))
                                .compareTo(thresholdPercent.multiply(BigDecimal.valueOf(recipients)))
                        >= 0;
    }

    /** Complaints per recipient in percent, rounded to 4 places for display; zero without recipients. */
    public BigDecimal ratePercent() {
        return percent(complaints);
    }

    /** Verified complaints per recipient in percent. */
    public BigDecimal verifiedRatePercent() {
        return percent(verifiedComplaints);
    }

    private BigDecimal percent(long count) {
        if (recipients == 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(count)
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(recipients), 4, RoundingMode.HALF_UP);
    }
}
