package org.abusedesk.statistics;

import java.time.LocalDate;
import java.util.List;

/** How many complaints the desk received per day and channel: the overview's chart. */
public interface ComplaintTallies {

    /** Every day from {@code first} to {@code last}, both included, in order; days without complaints as 0. */
    List<DailyComplaints> days(LocalDate first, LocalDate last);
}
