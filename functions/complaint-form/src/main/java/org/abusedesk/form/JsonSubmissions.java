package org.abusedesk.form;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.intake.IdempotencyKey;
import org.abusedesk.intake.IdempotencyKeyReusedException;
import org.abusedesk.intake.InputLimits;
import org.abusedesk.intake.IntakeSecret;
import org.abusedesk.intake.InvalidSubmissionException;
import org.abusedesk.intake.SourceKey;
import org.abusedesk.intake.SubmissionResult;
import org.abusedesk.intake.SubmitComplaint;
import org.abusedesk.intake.Submitter;
import org.abusedesk.logging.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /complaints} as JSON, the API's: the body's fields and an Idempotency-Key in, the case reference or
 * the errors as JSON out.
 */
final class JsonSubmissions {

    private static final Logger LOG = LoggerFactory.getLogger(JsonSubmissions.class);

    private final SubmitComplaint submitComplaint;
    private final IntakeSecret secret;

    JsonSubmissions(SubmitComplaint submitComplaint, IntakeSecret secret) {
        this.submitComplaint = Objects.requireNonNull(submitComplaint, "submitComplaint == null");
        this.secret = Objects.requireNonNull(secret, "secret == null");
    }

    /** Whether the request is JSON; one without a content type is read as JSON, as the API always did. */
    boolean takes(HttpRequest request) {
        String type = request.mediaType();
        return type.equals("application/json") || type.isEmpty();
    }

    APIGatewayV2HTTPResponse submit(HttpRequest request) {
        var language = request.apiLanguage();
        byte[] body;
        try {
            body = request.body();
        } catch (HttpRequest.MalformedBody e) {
            return JsonResponses.error(400, List.of(RequestProblem.NOT_BASE64.error(language)));
        }
        if (body.length > InputLimits.MAX_BODY_BYTES) {
            return JsonResponses.error(
                    413, List.of(RequestProblem.TOO_LARGE.error(language, InputLimits.MAX_BODY_BYTES)));
        }
        Optional<IdempotencyKey> idempotencyKey;
        try {
            idempotencyKey = request.header("idempotency-key").map(IdempotencyKey::client);
        } catch (IllegalArgumentException e) {
            return JsonResponses.error(400, List.of(RequestProblem.IDEMPOTENCY_KEY_INVALID.error(language)));
        }
        try {
            var submission = JsonRequest.read(body, language).submission();
            var result = submitComplaint.submit(
                    submission, new Submitter(SourceKey.of(request.sourceIp(), secret), idempotencyKey));
            return switch (result) {
                case SubmissionResult.Accepted accepted -> {
                    LogContext.complaint(accepted.key());
                    LOG.info(
                            "complaint accepted: mailingId={} complaintId={} replayed={}",
                            accepted.key().mailingId(),
                            accepted.key().complaintId(),
                            accepted.replayed());
                    yield JsonResponses.accepted(accepted.key(), accepted.replayed());
                }
                case SubmissionResult.Limited limited ->
                    JsonResponses.limited(
                            limited.retryAfter(),
                            List.of(RequestProblem.RATE_LIMITED.error(
                                    language, RetryAfter.seconds(limited.retryAfter()))));
            };
        } catch (JsonRequest.Rejected e) {
            return JsonResponses.error(400, e.errors());
        } catch (InvalidSubmissionException e) {
            return JsonResponses.error(
                    400,
                    e.violations().stream()
                            .map(v -> new ApiError(v.field(), v.message(language)))
                            .toList());
        } catch (IdempotencyKeyReusedException e) {
            return JsonResponses.error(
                    422,
                    List.of(RequestProblem.IDEMPOTENCY_KEY_REUSED.error(
                            language, e.original().complaintId().value())));
        }
    }
}
