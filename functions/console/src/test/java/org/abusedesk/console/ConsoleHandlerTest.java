package org.abusedesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The handler only translates: the HTTP API's event into the gate's request, the gate's answer back. */
class ConsoleHandlerTest {

    @Test
    void anEvent_becomesTheGatesRequest_withTheApisHostNotTheHostHeader_andItsBase64BodyDecoded() {
        var event = APIGatewayV2HTTPEvent.builder()
                .withRawPath("/console/import")
                .withHeaders(Map.of("Content-Type", "multipart/form-data; boundary=x", "Host", "evil.example"))
                .withCookies(List.of("__Host-console-session=abc", "__Host-console-session=second", "broken"))
                .withQueryStringParameters(Map.of("lang", "en"))
                .withBody(Base64.getEncoder().encodeToString("a=1".getBytes(StandardCharsets.UTF_8)))
                .withIsBase64Encoded(true)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withDomainName("abc123.execute-api.eu-central-1.amazonaws.com")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod("post")
                                .build())
                        .build())
                .build();

        var in = ConsoleHandler.in(event);

        assertThat(in.method()).isEqualTo("POST");
        assertThat(in.host()).isEqualTo("abc123.execute-api.eu-central-1.amazonaws.com");
        assertThat(in.path()).isEqualTo("/console/import");
        assertThat(in.header("content-type")).contains("multipart/form-data; boundary=x");
        // The first cookie of a name wins: a second one planted beside it changes nothing.
        assertThat(in.cookies()).containsExactly(Map.entry("__Host-console-session", "abc"));
        assertThat(new String(in.body(), StandardCharsets.UTF_8)).isEqualTo("a=1");
        assertThat(in.query()).containsEntry("lang", "en");
    }

    @Test
    void aPage_goesBackAsText_aDownloadAsBase64_withEveryCookieTheGateSet() {
        var page = ConsoleHandler.answer(new HttpOut(ConsoleResponse.html(200, "<p>ä</p>"), List.of("a=1", "b=2")));
        byte[] mail = {0, (byte) 0xff, 'M'};
        var download = ConsoleHandler.answer(
                new HttpOut(ConsoleResponse.download("message/rfc822", "mail.eml", mail), List.of()));

        assertThat(page.getBody()).isEqualTo("<p>ä</p>");
        assertThat(page.getIsBase64Encoded()).isFalse();
        assertThat(page.getCookies()).containsExactly("a=1", "b=2");
        assertThat(download.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(download.getBody())).isEqualTo(mail);
        assertThat(download.getHeaders()).containsEntry("content-disposition", "attachment; filename=\"mail.eml\"");
    }
}
