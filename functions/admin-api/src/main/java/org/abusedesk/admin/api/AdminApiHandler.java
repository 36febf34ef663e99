package org.abusedesk.admin.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.abusedesk.aws.Invocation;
import org.abusedesk.config.Environment;
import org.abusedesk.snapstart.Priming;
import org.abusedesk.snapstart.SnapStart;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The abuse team's admin API behind the HTTP API's {@code /admin/...} routes. API Gateway's JWT authorizer lets only
 * valid tokens with one of a route's scopes through; the handler checks the scope again, so that a route added to
 * the template without one is not open, and hands each request to its route.
 */
public final class AdminApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(AdminApiHandler.class);

    /** Read routes answered for things that do not exist before the snapshot: every class of a request loaded. */
    private static final List<String> PRIMED_ROUTES = List.of(
            "GET /admin/mailings/{mailingId}",
            "GET /admin/mailings/{mailingId}/complaints",
            "GET /admin/accounts/{accountId}",
            "GET /admin/accounts/{accountId}/history",
            "GET /admin/complaints/{mailingId}/{complaintId}");

    private final Map<String, AdminRoute> routes;

    /** Used by the Lambda runtime: the function's environment, and the runtime's checkpoints. */
    public AdminApiHandler() {
        this(AdminApiWiring.of(Environment.system()), Core.getGlobalContext());
    }

    /** The admin API on the wiring's use cases; its SnapStart hook registered in {@code checkpoints}. */
    public AdminApiHandler(AdminApiWiring wiring, org.crac.Context<Resource> checkpoints) {
        var routes = new HashMap<String, AdminRoute>();
        routes.putAll(
                new MailingRoutes(wiring.showMailing(), wiring.registerMailing(), wiring.importMailings()).routes());
        routes.putAll(new CaseRoutes(wiring.listCases(), wiring.viewCase(), wiring.closeCase(), wiring.exportCase())
                .routes());
        routes.putAll(new AccountRoutes(
                        wiring.showAccount(),
                        wiring.changeAccountStatus(),
                        wiring.listSuppressions(),
                        new AccountRoutes.AccountContactUseCases(
                                wiring.showAccountContact(),
                                wiring.setAccountContact(),
                                wiring.importAccountContacts()))
                .routes());
        routes.putAll(new ErasureRoutes(wiring.eraseComplainant()).routes());
        this.routes = Map.copyOf(routes);
        SnapStart.register(checkpoints, this::prime);
    }

    /** The route keys this handler serves, as the template's events name them. */
    Set<String> routes() {
        return routes.keySet();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Invocation.answer(context, () -> {
            var request = AdminRequest.of(event);
            var response = respond(request);
            // Who did what, never with what: bodies and paths may hold personal data, route keys do not.
            LOG.info("admin {} by {}: {}", request.routeKey(), request.caller(), response.getStatusCode());
            return response;
        });
    }

    private APIGatewayV2HTTPResponse respond(AdminRequest request) {
        var route = routes.get(request.routeKey());
        if (route == null) {
            return AdminResponses.problem(new AdminProblem(404, null, "no such route"));
        }
        if (!request.grants(route.scope())) {
            return AdminResponses.problem(new AdminProblem(
                    403, null, "the token lacks the scope " + route.scope().claim()));
        }
        try {
            return AdminResponses.json(200, route.answer().apply(request));
        } catch (RuntimeException e) {
            return AdminFailures.answer(request.routeKey(), e);
        }
    }

    /** Before the snapshot: reads a mailing, an account and a case that do not exist, and warms the clients. */
    private void prime() {
        for (String route : PRIMED_ROUTES) {
            Priming.warm(() -> respond(AdminRequest.of(AdminRequest.priming(route, Scope.READ))));
        }
    }
}
