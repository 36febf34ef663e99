package org.abusedesk.form;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.abusedesk.complaint.ComplaintKey;

/**
 * The requests the form function answers before its snapshot: the form page in both languages, and a JSON and a
 * form submission whose address is invalid, so that validation refuses them before anything is counted or stored.
 */
final class FormPriming {

    /** A case reference to render, of a complaint that was never made. */
    static final ComplaintKey KEY = ComplaintKey.of("snapstart-priming", "00000000000000000000000000");

    // TEST-NET-1 (RFC 5737): no client has this address.
    private static final String SOURCE_IP = "192.0.2.1";

    private FormPriming() {}

    static List<APIGatewayV2HTTPEvent> requests() {
        return List.of(
                request("GET", "/", Map.of(), "text/html", null, null),
                request("GET", "/", Map.of("lang", "en"), "text/html", null, null),
                request(
                        "POST",
                        "/complaints",
                        Map.of(),
                        "application/json",
                        "application/json",
                        "{\"mailingId\":\"14141611\",\"email\":\"no-address\",\"message\":\"Priming\"}"),
                request(
                        "POST",
                        "/complaints",
                        Map.of(),
                        "text/html",
                        "application/x-www-form-urlencoded",
                        "lang=de&token=&website=&mailingId=14141611&salutation=FRAU&name=Priming&email=no-address"
                                + "&message=Priming"));
    }

    private static APIGatewayV2HTTPEvent request(
            String method, String path, Map<String, String> query, String accept, String contentType, String body) {
        var headers = new HashMap<String, String>();
        headers.put("accept", accept);
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        var http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(method);
        http.setPath(path);
        http.setSourceIp(SOURCE_IP);
        var context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setHttp(http);
        var event = new APIGatewayV2HTTPEvent();
        event.setRawPath(path);
        event.setHeaders(headers);
        event.setQueryStringParameters(query.isEmpty() ? null : new HashMap<>(query));
        event.setBody(body);
        event.setIsBase64Encoded(false);
        event.setRequestContext(context);
        return event;
    }
}
