package org.abusedesk.admin.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.abusedesk.account.StatusConflictException;
import org.abusedesk.aws.Throttled;
import org.abusedesk.cases.CaseNotExportableException;
import org.abusedesk.cases.CaseNotFoundException;
import org.abusedesk.cases.CaseStateException;
import org.abusedesk.paging.InvalidCursorException;
import org.abusedesk.request.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the admin API answers when a use case refuses a request, or a store fails it. */
final class AdminFailures {

    private static final Logger LOG = LoggerFactory.getLogger(AdminFailures.class);

    private AdminFailures() {}

    /**
     * The answer to a route's failure. One the admin API does not know is logged (its class and frames, never its
     * message, which may quote what was sent) and answered 500: thrown, the runtime would log its message.
     */
    static APIGatewayV2HTTPResponse answer(String routeKey, RuntimeException failure) {
        return switch (failure) {
            case AdminProblem problem -> AdminResponses.problem(problem);
            case InvalidRequestException invalid -> AdminResponses.invalid(invalid.errors());
            case InvalidCursorException e ->
                AdminResponses.problem(new AdminProblem(400, "cursor", "is not a cursor of this listing"));
            case CaseNotFoundException e ->
                AdminResponses.problem(new AdminProblem(404, "complaintId", "no such case"));
            case CaseStateException e ->
                AdminResponses.problem(
                        new AdminProblem(409, "state", "the case is " + e.state() + " and cannot be closed so"));
            case CaseNotExportableException e -> AdminResponses.problem(new AdminProblem(409, null, e.getMessage()));
            case StatusConflictException e -> AdminResponses.problem(new AdminProblem(409, null, e.getMessage()));
            default -> failed(routeKey, failure);
        };
    }

    private static APIGatewayV2HTTPResponse failed(String routeKey, RuntimeException e) {
        LOG.error("admin {} failed", routeKey, e);
        if (Throttled.is(e)) {
            return AdminResponses.unavailable(Throttled.RETRY_AFTER_SECONDS);
        }
        return AdminResponses.problem(new AdminProblem(500, null, "internal error, please try again"));
    }
}
