package org.abusedesk.form;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.abusedesk.complaint.Complaints;
import org.abusedesk.complaint.InMemoryComplaints;
import org.abusedesk.complaint.MailingIdFormat;
import org.abusedesk.intake.FormTokens;
import org.abusedesk.intake.InMemoryIdempotencyRecords;
import org.abusedesk.intake.InMemorySourceCounter;
import org.abusedesk.intake.Intakes;
import org.abusedesk.intake.MutableClock;
import org.abusedesk.intake.RecordingMetrics;
import org.abusedesk.intake.SourceLimit;
import org.abusedesk.intake.SubmitComplaint;
import org.abusedesk.intake.SubmitFormComplaint;
import org.abusedesk.testkit.RecordingCheckpoints;

/** The form handler wired with in-memory fakes, a clock the test moves, and requests as API Gateway sends them. */
final class TestDesk {

    static final Instant NOW = Instant.parse("2026-11-28T10:15:30Z");
    static final String ABUSE_ADDRESS = "abuse@example.com";

    final InMemoryComplaints complaints;
    final RecordingMetrics metrics = new RecordingMetrics();
    final MutableClock clock = new MutableClock(NOW);
    final ComplaintFormHandler handler;

    TestDesk() {
        this(new InMemoryComplaints(), MailingIdFormat.DEFAULT);
    }

    TestDesk(Complaints complaints, MailingIdFormat format) {
        this.complaints = complaints instanceof InMemoryComplaints memory ? memory : new InMemoryComplaints();
        var submit = new SubmitComplaint(
                complaints,
                new InMemoryIdempotencyRecords(),
                new InMemorySourceCounter(SourceLimit.DEFAULT),
                metrics,
                format,
                clock,
                Duration.ofDays(180));
        var form =
                new SubmitFormComplaint(submit, new FormTokens(Intakes.SECRET), metrics, clock, Duration.ofSeconds(3));
        var settings = new FormSettings(ABUSE_ADDRESS, 180, SourceLimit.DEFAULT);
        // In-memory fakes have no client to warm.
        this.handler = new ComplaintFormHandler(
                new FormWiring(submit, form, Intakes.SECRET, settings, () -> {}), new RecordingCheckpoints());
    }

    APIGatewayV2HTTPResponse send(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, null);
    }

    /** A request to the path, from the sample event's client, without a body. */
    static APIGatewayV2HTTPEvent request(String method, String path) {
        var event = EventLoader.loadApiGatewayHttpEvent("apigw/submit-complaint.json");
        event.setHeaders(new HashMap<>(Map.of("host", "abcdef1234.execute-api.eu-central-1.amazonaws.com")));
        event.setRawPath(path);
        event.setRouteKey("ANY " + path);
        event.getRequestContext().getHttp().setMethod(method);
        event.getRequestContext().getHttp().setPath(path);
        event.setBody(null);
        event.setIsBase64Encoded(false);
        return event;
    }

    /** A browser's GET of the path, with a query and an Accept-Language header when given. */
    static APIGatewayV2HTTPEvent browserGet(String path, Map<String, String> query, String acceptLanguage) {
        var event = request("GET", path);
        event.getHeaders().put("accept", "text/html,application/xhtml+xml");
        if (acceptLanguage != null) {
            event.getHeaders().put("accept-language", acceptLanguage);
        }
        event.setQueryStringParameters(query.isEmpty() ? null : new HashMap<>(query));
        return event;
    }

    /** The form page sent back by a browser: urlencoded fields. */
    static APIGatewayV2HTTPEvent formPost(Map<String, String> fields) {
        var event = request("POST", "/complaints");
        event.getHeaders().put("content-type", "application/x-www-form-urlencoded");
        event.getHeaders().put("accept", "text/html,application/xhtml+xml");
        var body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        event.setBody(body.toString());
        return event;
    }

    /** A JSON POST of the body. */
    static APIGatewayV2HTTPEvent jsonPost(String json) {
        var event = request("POST", "/complaints");
        event.getHeaders().put("content-type", "application/json");
        event.setBody(json);
        return event;
    }

    /** The fields of a complete form, with the token of a page served now. */
    Map<String, String> filledForm() {
        var fields = new LinkedHashMap<String, String>();
        fields.put("token", token());
        fields.put("lang", "de");
        fields.put("mailingId", "14141611");
        fields.put("salutation", "FRAU");
        fields.put("name", "Erika Muster");
        fields.put("email", "erika.muster@example.net");
        fields.put("message", "Ich habe diesen Newsletter nie bestellt.");
        fields.put("website", "");
        return fields;
    }

    /** The token of a fresh form page, read from the page as a browser would. */
    String token() {
        return hidden(send(browserGet("/", Map.of(), null)).getBody(), "token");
    }

    static String hidden(String page, String name) {
        var matcher =
                Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page);
        if (!matcher.find()) {
            throw new AssertionError("no hidden field " + name);
        }
        return matcher.group(1);
    }

    /** The query parameters of a Location header. */
    static Map<String, String> query(String location) {
        var parameters = new LinkedHashMap<String, String>();
        for (String pair : location.substring(location.indexOf('?') + 1).split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(
                    pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
