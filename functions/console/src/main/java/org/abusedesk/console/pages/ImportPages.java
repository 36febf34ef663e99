package org.abusedesk.console.pages;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import org.abusedesk.console.ConsoleRequest;
import org.abusedesk.console.ConsoleResponse;
import org.abusedesk.registration.ImportMailings;
import org.abusedesk.registration.ImportProgress;
import org.abusedesk.registration.ImportReport;
import org.abusedesk.request.InvalidRequestException;

/** {@code /import}: a CSV file of mailings uploaded, and the report of what became of each row. */
final class ImportPages {

    /** The largest file one upload takes, as the admin API takes one request: larger files go in parts. */
    static final int MAX_BYTES = 1024 * 1024;

    private final ImportMailings importMailings;

    ImportPages(ConsoleUseCases useCases) {
        this.importMailings = useCases.importMailings();
    }

    ConsoleResponse form(ConsoleRequest request) {
        return page(request, 200, Optional.empty(), List.of());
    }

    ConsoleResponse upload(ConsoleRequest request) {
        var t = PageText.of(request.language());
        var file = request.files().get("file");
        if (file == null || file.content().length == 0) {
            return page(request, 400, Optional.empty(), List.of(t.get("import.error.none")));
        }
        if (file.content().length > MAX_BYTES) {
            return page(request, 413, Optional.empty(), List.of(t.get("import.error.size", MAX_BYTES / 1024)));
        }
        try {
            var report = importMailings.importCsv(new ByteArrayInputStream(file.content()), ImportProgress.NONE);
            return page(request, 200, Optional.of(report), List.of());
        } catch (InvalidRequestException e) {
            return page(request, 400, Optional.empty(), Problems.fields(t, e.errors()));
        }
    }

    private static ConsoleResponse page(
            ConsoleRequest request, int status, Optional<ImportReport> report, List<String> errors) {
        var t = PageText.of(request.language());
        String title = report.isPresent() ? t.get("import.report.title") : t.get("import.title");
        var frame = Frame.of(request, errors.isEmpty() ? title : t.get("page.error") + ": " + title, "import");
        return Templates.page(status, "import.jte", new ImportView(frame, ImportMailings.COLUMNS, report, errors));
    }
}
