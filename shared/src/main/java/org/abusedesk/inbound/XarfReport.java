package org.abusedesk.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** An X-ARF v4 report ({@code "xarf_version": "4.x"}): the messages its evidence carries, base64 message/rfc822. */
record XarfReport(List<byte[]> messages) {

    private static final ObjectMapper JSON = new ObjectMapper();

    XarfReport {
        messages = List.copyOf(messages);
    }

    static Optional<XarfReport> parse(String text) {
        String json = text.strip();
        if (!json.startsWith("{") || !json.contains("xarf_version")) {
            return Optional.empty();
        }
        JsonNode report;
        try {
            report = JSON.readTree(json);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (report == null || !report.path("xarf_version").asText().startsWith("4")) {
            return Optional.empty();
        }
        var messages = new ArrayList<byte[]>();
        for (JsonNode evidence : report.path("evidence")) {
            String type = evidence.path("content_type").asText().toLowerCase(Locale.ROOT);
            if (!type.startsWith("message/rfc822")) {
                continue;
            }
            String payload = evidence.path("payload").asText();
            String encoding = evidence.path("encoding").asText("base64").toLowerCase(Locale.ROOT);
            try {
                messages.add(
                        encoding.equals("base64")
                                ? Base64.getMimeDecoder().decode(payload)
                                : payload.getBytes(StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // evidence that is not base64 after all is left out; the report still counts
            }
        }
        return Optional.of(new XarfReport(messages));
    }
}
