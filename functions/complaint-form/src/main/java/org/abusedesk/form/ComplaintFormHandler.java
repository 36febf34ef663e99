package org.abusedesk.form;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.aws.AwsClients;
import org.abusedesk.aws.DynamoDbComplaints;
import org.abusedesk.aws.DynamoDbIdempotencyRecords;
import org.abusedesk.aws.DynamoDbSourceCounter;
import org.abusedesk.aws.EmbeddedMetrics;
import org.abusedesk.complaint.Language;
import org.abusedesk.config.DeskSettings;
import org.abusedesk.config.Environment;
import org.abusedesk.intake.ComplaintSubmission;
import org.abusedesk.intake.FormResult;
import org.abusedesk.intake.FormSubmission;
import org.abusedesk.intake.FormTokens;
import org.abusedesk.intake.IdempotencyKey;
import org.abusedesk.intake.IdempotencyKeyReusedException;
import org.abusedesk.intake.InputLimits;
import org.abusedesk.intake.IntakeSecret;
import org.abusedesk.intake.InvalidSubmissionException;
import org.abusedesk.intake.SourceKey;
import org.abusedesk.intake.SourceLimit;
import org.abusedesk.intake.SubmissionResult;
import org.abusedesk.intake.SubmitComplaint;
import org.abusedesk.intake.SubmitFormComplaint;
import org.abusedesk.intake.Submitter;
import org.abusedesk.logging.LogContext;
import org.abusedesk.snapstart.Priming;
import org.abusedesk.snapstart.SnapStart;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The public complaint form and its JSON API: {@code GET /} serves the form, {@code POST /complaints} takes a
 * complaint from the form (urlencoded) or as JSON, {@code GET /confirmation} shows a case reference.
 */
