package org.abusedesk.form;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.abusedesk.complaint.Language;
import org.abusedesk.request.Languages;

/** An HTTP API request (payload 2.0), read as the form's routes need it. */
record HttpRequest(APIGatewayV2HTTPEvent event) {

    /** A body that claims to be base64 and is not. */
    static final class MalformedBody extends RuntimeException {

        MalformedBody() {
            super("body is not valid base64", null, false, false);
        }
    }

    String method() {
        var http = http();
        return http == null || http.getMethod() == null ? "" : http.getMethod().toUpperCase(Locale.ROOT);
    }

    /** Whether the request only reads: GET, or HEAD for the headers alone. */
    boolean reads() {
        return method().equals("GET") || method().equals("HEAD");
    }

    String path() {
        if (event.getRawPath() != null) {
            return event.getRawPath();
        }
        var http = http();
        return http == null || http.getPath() == null ? "/" : http.getPath();
    }

    /** What API Gateway saw as the client's address; the per-source limit counts by it. */
    String sourceIp() {
        var http = http();
        return http == null ? null : http.getSourceIp();
    }

    Optional<String> header(String name) {
        return find(event.getHeaders(), name);
    }

    Optional<String> query(String name) {
        return find(event.getQueryStringParameters(), name);
    }

    /** The content type without its parameters, in lower case; empty when none was sent. */
    String mediaType() {
        String contentType = header("content-type").orElse("");
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    /** Whether the client reads HTML rather than JSON: a browser, by its Accept header. */
    boolean wantsHtml() {
        return header("accept").orElse("").toLowerCase(Locale.ROOT).contains("text/html");
    }

    /** Pages are German unless the request asks for English, by {@code chosen} or its Accept-Language. */
    Language pageLanguage(Optional<String> chosen) {
        return Languages.negotiate(chosen, header("accept-language"), Language.DE);
    }

    /** The API answers in English unless the request asks for German: clients without a preference are programs. */
    Language apiLanguage() {
        return Languages.negotiate(query("lang"), header("accept-language"), Language.EN);
    }

    /** The body's bytes, decoded from base64 where API Gateway encoded it. */
    byte[] body() {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        if (event.getIsBase64Encoded()) {
            try {
                return Base64.getMimeDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw new MalformedBody();
            }
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private APIGatewayV2HTTPEvent.RequestContext.Http http() {
        return event.getRequestContext() == null
                ? null
                : event.getRequestContext().getHttp();
    }

    private static Optional<String> find(Map<String, String> values, String name) {
        if (values == null) {
            return Optional.empty();
        }
        for (var entry : values.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return Optional.ofNullable(entry.getValue());
            }
        }
        return Optional.empty();
    }
}
