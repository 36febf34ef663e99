package org.abusedesk.admin.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import org.abusedesk.admin.InvalidCursorException;
import org.abusedesk.aws.AwsClients;
import org.abusedesk.aws.DynamoDbCaseListings;
import org.abusedesk.aws.DynamoDbCases;
import org.abusedesk.aws.DynamoDbMailings;
import org.abusedesk.cases.CaseFiles;
import org.abusedesk.cases.CaseListings;
import org.abusedesk.cases.CloseCase;
import org.abusedesk.cases.ListCases;
import org.abusedesk.config.Environment;
import org.abusedesk.logging.LogContext;
import org.abusedesk.mailing.Mailings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The abuse team's admin API behind the HTTP API's {@code /admin/...} routes. API Gateway's JWT authorizer lets only
 * valid tokens with one of a route's scopes through; the handler checks the scope again, so that a route added to
 * the template without one is not open, and translates each route to its use case.
 */
public final class AdminApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(AdminApiHandler.class);

    /** A route: the scope it needs and what it does. */
    private record Action(Scope scope, int status, Function<AdminRequest, Object> run) {}

    private final Map<String, Action> actions;

    /** Used by the Lambda runtime. */
    public AdminApiHandler() {
        this(Environment.system());
    }

    /** Used by the local stack, with the function's environment from the template. */
    public AdminApiHandler(Map<String, String> environment) {
        this(new Environment(environment));
    }

    private AdminApiHandler(Environment environment) {
        this(environment, new AwsClients(environment).dynamoDb());
    }

    private AdminApiHandler(Environment environment, DynamoDbClient dynamoDb) {
        this(
                new DynamoDbMailings(dynamoDb, environment.require("MAILINGS_TABLE")),
                new DynamoDbCaseListings(dynamoDb, environment.require("COMPLAINTS_TABLE")),
                new DynamoDbCases(dynamoDb, environment.require("COMPLAINTS_TABLE")),
                Clock.systemUTC());
    }

    AdminApiHandler(Mailings mailings, CaseListings listings, CaseFiles files, Clock clock) {
        var mailingRoutes = new MailingRoutes(mailings);
        var caseRoutes = new CaseRoutes(new ListCases(listings, clock), new CloseCase(files, clock));
        this.actions = Map.of(
                "GET /admin/mailings/{mailingId}", new Action(Scope.READ, 200, mailingRoutes::show),
                "PUT /admin/mailings/{mailingId}", new Action(Scope.WRITE, 200, mailingRoutes::put),
                "GET /admin/mailings/{mailingId}/complaints", new Action(Scope.READ, 200, caseRoutes::ofMailing),
                "POST /admin/complaints/{mailingId}/{complaintId}/resolve",
                        new Action(Scope.WRITE, 200, caseRoutes::resolve),
                "POST /admin/complaints/{mailingId}/{complaintId}/dismiss",
                        new Action(Scope.WRITE, 200, caseRoutes::dismiss));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        LogContext.begin(context == null ? null : context.getAwsRequestId());
        try {
            var request = AdminRequest.of(event);
            var action = actions.get(request.routeKey());
            if (action == null) {
                return AdminResponses.problem(new AdminProblem(404, null, "no such route"));
            }
            if (!request.grants(action.scope())) {
                return AdminResponses.problem(new AdminProblem(
                        403, null, "the token lacks the scope " + action.scope().claim()));
            }
            var response = AdminResponses.json(action.status(), action.run().apply(request));
            // Who did what, never with what: bodies may hold personal data.
            LOG.info("admin {} by {}: {}", request.routeKey(), request.caller(), response.getStatusCode());
            return response;
        } catch (AdminProblem problem) {
            return AdminResponses.problem(problem);
        } catch (InvalidCursorException e) {
            return AdminResponses.problem(new AdminProblem(400, "cursor", "is not a cursor of this listing"));
        } finally {
            LogContext.end();
        }
    }
}
