package org.abusedesk.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.abusedesk.complaint.Language;
import org.abusedesk.complaint.Salutation;
import org.abusedesk.intake.FormTokens;
import org.abusedesk.intake.IntakeEvent;
import org.junit.jupiter.api.Test;

class FormSubmissionTest {

    private final TestDesk desk = new TestDesk();

    @Test
    void aFilledInForm_isStored_andRedirectsToItsConfirmation() {
        // GIVEN a form a person filled in over a minute
        var fields = desk.filledForm();
        desk.clock.advance(Duration.ofMinutes(1));

        // WHEN it is sent
        var response = desk.send(TestDesk.formPost(fields));

        // THEN one complaint is stored in the form's language, and the browser is sent to its confirmation (303)
        assertThat(response.getStatusCode()).isEqualTo(303);
        var stored = desk.complaints.all();
        assertThat(stored).singleElement().satisfies(c -> {
            assertThat(c.mailingId().value()).isEqualTo("14141611");
            assertThat(c.complainant().salutation()).isEqualTo(Salutation.FRAU);
            assertThat(c.complainant().name()).contains("Erika Muster");
            assertThat(c.complainant().language()).isEqualTo(Language.DE);
            // the consent box is off unless ticked
            assertThat(c.complainant().consentToShare()).isFalse();
        });
        String location = response.getHeaders().get("location");
        assertThat(location)
                .startsWith(
                        "/confirmation?reference=" + stored.get(0).id().value() + "&mailingId=14141611&lang=de&sig=");

        // AND the confirmation shows the reference, in German, with a switch to English
        var confirmation = desk.send(TestDesk.browserGet("/confirmation", TestDesk.query(location), null));
        assertThat(confirmation.getStatusCode()).isEqualTo(200);
        assertThat(confirmation.getBody())
                .contains("<h1>Beschwerde eingegangen</h1>")
                .contains("Ihre Beschwerde zum Mailing 14141611 ist bei uns eingegangen.")
                .contains("<strong class=\"reference\" id=\"reference\">"
                        + stored.get(0).id().value() + "</strong>")
                .contains("&amp;lang=en&amp;sig=");
    }

    @Test
    void aTickedConsentBox_isStoredWithTheComplaint_anyOtherValueIsNoConsent() {
        // GIVEN one form with the box ticked, and one whose value a script changed
        var ticked = desk.filledForm();
        ticked.put("consentToShare", "yes");
        var tampered = desk.filledForm();
        tampered.put("consentToShare", "true");
        tampered.put("email", "other@example.net");
        desk.clock.advance(Duration.ofMinutes(1));

        // WHEN both are sent
        assertThat(desk.send(TestDesk.formPost(ticked)).getStatusCode()).isEqualTo(303);
        assertThat(desk.send(TestDesk.formPost(tampered)).getStatusCode()).isEqualTo(303);

        // THEN only the ticked box is consent
        assertThat(desk.complaints.all())
                .extracting(c -> c.complainant().email() + "=" + c.complainant().consentToShare())
                .containsExactlyInAnyOrder("erika.muster@example.net=true", "other@example.net=false");
    }

    @Test
    void aFormWithAnError_keepsTheConsentBoxAsTicked() {
        var fields = desk.filledForm();
        fields.put("consentToShare", "yes");
        fields.put("email", "not an address");
        desk.clock.advance(Duration.ofMinutes(1));

        String page = desk.send(TestDesk.formPost(fields)).getBody();

        assertThat(page).contains("id=\"consentToShare\" name=\"consentToShare\" value=\"yes\" checked");
    }

    @Test
    void aDoubleClickOrAResend_givesTheSameReference_andOneComplaint() {
        var fields = desk.filledForm();
        desk.clock.advance(Duration.ofMinutes(1));

        var first = desk.send(TestDesk.formPost(fields));
        var second = desk.send(TestDesk.formPost(fields));
        desk.clock.advance(Duration.ofHours(1));
        var afterBackButton = desk.send(TestDesk.formPost(fields));

        assertThat(second.getHeaders().get("location"))
                .isEqualTo(first.getHeaders().get("location"));
        assertThat(afterBackButton.getHeaders().get("location"))
                .isEqualTo(first.getHeaders().get("location"));
        assertThat(desk.complaints.all()).hasSize(1);
    }

