package org.abusedesk.form;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.aws.Throttled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers of every route to a request it cannot take as a whole, or that failed on our side: a page for a browser,
 * JSON for a program.
 */
final class RequestErrors {

    private static final Logger LOG = LoggerFactory.getLogger(RequestErrors.class);

    private final FormPages pages;

    RequestErrors(FormPages pages) {
        this.pages = Objects.requireNonNull(pages, "pages == null");
    }

    /** 404 for a path the function does not serve, in JSON: browsers only follow the form's own links. */
    APIGatewayV2HTTPResponse notFound(HttpRequest request) {
        return JsonResponses.error(404, List.of(RequestProblem.NOT_FOUND.error(request.apiLanguage())));
    }

    /** 405 naming the method the path takes; GET also allows HEAD. */
    APIGatewayV2HTTPResponse methodNotAllowed(HttpRequest request, String allowed) {
        var allow = Map.of("allow", allowed.equals("GET") ? "GET, HEAD" : allowed);
        if (request.wantsHtml()) {
            return pages.problem(405, request.pageLanguage(request.query("lang")), allow, allowed);
        }
        return JsonResponses.error(
                405, List.of(RequestProblem.METHOD_NOT_ALLOWED.error(request.apiLanguage(), allowed)), allow);
    }

    /** 415 for a submission that is neither the form's fields nor JSON. */
    APIGatewayV2HTTPResponse unsupportedType(HttpRequest request) {
        return request.wantsHtml()
                ? pages.problem(415, request.pageLanguage(Optional.empty()), Map.of())
                : JsonResponses.error(415, List.of(RequestProblem.UNSUPPORTED_TYPE.error(request.apiLanguage())));
    }

    /**
     * 503 with Retry-After when a table refused the request over its rate (nothing is wrong with it, and it may be
     * sent again soon), 500 for any other failure; the failure is logged, the answer says nothing of it.
     */
    APIGatewayV2HTTPResponse failed(HttpRequest request, RuntimeException e) {
        LOG.error("request failed", e);
        boolean busy = Throttled.is(e);
        int status = busy ? 503 : 500;
        Map<String, String> headers =
                busy ? Map.of("retry-after", Integer.toString(Throttled.RETRY_AFTER_SECONDS)) : Map.of();
        if (request.wantsHtml() || request.mediaType().equals(HtmlSubmissions.MEDIA_TYPE)) {
            return pages.problem(
                    status, request.pageLanguage(Optional.empty()), headers, Throttled.RETRY_AFTER_SECONDS);
        }
        var problem = busy ? RequestProblem.BUSY : RequestProblem.INTERNAL;
        return JsonResponses.error(
                status, List.of(problem.error(request.apiLanguage(), Throttled.RETRY_AFTER_SECONDS)), headers);
    }
}
