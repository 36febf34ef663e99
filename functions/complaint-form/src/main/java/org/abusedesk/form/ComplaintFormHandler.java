package org.abusedesk.form;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.abusedesk.aws.AwsClients;
import org.abusedesk.aws.DynamoDbComplaints;
import org.abusedesk.config.Environment;
import org.abusedesk.intake.InvalidSubmissionException;
import org.abusedesk.intake.SubmitComplaint;
import org.abusedesk.intake.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /complaints}: a complaint as JSON in, its case reference out. */
public final class ComplaintFormHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(ComplaintFormHandler.class);

    private final SubmitComplaint submitComplaint;

    /** Used by the Lambda runtime. */
    public ComplaintFormHandler() {
        this(System.getenv());
    }

    /** Used by the local stack, with the function's environment from the template. */
    public ComplaintFormHandler(Map<String, String> environment) {
        this(submitComplaint(new Environment(environment)));
    }

    public ComplaintFormHandler(SubmitComplaint submitComplaint) {
        this.submitComplaint = submitComplaint;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            var request = JsonRequest.read(event);
            var key = submitComplaint.submit(request.submission());
            LOG.info("complaint stored: mailingId={} complaintId={}", key.mailingId(), key.complaintId());
            return JsonResponses.accepted(key);
        } catch (JsonRequest.Rejected e) {
            return JsonResponses.error(e.status(), e.violations());
        } catch (InvalidSubmissionException e) {
            return JsonResponses.error(400, e.violations());
        } catch (RuntimeException e) {
            // The exception text may quote input; the stack trace alone locates our fault.
            LOG.error("complaint not stored: {}", e.getClass().getName(), withoutMessage(e));
            return JsonResponses.error(500, List.of(new Violation("", "internal error, please try again")));
        }
    }

    private static Throwable withoutMessage(RuntimeException e) {
        var copy = new RuntimeException(e.getClass().getName());
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    private static SubmitComplaint submitComplaint(Environment environment) {
        var clients = new AwsClients(environment);
        return new SubmitComplaint(
                new DynamoDbComplaints(clients.dynamoDb(), environment.require("COMPLAINTS_TABLE")),
                Clock.systemUTC(),
                Duration.ofDays(environment.requirePositiveInt("RETENTION_DAYS")));
    }
}
