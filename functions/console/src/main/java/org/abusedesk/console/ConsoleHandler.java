package org.abusedesk.console;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.abusedesk.aws.Invocation;
import org.abusedesk.config.Environment;
import org.abusedesk.snapstart.SnapStart;
import org.crac.Core;
import org.crac.Resource;

/** The console's Lambda: translates the HTTP API's event for the gate and the gate's answer back; nothing else. */
public final class ConsoleHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** Far more than a browser sends; a longer cookie header is not read. */
    private static final int MAX_COOKIES = 50;

    private final ConsoleGate gate;

    /** Used by the Lambda runtime; primes the SnapStart snapshot and renews random sources after a restore. */
    public ConsoleHandler() {
        this(ConsoleWiring.of(Environment.system()), Core.getGlobalContext());
    }

    /** With its collaborators, and its SnapStart hooks registered in {@code checkpoints}. */
    public ConsoleHandler(ConsoleWiring wiring, org.crac.Context<Resource> checkpoints) {
        this.gate = wiring.gate();
        SnapStart.register(checkpoints, wiring.priming());
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Invocation.answer(context, () -> {
            try {
                return answer(gate.handle(in(event)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        });
    }

    static HttpIn in(APIGatewayV2HTTPEvent event) {
        var http = event.getRequestContext() == null
                ? null
                : event.getRequestContext().getHttp();
        String method = http == null || http.getMethod() == null
                ? "GET"
                : http.getMethod().toUpperCase(Locale.ROOT);
        var headers = new LinkedHashMap<String, String>();
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        }
        var cookies = new LinkedHashMap<String, String>();
        if (event.getCookies() != null) {
            event.getCookies().stream().limit(MAX_COOKIES).forEach(cookie -> {
                int equals = cookie.indexOf('=');
                if (equals > 0) {
                    cookies.putIfAbsent(
                            cookie.substring(0, equals).strip(),
                            cookie.substring(equals + 1).strip());
                }
            });
        }
        String body = event.getBody() == null ? "" : event.getBody();
        byte[] bytes;
        try {
            bytes = event.getIsBase64Encoded()
                    ? Base64.getDecoder().decode(body)
                    : body.getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        Map<String, String> query =
                event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters();
        String host =
                event.getRequestContext() == null || event.getRequestContext().getDomainName() == null
                        ? headers.getOrDefault("host", "")
                        : event.getRequestContext().getDomainName();
        return new HttpIn(
                method, host, event.getRawPath() == null ? "/" : event.getRawPath(), query, headers, cookies, bytes);
    }

    static APIGatewayV2HTTPResponse answer(HttpOut out) {
        var response = out.response();
        String type = response.headers().getOrDefault("content-type", "");
        boolean text = type.startsWith("text/");
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(response.headers())
                .withCookies(out.cookies())
                .withBody(
                        text
                                ? new String(response.body(), StandardCharsets.UTF_8)
                                : Base64.getEncoder().encodeToString(response.body()))
                .withIsBase64Encoded(!text)
                .build();
    }
}
