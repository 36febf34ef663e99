package org.abusedesk.form;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.intake.ComplaintSubmission;
import org.abusedesk.intake.FormResult;
import org.abusedesk.intake.FormSubmission;
import org.abusedesk.intake.InputLimits;
import org.abusedesk.intake.IntakeSecret;
import org.abusedesk.intake.InvalidSubmissionException;
import org.abusedesk.intake.SourceKey;
import org.abusedesk.intake.SubmitFormComplaint;
import org.abusedesk.logging.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /complaints} from the form page: its urlencoded fields in, a redirect to the confirmation or the form
 * again with what the person typed out.
 */
final class HtmlSubmissions {

    static final String MEDIA_TYPE = "application/x-www-form-urlencoded";
    private static final Logger LOG = LoggerFactory.getLogger(HtmlSubmissions.class);

    private final SubmitFormComplaint submitForm;
    private final IntakeSecret secret;
    private final FormPages pages;
    private final ConfirmationLinks links;

    HtmlSubmissions(SubmitFormComplaint submitForm, IntakeSecret secret, FormPages pages, ConfirmationLinks links) {
        this.submitForm = Objects.requireNonNull(submitForm, "submitForm == null");
        this.secret = Objects.requireNonNull(secret, "secret == null");
        this.pages = Objects.requireNonNull(pages, "pages == null");
        this.links = Objects.requireNonNull(links, "links == null");
    }

    /** Whether the request is the form page sent back: a browser sends its fields urlencoded. */
    boolean takes(HttpRequest request) {
        return request.mediaType().equals(MEDIA_TYPE);
    }

    APIGatewayV2HTTPResponse submit(HttpRequest request) {
        byte[] body;
        try {
            body = request.body();
        } catch (HttpRequest.MalformedBody e) {
            // API Gateway encodes what a browser sends correctly: only a program's hand-made event comes here.
            return JsonResponses.error(400, List.of(RequestProblem.NOT_BASE64.error(request.apiLanguage())));
        }
        if (body.length > InputLimits.MAX_BODY_BYTES) {
            return pages.problem(413, request.pageLanguage(Optional.empty()), Map.of());
        }
        return submit(request, FormRequest.read(body));
    }

    private APIGatewayV2HTTPResponse submit(HttpRequest request, Map<String, String> fields) {
        var language = request.pageLanguage(Optional.ofNullable(fields.get("lang")));
        String token = fields.getOrDefault("token", "");
        var submission = new ComplaintSubmission(
                fields.get("mailingId"),
                fields.get("email"),
                fields.get("message"),
                fields.get("salutation"),
                fields.get("name"),
                language,
                // A box ticked sends "yes"; anything else, or nothing, is no consent.
                "yes".equals(fields.get("consentToShare")));
        FormResult result;
        try {
            result = submitForm.submit(new FormSubmission(
                    submission, token, fields.get("website"), SourceKey.of(request.sourceIp(), secret)));
        } catch (InvalidSubmissionException e) {
            return pages.invalid(language, token, fields, e.violations());
        }
        return switch (result) {
            case FormResult.Confirmed confirmed -> {
                LogContext.complaint(confirmed.key());
                LOG.info(
                        "form complaint confirmed: mailingId={} complaintId={}",
                        confirmed.key().mailingId(),
                        confirmed.key().complaintId());
                yield FormPages.seeOther(links.link(confirmed.key(), language));
            }
            case FormResult.Limited limited -> pages.limited(language, token, fields, limited.retryAfter());
            case FormResult.SendAgain again -> pages.sendAgain(language, fields, again);
        };
    }
}