    @Test
    void aReloadOfTheConfirmation_showsTheSameReference() {
        var fields = desk.filledForm();
        desk.clock.advance(Duration.ofMinutes(1));
        String location = desk.send(TestDesk.formPost(fields)).getHeaders().get("location");

        var first = desk.send(TestDesk.browserGet("/confirmation", TestDesk.query(location), null));
        var reload = desk.send(TestDesk.browserGet("/confirmation", TestDesk.query(location), null));

        assertThat(reload.getBody()).isEqualTo(first.getBody());
        assertThat(desk.complaints.all()).hasSize(1);
    }

    @Test
    void anEmptyForm_comesBackWithAnErrorSummaryLinkedToEachField() {
        // GIVEN a form sent empty
        var fields = Map.of("token", desk.token(), "lang", "de", "salutation", "NONE", "website", "");

        // WHEN it is sent
        var response = desk.send(TestDesk.formPost(fields));

        // THEN it comes back (400, not cached) with a focused summary linking to each field, errors beside them
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders()).containsEntry("cache-control", "no-store");
        String page = response.getBody();
        assertThat(page).contains("<title>Fehler: Unerwünschte E-Mail melden – Beschwerdestelle</title>");
        assertThat(page)
                .contains("<div class=\"error-summary\" id=\"error-summary\" role=\"alert\" "
                        + "aria-labelledby=\"error-summary-title\" tabindex=\"-1\" autofocus>");
        assertThat(page)
                .containsSubsequence(
                        "<li><a href=\"#mailingId\">Bitte geben Sie die Mailing-ID an.</a></li>",
                        "<li><a href=\"#email\">Bitte geben Sie Ihre E-Mail-Adresse an.</a></li>",
                        "<li><a href=\"#message\">Bitte beschreiben Sie kurz, worum es geht.</a></li>");
        assertThat(page)
                .contains("<p class=\"error-message\" id=\"email-error\"><span class=\"visually-hidden\">Fehler:</span>"
                        + " Bitte geben Sie Ihre E-Mail-Adresse an.</p>");
        assertThat(page)
                .contains("id=\"email\" name=\"email\" value=\"\" required aria-required=\"true\" aria-invalid=\"true\""
                        + " aria-describedby=\"email-hint email-error\"");
        assertThat(page).contains("id=\"name\" name=\"name\" value=\"\" aria-invalid=\"false\" autocomplete=\"name\"");
        assertThat(desk.complaints.all()).isEmpty();
    }

    @Test
    void aFormWithAnError_keepsEverythingThePersonTyped() {
        var fields = desk.filledForm();
        fields.put("email", "erika.muster@");
        fields.put("salutation", "HERR");
        fields.put("message", "Zeile 1\nZeile 2");

        String page = desk.send(TestDesk.formPost(fields)).getBody();

        assertThat(page).contains("name=\"mailingId\" value=\"14141611\"");
        assertThat(page).contains("name=\"name\" value=\"Erika Muster\"");
        assertThat(page).contains("name=\"email\" value=\"erika.muster@\"");
        assertThat(page).contains("value=\"HERR\" checked>");
        assertThat(page).contains(">Zeile 1\nZeile 2</textarea>");
        assertThat(TestDesk.hidden(page, "token")).isEqualTo(fields.get("token"));
        assertThat(page)
                .contains("<li><a href=\"#email\">Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel"
                        + " name@beispiel.de.</a></li>");
    }

    @Test
    void anEnglishForm_answersInEnglish() {
        var fields = desk.filledForm();
        fields.put("lang", "en");
        fields.put("email", "");

        String page = desk.send(TestDesk.formPost(fields)).getBody();

        assertThat(page).contains("<html lang=\"en\">");
        assertThat(page).contains("<li><a href=\"#email\">Enter your e-mail address.</a></li>");
    }

    @Test
    void aBotFillingTheHoneypot_seesASuccess_butNothingIsStored() {
        var fields = desk.filledForm();
        fields.put("website", "https://cheap-pills.example");
        desk.clock.advance(Duration.ofMinutes(1));

        var response = desk.send(TestDesk.formPost(fields));

        assertThat(response.getStatusCode()).isEqualTo(303);
        assertThat(response.getHeaders().get("location")).startsWith("/confirmation?reference=");
        var confirmation = desk.send(TestDesk.browserGet(
                "/confirmation", TestDesk.query(response.getHeaders().get("location")), null));
        assertThat(confirmation.getStatusCode()).isEqualTo(200);
        assertThat(desk.complaints.all()).isEmpty();
        assertThat(desk.metrics.events()).containsExactly(IntakeEvent.BOT_HONEYPOT);
    }

    @Test
    void aBotSendingAtOnce_seesASuccess_butNothingIsStored() {
        var fields = desk.filledForm();
        desk.clock.advance(Duration.ofSeconds(1));

        var response = desk.send(TestDesk.formPost(fields));

        assertThat(response.getStatusCode()).isEqualTo(303);
        assertThat(desk.complaints.all()).isEmpty();
        assertThat(desk.metrics.events()).containsExactly(IntakeEvent.BOT_TOO_FAST);
    }

    @Test
    void aFormOpenForTooLong_comesBackWithANotice_inputKept_andANewToken() {
        var fields = desk.filledForm();
        desk.clock.advance(FormTokens.MAX_AGE.plusMinutes(1));

        var response = desk.send(TestDesk.formPost(fields));

        assertThat(response.getStatusCode()).isEqualTo(400);
        String page = response.getBody();
        assertThat(page).contains("Das Formular war sehr lange geöffnet.");
        assertThat(page).contains("name=\"email\" value=\"erika.muster@example.net\"");
        assertThat(TestDesk.hidden(page, "token")).isNotEqualTo(fields.get("token"));

        // AND sending it again stores the complaint
        fields.put("token", TestDesk.hidden(page, "token"));
        assertThat(desk.send(TestDesk.formPost(fields)).getStatusCode()).isEqualTo(303);
        assertThat(desk.complaints.all()).hasSize(1);
    }

    @Test
    void aUsedFormSentWithOtherContent_comesBackNamingTheFirstReference() {
        var fields = desk.filledForm();
        desk.clock.advance(Duration.ofMinutes(1));
        desk.send(TestDesk.formPost(fields));
        fields.put("message", "Noch eine Mail bekommen.");

        var response = desk.send(TestDesk.formPost(fields));

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(response.getBody())
                .contains("Mit diesem Formular wurde schon eine Beschwerde abgeschickt (Aktenzeichen "
                        + desk.complaints.all().get(0).id().value() + ").");
    }

    @Test
    void theEleventhFormFromOneSource_is429_withRetryAfter_aPageThatExplains_andTheInputKept() {
        for (int i = 0; i < 10; i++) {
            var fields = desk.filledForm();
            desk.clock.advance(Duration.ofSeconds(5));
            assertThat(desk.send(TestDesk.formPost(fields)).getStatusCode()).isEqualTo(303);
        }
        var fields = desk.filledForm();
        desk.clock.advance(Duration.ofSeconds(5));

        var response = desk.send(TestDesk.formPost(fields));

        assertThat(response.getStatusCode()).isEqualTo(429);
        assertThat(response.getHeaders()).containsEntry("retry-after", "550");
        assertThat(response.getBody())
                .contains("<h2>Zu viele Beschwerden in kurzer Zeit</h2>")
                .contains("Von Ihrem Internetanschluss kamen in den letzten 10 Minuten schon 10 Beschwerden."
                        + " Bitte senden Sie diese in 10 Minuten erneut ab")
                .contains("name=\"message\"")
                .contains(">Ich habe diesen Newsletter nie bestellt.</textarea>");
        assertThat(desk.complaints.all()).hasSize(10);
    }

    @Test
    void aConfirmationLinkThatWasChanged_isNotFound() {
        var fields = desk.filledForm();
        desk.clock.advance(Duration.ofMinutes(1));
        var query =
                TestDesk.query(desk.send(TestDesk.formPost(fields)).getHeaders().get("location"));
        query.put("mailingId", "99999999");

        var response = desk.send(TestDesk.browserGet("/confirmation", query, null));

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getBody()).contains("Diese Bestätigung kennen wir nicht");
    }
}
