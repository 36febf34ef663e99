package org.abusedesk.console.pages;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.registration.ImportReport;

/** The import: the upload form, and after an upload the report of each row. */
public record ImportView(Frame f, String columns, Optional<ImportReport> report, List<String> errors) {

    public ImportView {
        Objects.requireNonNull(f, "f == null");
        Objects.requireNonNull(columns, "columns == null");
        Objects.requireNonNull(report, "report == null");
        errors = List.copyOf(errors);
    }
}
