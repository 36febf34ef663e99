package org.abusedesk.admin.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.abusedesk.account.StatusConflictException;
import org.abusedesk.cases.CaseNotExportableException;
import org.abusedesk.cases.CaseNotFoundException;
import org.abusedesk.cases.CaseStateException;
import org.abusedesk.config.Environment;
import org.abusedesk.logging.LogContext;
import org.abusedesk.paging.InvalidCursorException;
import org.abusedesk.request.InvalidRequestException;
import org.abusedesk.snapstart.Priming;
import org.abusedesk.snapstart.SnapStart;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * The abuse team's admin API behind the HTTP API's {@code /admin/...} routes. API Gateway's JWT authorizer lets only
 * valid tokens with one of a route's scopes through; the handler checks the scope again, so that a route added to
 * the template without one is not open, and translates each route to its use case.
 */
public final class AdminApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(AdminApiHandler.class);

    /** When a throttled request is worth sending again: DynamoDB's capacity refills within a second or two. */
    static final int RETRY_AFTER_SECONDS = 2;

    /** A route: the scope it needs and what it does. */
    private record Action(Scope scope, Function<AdminRequest, Object> run) {}

    private final Map<String, Action> actions;

    /** Used by the Lambda runtime; primes the SnapStart snapshot and renews random sources after a restore. */
    public AdminApiHandler() {
        this(Environment.system(), Core.getGlobalContext());
    }

    /** The runtime's wiring, with its SnapStart hook registered in {@code checkpoints}. */
    AdminApiHandler(Environment environment, org.crac.Context<Resource> checkpoints) {
        this(AdminApiWiring.of(environment));
        SnapStart.register(checkpoints, priming());
    }

    /** Used by the local stack and the command line, with the function's environment from the template. */
    public AdminApiHandler(Map<String, String> environment) {
        this(AdminApiWiring.of(new Environment(environment)));
    }

    AdminApiHandler(AdminApiWiring desk) {
        var mailings = new MailingRoutes(desk.showMailing(), desk.registerMailing(), desk.importMailings());
        var cases = new CaseRoutes(desk.listCases(), desk.viewCase(), desk.closeCase(), desk.exportCase());
        var accounts = new AccountRoutes(desk.showAccount(), desk.changeAccountStatus(), desk.listSuppressions());
        var erasures = new ErasureRoutes(desk.eraseComplainant());
        this.actions = Map.ofEntries(
                Map.entry("GET /admin/mailings/{mailingId}", new Action(Scope.READ, mailings::show)),
                Map.entry("PUT /admin/mailings/{mailingId}", new Action(Scope.WRITE, mailings::put)),
                Map.entry("POST /admin/mailings/import", new Action(Scope.WRITE, mailings::importCsv)),
                Map.entry("GET /admin/mailings/{mailingId}/complaints", new Action(Scope.READ, cases::ofMailing)),
                Map.entry("GET /admin/complaints", new Action(Scope.READ, cases::list)),
                Map.entry("GET /admin/complaints/{mailingId}/{complaintId}", new Action(Scope.READ, cases::view)),
                Map.entry("GET /admin/complaints/{mailingId}/{complaintId}/xarf", new Action(Scope.READ, cases::xarf)),
                Map.entry("GET /admin/complaints/{mailingId}/{complaintId}/csa", new Action(Scope.READ, cases::csa)),
                Map.entry(
                        "POST /admin/complaints/{mailingId}/{complaintId}/resolve",
                        new Action(Scope.WRITE, cases::resolve)),
                Map.entry(
                        "POST /admin/complaints/{mailingId}/{complaintId}/dismiss",
                        new Action(Scope.WRITE, cases::dismiss)),
                Map.entry("GET /admin/accounts/{accountId}", new Action(Scope.READ, accounts::show)),
                Map.entry("GET /admin/accounts/{accountId}/history", new Action(Scope.READ, accounts::history)),
                Map.entry("GET /admin/accounts/{accountId}/complaints", new Action(Scope.READ, cases::ofAccount)),
                Map.entry(
                        "GET /admin/accounts/{accountId}/suppressions", new Action(Scope.READ, accounts::suppressions)),
                Map.entry("PUT /admin/accounts/{accountId}/status", new Action(Scope.WRITE, accounts::setStatus)),
                Map.entry("POST /admin/erasures", new Action(Scope.WRITE, erasures::erase)));
    }

    /** The route keys this handler serves, as the template's events name them. */
    Set<String> routes() {
        return actions.keySet();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        LogContext.begin(context == null ? null : context.getAwsRequestId());
        try {
            var request = AdminRequest.of(event);
            var response = respond(request);
            // Who did what, never with what: bodies and paths may hold personal data, route keys do not.
            LOG.info("admin {} by {}: {}", request.routeKey(), request.caller(), response.getStatusCode());
            return response;
        } finally {
            LogContext.end();
        }
    }

    private APIGatewayV2HTTPResponse respond(AdminRequest request) {
        var action = actions.get(request.routeKey());
        if (action == null) {
            return AdminResponses.problem(new AdminProblem(404, null, "no such route"));
        }
        if (!request.grants(action.scope())) {
            return AdminResponses.problem(new AdminProblem(
                    403, null, "the token lacks the scope " + action.scope().claim()));
        }
        try {
            return AdminResponses.json(200, action.run().apply(request));
        } catch (AdminProblem problem) {
            return AdminResponses.problem(problem);
        } catch (InvalidRequestException e) {
            return AdminResponses.invalid(e.errors());
        } catch (InvalidCursorException e) {
            return AdminResponses.problem(new AdminProblem(400, "cursor", "is not a cursor of this listing"));
        } catch (CaseNotFoundException e) {
            return AdminResponses.problem(new AdminProblem(404, "complaintId", "no such case"));
        } catch (CaseStateException e) {
            return AdminResponses.problem(
                    new AdminProblem(409, "state", "the case is " + e.state() + " and cannot be closed so"));
        } catch (CaseNotExportableException | StatusConflictException e) {
            return AdminResponses.problem(new AdminProblem(409, null, e.getMessage()));
        } catch (SdkException e) {
            // The message may quote what was sent (an address to erase); the class and the stack locate the fault.
            LOG.error("admin {} failed: {}", request.routeKey(), e.getClass().getName(), withoutMessage(e));
            if (e instanceof SdkServiceException service && service.isThrottlingException()) {
                return AdminResponses.unavailable(RETRY_AFTER_SECONDS);
            }
            return AdminResponses.problem(new AdminProblem(500, null, "internal error, please try again"));
        }
    }

    private static Throwable withoutMessage(RuntimeException e) {
        var copy = new RuntimeException(e.getClass().getName());
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    /**
     * Before the snapshot: answers the read routes for a mailing, an account and a case that do not exist, which
     * loads every class of the request path and warms the clients. Nothing is written.
     */
    private Priming priming() {
        return () -> {
            for (String route : List.of(
                    "GET /admin/mailings/{mailingId}",
                    "GET /admin/mailings/{mailingId}/complaints",
                    "GET /admin/accounts/{accountId}",
                    "GET /admin/accounts/{accountId}/history",
                    "GET /admin/complaints/{mailingId}/{complaintId}")) {
                var event = APIGatewayV2HTTPEvent.builder()
                        .withRouteKey(route)
                        .withPathParameters(Map.of(
                                "mailingId", "snapstart-priming",
                                "accountId", "snapstart-priming",
                                "complaintId", "00000000000000000000000000"))
                        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                                .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                        .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT
                                                .builder()
                                                .withClaims(Map.of("client_id", "snapstart-priming"))
                                                .withScopes(List.of(Scope.READ.claim()))
                                                .build())
                                        .build())
                                .build())
                        .build();
                Priming.warm(() -> respond(AdminRequest.of(event)));
            }
        };
    }
}
