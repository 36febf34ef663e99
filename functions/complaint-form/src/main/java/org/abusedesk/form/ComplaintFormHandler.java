package org.abusedesk.form;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.abusedesk.aws.Invocation;
import org.abusedesk.config.Environment;
import org.abusedesk.snapstart.SnapStart;
import org.crac.Core;
import org.crac.Resource;

/**
 * The public complaint form and its JSON API: {@code GET /} serves the form, {@code POST /complaints} takes a
 * complaint from the form (urlencoded) or as JSON, {@code GET /confirmation} shows a case reference.
 */
public final class ComplaintFormHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final PageRequests pageRequests;
    private final HtmlSubmissions htmlSubmissions;
    private final JsonSubmissions jsonSubmissions;
    private final RequestErrors errors;

    /** Used by the Lambda runtime; primes the SnapStart snapshot and renews random sources after a restore. */
    public ComplaintFormHandler() {
        this(FormWiring.of(Environment.system()), Core.getGlobalContext());
    }

    /** The function on the given collaborators, its SnapStart hooks registered in {@code checkpoints}. */
    public ComplaintFormHandler(FormWiring wiring, org.crac.Context<Resource> checkpoints) {
        var pages = new FormPages(wiring.settings());
        var links = new ConfirmationLinks(wiring.secret());
        this.errors = new RequestErrors(pages);
        this.pageRequests = new PageRequests(wiring.submitForm(), pages, links, errors);
        this.htmlSubmissions = new HtmlSubmissions(wiring.submitForm(), wiring.secret(), pages, links);
        this.jsonSubmissions = new JsonSubmissions(wiring.submitComplaint(), wiring.secret());
        SnapStart.register(checkpoints, () -> prime(wiring));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Invocation.answer(context, () -> {
            var request = new HttpRequest(event);
            try {
                return switch (request.path()) {
                    case "/" -> pageRequests.form(request);
                    case "/complaints" -> submit(request);
                    case "/confirmation" -> pageRequests.confirmation(request);
                    default -> errors.notFound(request);
                };
            } catch (RuntimeException e) {
                return errors.failed(request, e);
            }
        });
    }

    private APIGatewayV2HTTPResponse submit(HttpRequest request) {
        if (!request.method().equals("POST")) {
            return errors.methodNotAllowed(request, "POST");
        }
        if (htmlSubmissions.takes(request)) {
            return htmlSubmissions.submit(request);
        }
        return jsonSubmissions.takes(request) ? jsonSubmissions.submit(request) : errors.unsupportedType(request);
    }

    /**
     * Answers what the first visitors ask for (the form, refused submissions, a confirmation page) and reads an
     * idempotency record that does not exist: nothing is counted or stored.
     */
    private void prime(FormWiring wiring) {
        FormPriming.requests().forEach(event -> handleRequest(event, null));
        pageRequests.prime();
        JsonResponses.accepted(FormPriming.KEY, false);
        wiring.warmUp().prime();
    }
}