public final class ComplaintFormHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(ComplaintFormHandler.class);
    private static final String FORM_TYPE = "application/x-www-form-urlencoded";
    /** When a throttled submission is worth sending again: DynamoDB's capacity refills within a second or two. */
    static final int RETRY_AFTER_SECONDS = 2;

    private final SubmitComplaint submitComplaint;
    private final SubmitFormComplaint submitForm;
    private final IntakeSecret secret;
    private final FormSettings settings;
    private final FormPages pages;
    private final ConfirmationLinks links;

    /** Used by the Lambda runtime; primes the SnapStart snapshot and renews random sources after a restore. */
    public ComplaintFormHandler() {
        this(Environment.system(), Core.getGlobalContext());
    }

    /** Used by the local stack, with the function's environment from the template. */
    public ComplaintFormHandler(Map<String, String> environment) {
        this(Wiring.of(new Environment(environment)));
    }

    public ComplaintFormHandler(
            SubmitComplaint submitComplaint,
            SubmitFormComplaint submitForm,
            IntakeSecret secret,
            FormSettings settings) {
        this.submitComplaint = Objects.requireNonNull(submitComplaint, "submitComplaint == null");
        this.submitForm = Objects.requireNonNull(submitForm, "submitForm == null");
        this.secret = Objects.requireNonNull(secret, "secret == null");
        this.settings = Objects.requireNonNull(settings, "settings == null");
        this.pages = new FormPages(settings);
        this.links = new ConfirmationLinks(secret);
    }

    /** The runtime's wiring, with its SnapStart hooks registered in {@code checkpoints}. */
    ComplaintFormHandler(Environment environment, org.crac.Context<Resource> checkpoints) {
        this(Wiring.of(environment), checkpoints);
    }

    /** With the given clients: how tests put faults between the handler and AWS. */
    ComplaintFormHandler(Environment environment, AwsClients clients) {
        this(Wiring.of(environment, clients));
    }

    private ComplaintFormHandler(Wiring wiring) {
        this(wiring.submitComplaint(), wiring.submitForm(), wiring.secret(), wiring.settings());
    }

    private ComplaintFormHandler(Wiring wiring, org.crac.Context<Resource> checkpoints) {
        this(wiring);
        SnapStart.register(checkpoints, () -> prime(wiring));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        LogContext.begin(context == null ? null : context.getAwsRequestId());
        try {
            return handle(new HttpRequest(event));
        } finally {
            LogContext.end();
        }
    }

    private APIGatewayV2HTTPResponse handle(HttpRequest request) {
        try {
            return switch (request.path()) {
                case "/" -> formPage(request);
                case "/complaints" -> submit(request);
                case "/confirmation" -> confirmation(request);
                default -> JsonResponses.error(404, List.of(RequestProblem.NOT_FOUND.error(apiLanguage(request))));
            };
        } catch (RuntimeException e) {
            // The exception text may quote input; the stack trace alone locates our fault.
            LOG.error("request failed: {}", e.getClass().getName(), withoutMessage(e));
            // A table over its rate refused the request: nothing is wrong with it, and it may be sent again soon.
            boolean busy = e instanceof SdkServiceException service && service.isThrottlingException();
            int status = busy ? 503 : 500;
            Map<String, String> headers =
                    busy ? Map.of("retry-after", Integer.toString(RETRY_AFTER_SECONDS)) : Map.of();
            if (request.wantsHtml() || request.mediaType().equals(FORM_TYPE)) {
                return pages.problem(status, pageLanguage(request, Optional.empty()), headers, RETRY_AFTER_SECONDS);
            }
            var problem = busy ? RequestProblem.BUSY : RequestProblem.INTERNAL;
            return JsonResponses.error(
                    status, List.of(problem.error(apiLanguage(request), RETRY_AFTER_SECONDS)), headers);
        }
    }

    /**
     * Answers what the first visitors ask for (the form, refused submissions, a confirmation page) and reads an
     * idempotency record that does not exist: nothing is counted or stored.
     */
    private void prime(Wiring wiring) {
        FormPriming.requests().forEach(event -> handleRequest(event, null));
        pages.confirmation(FormPriming.KEY, Language.DE, links.link(FormPriming.KEY, Language.EN));
        JsonResponses.accepted(FormPriming.KEY, false);
        wiring.warmUp().prime();
    }

    private APIGatewayV2HTTPResponse formPage(HttpRequest request) {
        var language = pageLanguage(request, request.query("lang"));
        if (!isGetOrHead(request)) {
            return methodNotAllowed(request, "GET");
        }
        return pages.newForm(language, submitForm.newToken(), request.method().equals("GET"));
    }

    private APIGatewayV2HTTPResponse confirmation(HttpRequest request) {
        var language = pageLanguage(request, request.query("lang"));
        if (!isGetOrHead(request)) {
            return methodNotAllowed(request, "GET");
        }
        return links.read(request)
                .map(key -> pages.confirmation(
                        key, language, links.link(key, PageText.of(language).other())))
                .orElseGet(() -> pages.problem(404, language, Map.of()));
    }

    private APIGatewayV2HTTPResponse submit(HttpRequest request) {
        if (!request.method().equals("POST")) {
            return methodNotAllowed(request, "POST");
        }
        String type = request.mediaType();
        boolean form = type.equals(FORM_TYPE);
        // A request without a content type is read as JSON, as the API always did.
        if (!form && !type.equals("application/json") && !type.isEmpty()) {
            return request.wantsHtml()
                    ? pages.problem(415, pageLanguage(request, Optional.empty()), Map.of())
                    : JsonResponses.error(415, List.of(RequestProblem.UNSUPPORTED_TYPE.error(apiLanguage(request))));
        }
        byte[] body;
        try {
            body = request.body();
        } catch (HttpRequest.MalformedBody e) {
            return JsonResponses.error(400, List.of(RequestProblem.NOT_BASE64.error(apiLanguage(request))));
        }
        if (body.length > InputLimits.MAX_BODY_BYTES) {
            return form
                    ? pages.problem(413, pageLanguage(request, Optional.empty()), Map.of())
                    : JsonResponses.error(
                            413,
                            List.of(RequestProblem.TOO_LARGE.error(apiLanguage(request), InputLimits.MAX_BODY_BYTES)));
        }
        return form ? submitForm(request, FormRequest.read(body)) : submitJson(request, body);
    }

    private APIGatewayV2HTTPResponse submitJson(HttpRequest request, byte[] body) {
        var language = apiLanguage(request);
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

    private APIGatewayV2HTTPResponse submitForm(HttpRequest request, Map<String, String> fields) {
        var language = pageLanguage(request, Optional.ofNullable(fields.get("lang")));
        String token = fields.getOrDefault("token", "");
        var submission = new ComplaintSubmission(
                fields.get("mailingId"),
                fields.get("email"),
                fields.get("message"),
                fields.get("salutation"),
                fields.get("name"),
                language);
        FormResult result;
        try {
            result = submitForm.submit(new FormSubmission(
                    submission, token, fields.get("website"), SourceKey.of(request.sourceIp(), secret)));
        } catch (InvalidSubmissionException e) {
            return pages.formAgain(400, language, token, fields, e.violations(), Optional.empty(), Map.of());
        }
        var text = PageText.of(language);
        return switch (result) {
            case FormResult.Confirmed confirmed -> {
                LogContext.complaint(confirmed.key());
                LOG.info(
                        "form complaint confirmed: mailingId={} complaintId={}",
                        confirmed.key().mailingId(),
                        confirmed.key().complaintId());
                yield FormPages.seeOther(links.link(confirmed.key(), language));
            }
            case FormResult.Limited limited -> {
                var limit = settings.sourceLimit();
                var notice = new FormView.Notice(
                        text.get("limited.title"),
                        text.get(
                                "limited.text",
                                limit.complaints(),
                                limit.window().toMinutes(),
                                RetryAfter.minutes(limited.retryAfter()),
                                settings.abuseAddress()));
                yield pages.formAgain(
                        429,
                        language,
                        token,
                        fields,
                        List.of(),
                        Optional.of(notice),
                        Map.of("retry-after", Long.toString(RetryAfter.seconds(limited.retryAfter()))));
            }
            case FormResult.SendAgain again -> {
                var notice = new FormView.Notice(
                        "",
                        text.get(
                                "notice." + again.reason().name(),
                                again.sentBefore()
                                        .map(key -> key.complaintId().value())
                                        .orElse("")));
                int status = again.reason() == FormResult.SendAgain.Reason.TOKEN_USED ? 409 : 400;
                yield pages.formAgain(
                        status, language, again.freshToken(), fields, List.of(), Optional.of(notice), Map.of());
            }
        };
    }

    private APIGatewayV2HTTPResponse methodNotAllowed(HttpRequest request, String allowed) {
        var allow = Map.of("allow", allowed.equals("GET") ? "GET, HEAD" : allowed);
        if (request.wantsHtml()) {
            return pages.problem(405, pageLanguage(request, request.query("lang")), allow, allowed);
        }
        return JsonResponses.error(
                405, List.of(RequestProblem.METHOD_NOT_ALLOWED.error(apiLanguage(request), allowed)), allow);
    }

    private static boolean isGetOrHead(HttpRequest request) {
        return request.method().equals("GET") || request.method().equals("HEAD");
    }

    /** Pages are German unless the request asks for English. */
    private static Language pageLanguage(HttpRequest request, Optional<String> chosen) {
        return Languages.negotiate(chosen, request.header("accept-language"), Language.DE);
    }

    /** The API answers in English unless the request asks for German: clients without a preference are programs. */
    private static Language apiLanguage(HttpRequest request) {
        return Languages.negotiate(request.query("lang"), request.header("accept-language"), Language.EN);
    }

    private static Throwable withoutMessage(RuntimeException e) {
        var copy = new RuntimeException(e.getClass().getName());
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    /** The collaborators as the function's environment configures them, each built once per execution environment. */
    private record Wiring(
            SubmitComplaint submitComplaint,
            SubmitFormComplaint submitForm,
            IntakeSecret secret,
            FormSettings settings,
            Priming warmUp) {

        static Wiring of(Environment environment) {
            return of(environment, new AwsClients(environment));
        }

        static Wiring of(Environment environment, AwsClients clients) {
            var dynamoDb = clients.dynamoDb();
            var clock = Clock.systemUTC();
            IntakeSecret secret;
            try (var secrets = clients.configure(SecretsManagerClient.builder()).build()) {
                String arn = environment.require("INTAKE_SECRET_ARN");
                secret = IntakeSecret.of(
                        secrets.getSecretValue(r -> r.secretId(arn)).secretString());
            }
            int retentionDays = environment.requirePositiveInt("RETENTION_DAYS");
            var limit = new SourceLimit(
                    environment.requirePositiveInt("RATE_LIMIT_COMPLAINTS"),
                    Duration.ofMinutes(environment.requirePositiveInt("RATE_LIMIT_WINDOW_MINUTES")));
            var metrics = new EmbeddedMetrics(System.out, clock);
            String intakeTable = environment.require("INTAKE_TABLE");
            var idempotency = new DynamoDbIdempotencyRecords(dynamoDb, intakeTable);
            var submitComplaint = new SubmitComplaint(
                    new DynamoDbComplaints(dynamoDb, environment.require("COMPLAINTS_TABLE")),
                    idempotency,
                    new DynamoDbSourceCounter(dynamoDb, intakeTable, limit),
                    metrics,
                    DeskSettings.mailingIdFormat(environment),
                    clock,
                    Duration.ofDays(retentionDays));
            var submitForm = new SubmitFormComplaint(
                    submitComplaint,
                    new FormTokens(secret),
                    metrics,
                    clock,
                    Duration.ofSeconds(environment.requireNonNegativeInt("FORM_MIN_FILL_SECONDS")));
            return new Wiring(
                    submitComplaint,
                    submitForm,
                    secret,
                    new FormSettings(environment.require("ABUSE_ADDRESS"), retentionDays, limit),
                    () -> {
                        metrics.rehearse();
                        // The role may read the intake table (not the complaints table); no key has this shape.
                        Priming.warm(() -> idempotency.find(new IdempotencyKey("snapstart-priming"), clock.instant()));
                    });
        }
    }
}
