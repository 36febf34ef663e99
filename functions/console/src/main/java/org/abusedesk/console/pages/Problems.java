package org.abusedesk.console.pages;

import java.util.HashMap;
import java.util.List;
import org.abusedesk.console.ConsoleRequest;
import org.abusedesk.console.ConsoleResponse;
import org.abusedesk.request.FieldError;

/** The pages that say why a request cannot be answered, by status: {@code problem.<status>.*} texts. */
final class Problems {

    private Problems() {}

    static ConsoleResponse of(ConsoleRequest request, int status, String backUrl) {
        return of(request, status, List.of(), backUrl);
    }

    static ConsoleResponse of(ConsoleRequest request, int status, List<String> errors, String backUrl) {
        var t = PageText.of(request.language());
        var frame = Frame.of(request, t.get("problem." + status + ".title"), "problem");
        return Templates.page(
                status, "problem.jte", new ProblemView(frame, t.get("problem." + status + ".text"), errors, backUrl));
    }

    /** 405, with the methods the page answers. */
    static ConsoleResponse wrongMethod(ConsoleRequest request, List<String> allowed) {
        var page = of(request, 405, Links.overview());
        var headers = new HashMap<>(page.headers());
        headers.put("allow", String.join(", ", allowed));
        return new ConsoleResponse(405, headers, page.body());
    }

    /** A use case's field errors, each named by the field's label in the page's language. */
    static List<String> fields(PageText t, List<FieldError> errors) {
        return errors.stream()
                .map(e -> label(t, e.field()) + ": " + e.message())
                .toList();
    }

    private static String label(PageText t, String field) {
        try {
            return t.get("field." + field);
        } catch (IllegalArgumentException e) {
            return field;
        }
    }
}
