package org.abusedesk.form;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.Objects;
import org.abusedesk.complaint.Language;
import org.abusedesk.intake.SubmitFormComplaint;

/** The pages a browser fetches: {@code GET /}, a new form with a fresh token, and {@code GET /confirmation}. */
final class PageRequests {

    private final SubmitFormComplaint submitForm;
    private final FormPages pages;
    private final ConfirmationLinks links;
    private final RequestErrors errors;

    PageRequests(SubmitFormComplaint submitForm, FormPages pages, ConfirmationLinks links, RequestErrors errors) {
        this.submitForm = Objects.requireNonNull(submitForm, "submitForm == null");
        this.pages = Objects.requireNonNull(pages, "pages == null");
        this.links = Objects.requireNonNull(links, "links == null");
        this.errors = Objects.requireNonNull(errors, "errors == null");
    }

    APIGatewayV2HTTPResponse form(HttpRequest request) {
        if (!request.reads()) {
            return errors.methodNotAllowed(request, "GET");
        }
        var language = request.pageLanguage(request.query("lang"));
        return pages.newForm(language, submitForm.newToken(), request.method().equals("GET"));
    }

    /** The confirmation of a signed link; 404 for any other, so that no page of ours confirms what we never took. */
    APIGatewayV2HTTPResponse confirmation(HttpRequest request) {
        if (!request.reads()) {
            return errors.methodNotAllowed(request, "GET");
        }
        var language = request.pageLanguage(request.query("lang"));
        return links.read(request)
                .map(key -> pages.confirmation(
                        key, language, links.link(key, PageText.of(language).other())))
                .orElseGet(() -> pages.problem(404, language, Map.of()));
    }

    /** Renders a confirmation before the snapshot: no priming request has a signed link to one. */
    void prime() {
        pages.confirmation(FormPriming.KEY, Language.DE, links.link(FormPriming.KEY, Language.EN));
    }
}
