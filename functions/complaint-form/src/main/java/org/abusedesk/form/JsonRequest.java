package org.abusedesk.form;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.abusedesk.intake.ComplaintSubmission;
import org.abusedesk.intake.InputLimits;
import org.abusedesk.intake.Violation;

/** Reads a {@code POST /complaints} JSON request into a submission, or says which status refuses it. */
record JsonRequest(ComplaintSubmission submission) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS = List.of("mailingId", "email", "message", "salutation", "name");

    /** A request refused before its fields are looked at: wrong method, type, size or syntax. */
    static final class Rejected extends RuntimeException {

        private final int status;
        private final List<Violation> violations;

        Rejected(int status, String field, String message) {
            super(message, null, false, false);
            this.status = status;
            this.violations = List.of(new Violation(field, message));
        }

        Rejected(List<Violation> violations) {
            super("invalid fields", null, false, false);
            this.status = 400;
            this.violations = violations;
        }

        int status() {
            return status;
        }

        List<Violation> violations() {
            return violations;
        }
    }

    static JsonRequest read(APIGatewayV2HTTPEvent event) {
        var http = event.getRequestContext() == null
                ? null
                : event.getRequestContext().getHttp();
        if (http != null && !"POST".equalsIgnoreCase(http.getMethod())) {
            throw new Rejected(405, "method", "only POST is allowed");
        }
        String contentType = header(event.getHeaders(), "content-type");
        if (contentType != null && !mediaType(contentType).equals("application/json")) {
            throw new Rejected(415, "content-type", "must be application/json");
        }
        byte[] body = body(event);
        if (body.length > InputLimits.MAX_BODY_BYTES) {
            throw new Rejected(413, "body", "must be at most " + InputLimits.MAX_BODY_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new Rejected(400, "body", "must be a JSON object");
        }
        if (root == null || !root.isObject()) {
            throw new Rejected(400, "body", "must be a JSON object");
        }
        var violations = new ArrayList<Violation>();
        for (String field : FIELDS) {
            JsonNode value = root.get(field);
            if (value != null && !value.isNull() && !value.isTextual()) {
                violations.add(new Violation(field, "must be a string"));
            }
        }
        if (!violations.isEmpty()) {
            throw new Rejected(violations);
        }
        return new JsonRequest(new ComplaintSubmission(
                text(root, "mailingId"),
                text(root, "email"),
                text(root, "message"),
                text(root, "salutation"),
                text(root, "name")));
    }

    private static byte[] body(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        if (event.getIsBase64Encoded()) {
            try {
                return Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw new Rejected(400, "body", "is not valid base64");
            }
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(JsonNode root, String field) {
        JsonNode value = root.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String header(Map<String, String> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (var header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
    }
}
