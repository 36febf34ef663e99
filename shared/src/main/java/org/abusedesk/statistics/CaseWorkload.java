package org.abusedesk.statistics;

import java.util.List;

/** The abuse team's open work: the open cases, and the CSA cases with their deadlines. */
public interface CaseWorkload {

    OpenCases openCases();

    /** At most {@code limit} open CSA cases, the earliest deadline first. */
    List<CsaCaseDue> csaCasesDue(int limit);
}
