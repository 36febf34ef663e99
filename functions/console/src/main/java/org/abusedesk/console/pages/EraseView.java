package org.abusedesk.console.pages;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.cases.CaseFile;
import org.abusedesk.cases.ErasureReport;

/**
 * The erasure of a complainant's data in its three steps: the address asked for, the complaints that will lose
 * their personal data, and the report of what was erased.
 *
 * @param address the address, carried in the confirming form's body only (never in a link), empty on the first step
 * @param found the complaints of the address, on the confirming step
 */
public record EraseView(
        Frame f, Step step, String address, List<CaseFile> found, Optional<ErasureReport> report, List<String> errors) {

    /** Which step the page shows. */
    public enum Step {
        ASK,
        CONFIRM,
        REPORT
    }

    public EraseView {
        Objects.requireNonNull(f, "f == null");
        Objects.requireNonNull(step, "step == null");
        Objects.requireNonNull(address, "address == null");
        found = List.copyOf(found);
        Objects.requireNonNull(report, "report == null");
        errors = List.copyOf(errors);
    }
}
