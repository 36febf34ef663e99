package org.abusedesk.local;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A pipe's {@code InputTemplate}: {@code <$.a.b>} placeholders filled from the event, as EventBridge Pipes do. */
final class InputTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("<\\$((?:\\.[A-Za-z0-9_-]+)+)>");

    private final String template;

    InputTemplate(String template) {
        this.template = template;
    }

    /** The filled template; without a template, the event itself. */
    String render(JsonNode event) {
        if (template == null) {
            return event.toString();
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        var out = new StringBuilder();
        while (matcher.find()) {
            JsonNode value = event;
            for (String step : matcher.group(1).substring(1).split("\\.")) {
                value = value == null ? null : value.get(step);
            }
            String replacement;
            if (value == null || value.isNull()) {
                replacement = "";
            } else if (value.isTextual()) {
                // Template authors quote string placeholders, so the text goes in escaped for a JSON string.
                replacement = new String(JsonStringEncoder.getInstance().quoteAsString(value.asText()));
            } else {
                replacement = value.toString();
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
