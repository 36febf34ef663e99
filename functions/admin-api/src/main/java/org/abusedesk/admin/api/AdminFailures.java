package org.abusedesk.admin.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.abusedesk.account.StatusConflictException;
import org.abusedesk.cases.CaseNotExportableException;
import org.abusedesk.cases.CaseNotFoundException;
import org.abusedesk.cases.CaseStateException;
import org.abusedesk.paging.InvalidCursorException;
import org.abusedesk.request.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/** What the admin API answers when a use case refuses a request, or a store fails it. */
final class AdminFailures {

    private static final Logger LOG = LoggerFactory.getLogger(AdminFailures.class);

    /** When a throttled request is worth sending again: DynamoDB's capacity refills within a second or two. */
    static final int RETRY_AFTER_SECONDS = 2;

    private AdminFailures() {}

    /**
     * The answer to a route's failure.
     *
     * @throws RuntimeException the failure itself when it is none the admin API knows: the runtime reports it
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
            case SdkException e -> storeFailed(routeKey, e);
            default -> throw failure;
        };
    }

    private static APIGatewayV2HTTPResponse storeFailed(String routeKey, SdkException e) {
        // The message may quote what was sent (an address to erase); the class and the stack locate the fault.
        LOG.error("admin {} failed: {}", routeKey, e.getClass().getName(), withoutMessage(e));
        if (e instanceof SdkServiceException service && service.isThrottlingException()) {
            return AdminResponses.unavailable(RETRY_AFTER_SECONDS);
        }
        return AdminResponses.problem(new AdminProblem(500, null, "internal error, please try again"));
    }

    private static Throwable withoutMessage(RuntimeException e) {
        var copy = new RuntimeException(e.getClass().getName());
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }
}
