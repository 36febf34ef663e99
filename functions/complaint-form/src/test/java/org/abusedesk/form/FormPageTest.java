package org.abusedesk.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FormPageTest {

    private final TestDesk desk = new TestDesk();

    @Test
    void form_isGermanByDefault_withEveryFieldOfTheEspsPage() {
        // GIVEN a browser that names no language
        var event = TestDesk.browserGet("/", Map.of(), null);

        // WHEN it asks for the form
        var response = desk.send(event);

        // THEN the German form comes, with labelled fields as on the ESP's page and the Mailing ID's help
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders())
                .containsEntry("content-type", "text/html; charset=utf-8")
                .containsEntry("content-language", "de")
                .containsEntry("cache-control", "private, max-age=0");
        String page = response.getBody();
        assertThat(page).contains("<html lang=\"de\">");
        assertThat(page)
                .contains("<label for=\"mailingId\">Mailing-ID <span class=\"req\">(Pflichtfeld)</span></label>");
        assertThat(page).contains("<legend>Anrede</legend>");
        assertThat(page).contains("<label for=\"salutation\">Herr</label>");
        assertThat(page).contains("<label for=\"salutation-FRAU\">Frau</label>");
        assertThat(page).contains("<label for=\"salutation-NONE\">keine Angabe</label>");
        assertThat(page).contains("<label for=\"name\">Vor- und Nachname</label>");
        assertThat(page)
                .contains("<label for=\"email\">E-Mail-Adresse <span class=\"req\">(Pflichtfeld)</span></label>");
        assertThat(page)
                .contains("<label for=\"message\">Grund / Mitteilung <span class=\"req\">(Pflichtfeld)</span></label>");
        assertThat(page).contains("in der Zeile „X-Mailing“ oder „X-Mailing-ID“");
        assertThat(page).contains("<a href=\"mailto:abuse@example.com\">abuse@example.com</a>");
        assertThat(page).contains("value=\"NONE\" checked>");
        assertThat(page).contains("<form method=\"post\" action=\"/complaints\" accept-charset=\"UTF-8\" novalidate>");
        assertThat(page).contains("<a href=\"/?lang=en\" hreflang=\"en\" lang=\"en\">English</a>");
        assertThat(TestDesk.hidden(page, "lang")).isEqualTo("de");
        assertThat(TestDesk.hidden(page, "token")).matches("\\d+\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}");
    }

    @Test
    void form_isEnglish_byAcceptLanguage() {
        var page = desk.send(TestDesk.browserGet("/", Map.of(), "en-GB,en;q=0.9,de;q=0.3"))
                .getBody();

        assertThat(page).contains("<html lang=\"en\">");
        assertThat(page).contains("<label for=\"mailingId\">Mailing ID <span class=\"req\">(required)</span></label>");
        assertThat(page).contains("<a href=\"/?lang=de\" hreflang=\"de\" lang=\"de\">Deutsch</a>");
    }

    @Test
    void form_isEnglish_byTheLangParameter_whateverTheBrowserSays() {
        var english = desk.send(TestDesk.browserGet("/", Map.of("lang", "en"), "de-DE"))
                .getBody();
        var german = desk.send(TestDesk.browserGet("/", Map.of("lang", "de"), "en-US"))
                .getBody();

        assertThat(english).contains("<html lang=\"en\">");
        assertThat(german).contains("<html lang=\"de\">");
    }

    @Test
    void form_staysGerman_forALanguageTheDeskDoesNotSpeak() {
        assertThat(desk.send(TestDesk.browserGet("/", Map.of("lang", "fr"), "fr-FR,fr;q=0.9"))
                        .getBody())
                .contains("<html lang=\"de\">");
    }

    @Test
    void form_isGerman_forAnAcceptLanguageThatCannotBeRead_andTheApiAnswersInEnglish() {
        var page = desk.send(TestDesk.browserGet("/", Map.of(), "en;q=nonsense,en-GB"));
        var json = TestDesk.jsonPost("{}");
        json.getHeaders().put("accept-language", "de;q=nonsense,de-DE");

        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(page.getBody()).contains("<html lang=\"de\">");
        assertThat(desk.send(json).getBody()).contains("\"message\":\"is required\"");
    }

    @Test
    void form_hasAStrictContentSecurityPolicy_andLoadsNothingFromElsewhere() {
        var response = desk.send(TestDesk.browserGet("/", Map.of(), null));

        assertThat(response.getHeaders().get("content-security-policy"))
                .matches("default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]{43}='; img-src data:; "
                        + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
        assertThat(response.getHeaders())
                .containsEntry("x-content-type-options", "nosniff")
                .containsEntry("x-frame-options", "DENY")
                .containsEntry("referrer-policy", "no-referrer");
        String page = response.getBody();
        assertThat(page)
                .doesNotContain("<script")
                .doesNotContain(" style=\"")
                .doesNotContain("<link rel=\"stylesheet\"");
        assertThat(Pattern.compile("(src|href)=\"(?!/|#|mailto:|data:)")
                        .matcher(page)
                        .find())
                .as("a link or resource outside this site")
                .isFalse();
    }

    @Test
    void eachPageGetsAFreshToken() {
        var first = TestDesk.hidden(
                desk.send(TestDesk.browserGet("/", Map.of(), null)).getBody(), "token");
        var second = TestDesk.hidden(
                desk.send(TestDesk.browserGet("/", Map.of(), null)).getBody(), "token");

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void honeypot_isHiddenFromPeopleAndTheKeyboard() {
        String page = desk.send(TestDesk.browserGet("/", Map.of(), null)).getBody();

        assertThat(page)
                .contains("<div class=\"hp\" aria-hidden=\"true\">")
                .contains(
                        "<input type=\"text\" id=\"website\" name=\"website\" value=\"\" tabindex=\"-1\" autocomplete=\"off\">");
    }

    @Test
    void head_hasTheHeadersWithoutABody() {
        var response = desk.send(TestDesk.request("HEAD", "/"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isEmpty();
        assertThat(response.getHeaders()).containsKey("content-security-policy");
    }

    @Test
    void postToThePage_is405_withAPageForABrowser() {
        var event = TestDesk.browserGet("/", Map.of(), null);
        event.getRequestContext().getHttp().setMethod("POST");

        var response = desk.send(event);

        assertThat(response.getStatusCode()).isEqualTo(405);
        assertThat(response.getHeaders()).containsEntry("allow", "GET, HEAD");
        assertThat(response.getBody()).contains("Diese Adresse nimmt nur Anfragen der Methode GET an.");
    }
}
