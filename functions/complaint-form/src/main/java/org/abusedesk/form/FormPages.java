package org.abusedesk.form;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.Language;
import org.abusedesk.intake.FormResult;
import org.abusedesk.intake.Violation;

/** The form's HTML pages as HTTP responses, from templates compiled at build time, with their security headers. */
final class FormPages {

    private static final TemplateEngine PAGES =
            TemplateEngine.createPrecompiled(null, ContentType.Html, null, "org.abusedesk.form.pages");
    /** The fields in the order of the page, which the error summary follows. */
    static final List<String> FIELDS = List.of("mailingId", "salutation", "name", "email", "message", "consentToShare");

    private final FormSettings settings;

    FormPages(FormSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings == null");
    }

    /**
     * A new, empty form. Cacheable by the browser alone, so that its back button shows the page with the same
     * token, and a form sent again from there is known as the same complaint.
     */
    APIGatewayV2HTTPResponse newForm(Language language, String token, boolean withBody) {
        var view = view(language, token, Map.of(), List.of(), Optional.empty());
        var headers = new HashMap<String, String>();
        headers.put("cache-control", "private, max-age=0");
        headers.put("vary", "accept-language");
        return html(200, language, withBody ? render("form.jte", view) : "", headers);
    }

    /** 400: the form again with what the person typed, each field's error next to it. */
    APIGatewayV2HTTPResponse invalid(
            Language language, String token, Map<String, String> typed, List<Violation> violations) {
        return formAgain(400, language, token, typed, violations, Optional.empty(), Map.of());
    }

    /**
     * 429: the form again with what the person typed, and a notice of the source's limit and when to send it again.
     */
    APIGatewayV2HTTPResponse limited(Language language, String token, Map<String, String> typed, Duration retryAfter) {
        var text = PageText.of(language);
        var limit = settings.sourceLimit();
        var notice = new FormView.Notice(
                text.get("limited.title"),
                text.get(
                        "limited.text",
                        limit.complaints(),
                        limit.window().toMinutes(),
                        RetryAfter.minutes(retryAfter),
                        settings.abuseAddress()));
        return formAgain(
                429,
                language,
                token,
                typed,
                List.of(),
                Optional.of(notice),
                Map.of("retry-after", Long.toString(RetryAfter.seconds(retryAfter))));
    }

    /**
     * The form again with what the person typed, a fresh token and a notice why it must be sent again: 409 when its
     * token was used already (naming the first complaint's reference), 400 when it expired or is not ours.
     */
    APIGatewayV2HTTPResponse sendAgain(Language language, Map<String, String> typed, FormResult.SendAgain again) {
        var notice = new FormView.Notice(
                "",
                PageText.of(language)
                        .get(
                                "notice." + again.reason().name(),
                                again.sentBefore()
                                        .map(key -> key.complaintId().value())
                                        .orElse("")));
        int status = again.reason() == FormResult.SendAgain.Reason.TOKEN_USED ? 409 : 400;
        return formAgain(status, language, again.freshToken(), typed, List.of(), Optional.of(notice), Map.of());
    }

    APIGatewayV2HTTPResponse confirmation(ComplaintKey key, Language language, String otherLanguageUrl) {
        var text = PageText.of(language);
        var view = new MessageView(
                text,
                text.get("confirm.title"),
                text.get("confirm.lead", key.mailingId().value()),
                Optional.of(key.complaintId().value()),
                text.get("confirm.next"),
                text.get("confirm.again"),
                otherLanguageUrl);
        return html(200, language, render("message.jte", view), Map.of("cache-control", "no-store"));
    }

    /** A page that says why a request cannot be taken ({@code problem.<status>.*} texts), with a link to the form. */
    APIGatewayV2HTTPResponse problem(int status, Language language, Map<String, String> headers, Object... arguments) {
        var text = PageText.of(language);
        var view = new MessageView(
                text,
                text.get("problem." + status + ".title"),
                text.get("problem." + status + ".text", arguments),
                Optional.empty(),
                "",
                text.get("problem.back"),
                "/?lang=" + text.otherCode());
        var all = new HashMap<>(headers);
        all.put("cache-control", "no-store");
        return html(status, language, render("message.jte", view), all);
    }

    /** 303 See Other: the browser fetches the page with GET, so a reload never sends the form again. */
    static APIGatewayV2HTTPResponse seeOther(String location) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(303)
                .withHeaders(Map.of("location", location, "cache-control", "no-store"))
                .build();
    }

    /** The form again with what the person typed, each field's error next to it, or a notice above it. */
    private APIGatewayV2HTTPResponse formAgain(
            int status,
            Language language,
            String token,
            Map<String, String> typed,
            List<Violation> violations,
            Optional<FormView.Notice> notice,
            Map<String, String> extraHeaders) {
        var text = PageText.of(language);
        var errors = violations.stream()
                .sorted(Comparator.comparingInt(v -> FIELDS.indexOf(v.field())))
                .map(v -> new FormView.FieldError(
                        v.field(),
                        text.get("error." + v.field() + "." + v.problem().name(), v.limit())))
                .toList();
        var values = new HashMap<String, String>();
        FIELDS.forEach(field -> values.put(field, typed.getOrDefault(field, "")));
        var view = view(language, token, values, errors, notice);
        // The page holds what the person typed: no cache may keep it.
        var headers = new HashMap<>(extraHeaders);
        headers.put("cache-control", "no-store");
        return html(status, language, render("form.jte", view), headers);
    }

    private FormView view(
            Language language,
            String token,
            Map<String, String> values,
            List<FormView.FieldError> errors,
            Optional<FormView.Notice> notice) {
        return new FormView(
                PageText.of(language),
                token,
                values,
                errors,
                notice,
                settings.abuseAddress(),
                settings.retentionDays());
    }

    private static String render(String template, Object view) {
        var out = new StringOutput();
        PAGES.render(template, view, out);
        return out.toString();
    }

    private static APIGatewayV2HTTPResponse html(
            int status, Language language, String body, Map<String, String> extraHeaders) {
        var headers = new HashMap<String, String>();
        headers.put("content-type", "text/html; charset=utf-8");
        headers.put("content-language", PageText.tag(language));
        headers.put("content-security-policy", Stylesheet.CONTENT_SECURITY_POLICY);
        headers.put("x-content-type-options", "nosniff");
        headers.put("x-frame-options", "DENY");
        // Confirmation links carry the case reference: no other site learns it from a Referer.
        headers.put("referrer-policy", "no-referrer");
        headers.put("strict-transport-security", "max-age=31536000");
        headers.putAll(extraHeaders);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(body)
                .build();
    }
}
