package org.abusedesk.console.pages;

import static org.abusedesk.console.pages.ConsoleDesk.CSRF;
import static org.abusedesk.console.pages.ConsoleDesk.NOW;
import static org.abusedesk.console.pages.ConsoleDesk.READER;
import static org.abusedesk.console.pages.ConsoleDesk.WRITER;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.abusedesk.account.AccountContact;
import org.abusedesk.account.AccountId;
import org.abusedesk.account.AccountStatus;
import org.abusedesk.account.ComplaintStatistics;
import org.abusedesk.cases.CaseFixtures;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.Language;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.console.ConsoleRequest;
import org.abusedesk.console.ConsoleResponse;
import org.abusedesk.console.Stylesheet;
import org.abusedesk.registration.Mailing;
import org.abusedesk.statistics.AccountStanding;
import org.abusedesk.statistics.OpenCases;
import org.abusedesk.statistics.RatePoint;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConsolePagesTest {

    private static final String HOSTILE_SUBJECT = "<img src=x onerror=alert(1)>Angebote";
    private static final String REPORTED = String.join(
            "\r\n",
            "From: Shop <news@shop.example.org>",
            "To: Erika Muster <erika.muster@example.net>",
            "Subject: " + HOSTILE_SUBJECT,
            "Message-ID: <m1.14141611@shop.example.org>",
            "Date: Thu, 26 Nov 2026 09:00:00 +0100",
            "X-Mailing: 14141611",
            "X-Client: 121070",
            "X-Evil: <b onmouseover=alert(3)>bold</b>",
            "Content-Type: text/plain",
            "",
            "<script>alert(1)</script> Kaufen Sie jetzt: <a href=\"javascript:alert(2)\">hier</a>",
            "");

    private final ConsoleDesk desk = new ConsoleDesk();
    private Complaint mailed;
    private Complaint form;

    @BeforeEach
    void givenADeskWithCasesAccountsAndStatistics() {
        desk.mailings.register(Mailing.registered(
                new MailingId("14141611"),
                new AccountId("121070"),
                OptionalLong.of(1000),
                NOW.minus(Duration.ofDays(1)),
                Optional.of("Angebote"),
                Optional.of("news@shop.example.org")));
        mailed = desk.received(
                "ses-1",
                ConsoleDesk.forward("<script>alert(1)</script> Das will ich nicht.", REPORTED),
                NOW.minus(Duration.ofHours(3)),
                ComplaintState.NOTIFIED);
        desk.cases.attribute(mailed.key(), new AccountId("121070"));
        desk.accounts.count(new AccountId("121070"), true, Optional.empty());
        form = CaseFixtures.form(
                "14141611", NOW.minus(Duration.ofHours(2)), ComplaintState.NOTIFIED, CaseFixtures.ERIKA);
        desk.complaints.add(form);
        var today = LocalDate.of(2026, 11, 27);
        desk.statistics.tallies.put(today, Map.of(Channel.MAIL, 3L, Channel.FORM, 1L));
        desk.statistics.tallies.put(today.minusDays(3), Map.of(Channel.FORM, 2L));
        desk.statistics.open = new OpenCases(2, Optional.of(NOW.minus(Duration.ofHours(3))));
        desk.statistics.standings.add(new AccountStanding(
                new AccountId("121070"),
                AccountStatus.WATCH,
                new ComplaintStatistics(2, 1, 2500, 0),
                new BigDecimal("0.08")));
        desk.statistics.rates.put(
                new AccountId("121070"),
                List.of(
                        new RatePoint(NOW.minus(Duration.ofDays(60)), 1, 1000, new BigDecimal("0.1")),
                        new RatePoint(NOW.minus(Duration.ofDays(2)), 1, 2500, new BigDecimal("0.04")),
                        new RatePoint(NOW.minus(Duration.ofHours(3)), 2, 2500, new BigDecimal("0.08"))));
    }

    /** Every page a GET reaches, with its query. */
    private List<Map.Entry<String, Map<String, String>>> pages() {
        return List.of(
                Map.entry("/", Map.of()),
                Map.entry("/cases", Map.of()),
                Map.entry("/cases", Map.of("channel", "MAIL", "from", "2026-11-01", "to", "2026-11-27")),
                Map.entry(path(mailed), Map.of()),
                Map.entry(path(form), Map.of()),
                Map.entry("/accounts/121070", Map.of()),
                Map.entry("/accounts/121070", Map.of("days", "90")),
                Map.entry("/mailings/14141611", Map.of()),
                Map.entry("/search", Map.of()),
                Map.entry("/search", Map.of("q", "14141611")),
                Map.entry("/search", Map.of("q", CaseFixtures.ERIKA)),
                Map.entry("/import", Map.of()),
                Map.entry("/erase", Map.of()));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyPage_rendersInBothLanguages_withALinkToTheOther(Language language) {
        for (var page : pages()) {
            var response = desk.get(WRITER, language, page.getKey(), page.getValue());

            assertThat(response.status()).as(page.toString()).isEqualTo(200);
            var html = html(response);
            String code = language.name().toLowerCase(java.util.Locale.ROOT);
            String other = language == Language.DE ? "en" : "de";
            assertThat(html.selectFirst("html").attr("lang")).isEqualTo(code);
            var switchLink = html.selectFirst("a[hreflang=" + other + "]");
            assertThat(switchLink).as(page.toString()).isNotNull();
            assertThat(switchLink.attr("href")).startsWith("/console").contains("lang=" + other);
            assertThat(html.title()).isNotBlank();
        }
    }

    @Test
    void readPerson_seesNoPostFormOnAnyPage() {
        for (var page : pages()) {
            var html = html(desk.get(READER, Language.DE, page.getKey(), page.getValue()));

            assertThat(html.select("main form[method=post]"))
                    .as(page.toString())
                    .isEmpty();
            // Signing out is the one POST a reader has: the gate takes it from every role.
            assertThat(html.select("header form[method=post]").eachAttr("action"))
                    .as(page.toString())
                    .containsExactly("/console/signout");
            assertThat(html.select("a[href$=/import], a[href$=/erase]"))
                    .as(page.toString())
                    .isEmpty();
        }
    }

    @Test
    void writePerson_seesTheWriteForms_eachCarryingTheSessionsCsrfToken() {
        int forms = 0;
        for (var page : pages()) {
            var html = html(desk.get(WRITER, Language.EN, page.getKey(), page.getValue()));
            for (Element post : html.select("form[method=post]")) {
                forms++;
                assertThat(post.select("input[type=hidden][name=csrf]"))
                        .as(page + " " + post.attr("action"))
                        .singleElement()
                        .extracting(input -> input.attr("value"))
                        .isEqualTo(CSRF);
            }
        }
        // resolve + dismiss + follow-up + note on two cases, the account's status and contact on its two spans, the
        // import, the erasure; and the sign-out on every page
        assertThat(forms).isEqualTo(14 + pages().size());
    }

    @Test
    void everyPage_hasItsOnlyStyleInTheHashedStylesheet_noScript_andEveryFieldLabelled() {
        for (var page : pages()) {
            var html = html(desk.get(WRITER, Language.EN, page.getKey(), page.getValue()));

            assertThat(html.select("[style]")).as(page.toString()).isEmpty();
            assertThat(html.select("style"))
                    .singleElement()
                    .extracting(Element::data)
                    .isEqualTo(Stylesheet.CSS);
            assertThat(html.select("script")).as(page.toString()).isEmpty();
            assertThat(html.getAllElements().stream()
                            .flatMap(e -> e.attributes().asList().stream())
                            .filter(a -> a.getKey().startsWith("on")))
                    .as(page.toString())
                    .isEmpty();
            for (Element field : html.select("input:not([type=hidden]), select, textarea")) {
                assertThat(html.select("label[for=" + field.id() + "]"))
                        .as(page + " " + field.id())
                        .hasSize(1);
            }
            for (Element header : html.select("th")) {
                assertThat(header.attr("scope")).as(page.toString()).isIn("col", "row");
            }
            for (Element time : html.select("time")) {
                // a moment in UTC, or a day
                assertThat(time.attr("datetime")).matches("\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z)?");
            }
        }
    }

    @Test
    void casePage_showsTheHostileMessageAndHeadersAsText_neverAsMarkup() {
        var response = desk.get(WRITER, Language.EN, path(mailed));

        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(body)
                .doesNotContain("<script>alert(1)</script>")
                .doesNotContain("<img src=x")
                .doesNotContain("<b onmouseover")
                .doesNotContain("<a href=\"javascript:")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        var html = Jsoup.parse(body);
        assertThat(html.select("script, img, b")).isEmpty();
        assertThat(html.select("a[href^=javascript]")).isEmpty();
        var headers = html.select("table:has(caption:contains(Header fields)) tr:has(th[scope=row])");
        assertThat(headers.stream()
                        .map(row -> row.selectFirst("th").text() + ": "
                                + row.selectFirst("td").text()))
                .contains(
                        "Subject: " + HOSTILE_SUBJECT,
                        "X-Evil: <b onmouseover=alert(3)>bold</b>",
                        "X-Mailing: 14141611");
        assertThat(html.select("pre.text").eachText())
                .anyMatch(text -> text.contains("<script>alert(1)</script> Kaufen Sie jetzt"));
    }

    @Test
    void casePage_showsTheCandidatesTheHistoryAndTheDownloads() {
        var html = html(desk.get(WRITER, Language.EN, path(mailed)));

        var candidates = html.select("table:has(caption:contains(Mailing ID candidates)) tbody tr");
        assertThat(candidates.eachText())
                .anyMatch(row -> row.startsWith("14141611") && row.contains("header:X-Mailing"));
        assertThat(html.select("ol.history li").eachText())
                .anyMatch(item -> item.contains("received by e-mail"))
                .anyMatch(item -> item.contains("counted against account 121070"));
        assertThat(html.select("a[download]").eachAttr("href"))
                .containsExactly(
                        "/console" + path(mailed) + "/raw",
                        "/console" + path(mailed) + "/xarf",
                        "/console" + path(mailed) + "/csa");
        assertThat(html.selectFirst("time").text()).isEqualTo("2026-11-27 08:00");
        assertThat(html.selectFirst("time").attr("datetime")).isEqualTo("2026-11-27T07:00:00Z");
    }

    @Test
    void resolve_closesTheCaseInThePersonsName_andSeesOtherToTheCase() {
        var response = desk.post(WRITER, path(mailed) + "/resolve", Map.of("note", "Sender warned.", "csrf", CSRF));

        assertThat(response.status()).isEqualTo(303);
        assertThat(response.headers()).containsEntry("location", "/console" + path(mailed));
        var closure = desk.cases.find(mailed.key(), NOW).orElseThrow().closure().orElseThrow();
        assertThat(closure.actor().name()).isEqualTo("Walter Writer");
        // The subject too: what the CaseClosed event names them by, never the name.
        assertThat(closure.actor().subject()).isEqualTo(WRITER.subject());
        assertThat(closure.outcome()).isEqualTo(ComplaintState.RESOLVED);
        assertThat(closure.note()).isEqualTo("Sender warned.");
        // and the case page then names who closed it, and offers no closing form nor follow-up any more: a note only
        var html = html(desk.get(WRITER, Language.EN, path(mailed)));
        assertThat(html.select("ol.history li").eachText())
                .anyMatch(item -> item.contains("resolved by Walter Writer"));
        assertThat(html.select("main form[method=post]").eachAttr("action"))
                .containsExactly("/console" + path(mailed) + "/note");
    }

    @Test
    void dismiss_withoutANote_showsTheCaseAgainWithTheErrorAtTheNote_andClosesNothing() {
        var response = desk.post(WRITER, path(form) + "/dismiss", Map.of("note", "  ", "csrf", CSRF));

        assertThat(response.status()).isEqualTo(400);
        var html = html(response);
        assertThat(html.selectFirst("#dismiss-note-error").text()).contains("Please write a note.");
        assertThat(html.selectFirst("#dismiss-note").attr("aria-describedby")).isEqualTo("dismiss-note-error");
        assertThat(desk.cases.find(form.key(), NOW).orElseThrow().state()).isEqualTo(ComplaintState.NOTIFIED);
    }

    @Test
    void resolve_ofACaseClosedMeanwhile_is409() {
        desk.post(WRITER, path(form) + "/dismiss", Map.of("note", "opted in"));

        var response = desk.post(WRITER, path(form) + "/resolve", Map.of("note", "warned"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(desk.cases.find(form.key(), NOW).orElseThrow().state()).isEqualTo(ComplaintState.DISMISSED);
    }

    @Test
    void rawMail_isStreamedAsMessageRfc822_andNotOfferedForAFormComplaint() {
        var response = desk.get(READER, Language.EN, path(mailed) + "/raw");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers())
                .containsEntry("content-type", "message/rfc822")
                .containsEntry(
                        "content-disposition",
                        "attachment; filename=\"" + mailed.id().value() + ".eml\"");
        assertThat(response.body())
                .isEqualTo(desk.evidence.read("memory://ses-1", Long.MAX_VALUE).orElseThrow());
        assertThat(desk.get(READER, Language.EN, path(form) + "/raw").status()).isEqualTo(404);
    }

    @Test
    void aRawMailBeyondWhatALambdaAnswerCarries_isRefusedWithAPage_notAFailedDownload() {
        desk.evidence.put("memory://ses-1", new byte[CasePages.MAX_DOWNLOAD_BYTES + 1]);

        var response = desk.get(READER, Language.EN, path(mailed) + "/raw");

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.headers().get("content-type")).startsWith("text/html");
        assertThat(html(response).text()).contains("larger than 4 MB");
    }

    @Test
    void exports_areDownloadsOfJson() {
        var csa = desk.get(READER, Language.EN, path(mailed) + "/csa");
        var xarf = desk.get(READER, Language.EN, path(mailed) + "/xarf");

        assertThat(csa.headers()).containsEntry("content-type", "application/json");
        assertThat(new String(csa.body(), StandardCharsets.UTF_8)).contains("\"kind\":\"csa-evidence-bundle\"");
        assertThat(xarf.headers().get("content-disposition")).contains("-xarf.json");
        assertThat(new String(xarf.body(), StandardCharsets.UTF_8)).contains("\"xarf_version\":\"4.0.0\"");
    }

    @Test
    void accountChart_hasItsTitleAndDescription_andALineForEachThreshold() {
        for (String days : List.of("30", "90")) {
            var html = html(desk.get(READER, Language.EN, "/accounts/121070", Map.of("days", days)));

            var svg = html.selectFirst("svg#rate-" + days + ", svg[aria-labelledby^=rate-" + days + "]");
            assertThat(svg).as(days).isNotNull();
            assertThat(svg.attr("role")).isEqualTo("img");
            var title = svg.selectFirst("title");
            var desc = svg.selectFirst("desc");
            assertThat(title.text()).isEqualTo("Complaint rate, last " + days + " days");
            assertThat(desc.text()).contains("account 121070", "WATCH, FLAGGED and PAUSED");
            assertThat(svg.attr("aria-labelledby")).isEqualTo(title.id() + " " + desc.id());
            assertThat(svg.select("line.threshold")).hasSize(3);
            assertThat(svg.select("text.threshold-label").eachText())
                    .containsExactly("WATCH 0.05 %", "FLAGGED 0.10 %", "PAUSED 0.30 %");
            assertThat(svg.select("polyline.rate")).hasSize(1);
            // the same points in the table beside it
            int points = days.equals("30") ? 2 : 3;
            assertThat(html.select("table:has(caption:contains(Complaint rate)) tbody tr"))
                    .hasSize(points);
            assertThat(desk.statistics.lastRateQuery)
                    .containsExactly(new AccountId("121070"), NOW.minus(Duration.ofDays(Long.parseLong(days))), NOW);
        }
    }

    @Test
    void accountStatus_isSetOnlyAfterTheConfirmation_inThePersonsName() {
        var fields =
                Map.of("status", "PAUSED", "expectedStatus", "ACTIVE", "reason", "Bought addresses.", "csrf", CSRF);

        var asked = desk.post(WRITER, "/accounts/121070/status", fields);

        assertThat(asked.status()).isEqualTo(200);
        assertThat(desk.accounts.status(new AccountId("121070"))).isEqualTo(AccountStatus.ACTIVE);
        var form = html(asked).selectFirst("main form[method=post]");
        assertThat(form.attr("action")).isEqualTo("/console/accounts/121070/status");
        assertThat(form.select("input[type=hidden]").stream().map(i -> i.attr("name") + "=" + i.attr("value")))
                .containsExactlyInAnyOrder(
                        "csrf=" + CSRF,
                        "status=PAUSED",
                        "expectedStatus=ACTIVE",
                        "reason=Bought addresses.",
                        "confirm=yes");
        assertThat(html(asked).text()).contains("Account 121070 goes from ACTIVE to PAUSED");

        var confirmed = new java.util.HashMap<>(fields);
        confirmed.put("confirm", "yes");
        var done = desk.post(WRITER, "/accounts/121070/status", confirmed);

        assertThat(done.status()).isEqualTo(303);
        assertThat(done.headers()).containsEntry("location", "/console/accounts/121070");
        var account = desk.accounts.find(new AccountId("121070")).orElseThrow();
        assertThat(account.status()).isEqualTo(AccountStatus.PAUSED);
        assertThat(account.history().getLast().changedByName()).isEqualTo("Walter Writer");
        // The event's field is the subject: no name leaves the desk on the bus.
        assertThat(account.history().getLast().changedBy()).isEqualTo(WRITER.subject());
        assertThat(account.history().getLast().reason()).isEqualTo("Bought addresses.");
    }

    @Test
    void accountContact_isSetByTheWriteForm_andShownOnThePage_asText() {
        var form = html(desk.get(WRITER, Language.EN, "/accounts/121070"))
                .selectFirst("form[action=/console/accounts/121070/contact]");
        assertThat(form.select("input[name=email], input[name=name], select[name=language]"))
                .hasSize(3);

        var done = desk.post(
                WRITER,
                "/accounts/121070/contact",
                Map.of("email", "owner@shop.example", "name", "<b>Shop</b> GmbH", "language", "en", "csrf", CSRF));

        assertThat(done.status()).isEqualTo(303);
        assertThat(done.headers().get("location")).isEqualTo("/console/accounts/121070");
        assertThat(desk.contacts.find(new AccountId("121070")))
                .contains(new AccountContact("owner@shop.example", "<b>Shop</b> GmbH", Language.EN));
        var page = html(desk.get(READER, Language.DE, "/accounts/121070"));
        assertThat(page.select("dl.facts dd").eachText()).contains("<b>Shop</b> GmbH <owner@shop.example> (Englisch)");
        assertThat(page.select("dl.facts b")).isEmpty();
        assertThat(page.select("main form[method=post]")).isEmpty();
    }

    @Test
    void accountContact_withAHeaderInjectionAndALineBreakInTheName_showsTheFormAgain_errorsBesideTheFields() {
        var response = desk.post(
                WRITER,
                "/accounts/121070/contact",
                Map.of("email", "a@b.example\r\nBcc: x@y", "name", "Shop\nGmbH", "language", "fr", "csrf", CSRF));

        assertThat(response.status()).isEqualTo(400);
        var html = html(response);
        assertThat(html.selectFirst("#contact-email-error").text())
                .isEqualTo("Error: Please give one e-mail address, such as owner@shop.example, of at most 254"
                        + " characters.");
        assertThat(html.selectFirst("#contact-email").attr("aria-describedby")).isEqualTo("contact-email-error");
        assertThat(html.selectFirst("#contact-email").attr("aria-invalid")).isEqualTo("true");
        assertThat(html.selectFirst("#contact-name-error").text())
                .isEqualTo("Error: Please give the name on one line, of at most 200 characters.");
        assertThat(html.selectFirst("#contact-language-error").text())
                .isEqualTo("Error: Please choose German or English.");
        assertThat(desk.contacts.all()).isEmpty();
    }

    @Test
    void accountContact_withADisplayNameOrTwoAddresses_isRefusedInTheLanguageOfThePage() {
        var german = desk.pages.answer(new ConsoleRequest(
                "POST",
                "/accounts/121070/contact",
                Map.of(),
                Map.of("email", "Shop <owner@shop.example>", "name", "Shop GmbH", "language", "de", "csrf", CSRF),
                Map.of(),
                Language.DE,
                WRITER,
                CSRF));
        var two = desk.post(
                WRITER,
                "/accounts/121070/contact",
                Map.of("email", "owner@shop.example, x@y.example", "name", "Shop GmbH", "language", "de"));

        assertThat(german.status()).isEqualTo(400);
        assertThat(html(german).selectFirst("#contact-email-error").text())
                .isEqualTo("Fehler: Bitte geben Sie die Adresse allein an, ohne Namen darum.");
        assertThat(html(german).selectFirst("#contact-email").attr("value")).isEqualTo("Shop <owner@shop.example>");
        assertThat(html(two).selectFirst("#contact-email-error").text())
                .isEqualTo("Error: Please give exactly one address.");
        assertThat(desk.contacts.all()).isEmpty();
    }

    @Test
    void accountPage_ofAnAccountWithOnlyAContact_isShown_andOfOneWithNothing_is404() {
        desk.contacts.put(new AccountId("555555"), new AccountContact("owner@shop.example", "Shop GmbH", Language.DE));

        assertThat(desk.get(READER, Language.EN, "/accounts/555555").status()).isEqualTo(200);
        assertThat(desk.get(READER, Language.EN, "/accounts/666666").status()).isEqualTo(404);
    }

    @Test
    void accountStatus_fromAStatusTheAccountLeftMeanwhile_is409() {
        var response = desk.post(
                WRITER,
                "/accounts/121070/status",
                Map.of("status", "ACTIVE", "expectedStatus", "FLAGGED", "reason", "Cleared.", "confirm", "yes"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(desk.accounts.status(new AccountId("121070"))).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void overview_drawsComplaintsPerDayByChannel_withTheSameNumbersInATable() {
        var html = html(desk.get(READER, Language.DE, "/"));

        var svg = html.selectFirst("svg.chart");
        assertThat(svg.attr("role")).isEqualTo("img");
        assertThat(svg.selectFirst("title").text()).isEqualTo("Beschwerden pro Tag, letzte 30 Tage");
        assertThat(svg.selectFirst("desc").text()).contains("insgesamt 6");
        assertThat(svg.select("rect.series-mail")).hasSize(2); // one bar's part, one legend swatch
        assertThat(svg.select("rect.series-form")).hasSize(3);
        var rows = html.select("table:has(caption:contains(Beschwerden pro Tag und Eingangsweg)) tbody tr");
        assertThat(rows).hasSize(30);
        assertThat(rows.getLast().text()).isEqualTo("27.11.2026 1 3 4");
        assertThat(html.text()).contains("2 offene Fälle", "der älteste wartet seit 3 Stunden");
        assertThat(html.select("a[href=/console/accounts/121070]")).hasSize(1);
        assertThat(html.text()).contains("MARKIERT (FLAGGED) 0,10 %");
        assertThat(html.select("caption:contains(Schwellen)").text())
                .isEqualTo(
                        "Schwellen: WATCH ab 0,05 % und 3 Beschwerden, FLAGGED ab 0,10 % und 3, PAUSED ab 0,30 % und 10"
                                + " verifizierten Beschwerden, in den letzten 30 Tagen");
    }

    @Test
    void queue_listsOpenCases_verifiedFirst_andFiltersByChannel() {
        var all = html(desk.get(READER, Language.EN, "/cases"));
        var byForm = html(desk.get(READER, Language.EN, "/cases", Map.of("channel", "FORM")));

        assertThat(all.select("tbody th a").eachAttr("href"))
                .containsExactly("/console" + path(mailed), "/console" + path(form));
        assertThat(byForm.select("tbody th a").eachAttr("href")).containsExactly("/console" + path(form));
        assertThat(byForm.select("#channel option[selected]").eachAttr("value")).containsExactly("FORM");
        assertThat(all.select("#channel option[selected]")).isEmpty();
    }

    @Test
    void queue_withAFilterItCannotRead_is400_namingIt() {
        var response = desk.get(READER, Language.EN, "/cases", Map.of("from", "27.11.2026'; DROP"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(html(response).select(".error-summary li").eachText())
                .containsExactly("Received from (day): is not a day written as 2026-11-27");
        assertThat(html(response).selectFirst("#from").attr("value")).isEqualTo("27.11.2026'; DROP");
    }

    @Test
    void search_byAddress_findsTheComplaintsByHash_showingOnlyKeysAndStates() {
        var html = html(desk.get(READER, Language.EN, "/search", Map.of("q", CaseFixtures.ERIKA)));

        assertThat(html.select("tbody a").eachAttr("href"))
                .containsExactlyInAnyOrder("/console" + path(mailed), "/console" + path(form));
        assertThat(html.select("tbody").text()).doesNotContain("Erika").doesNotContain("Muster");
    }

    @Test
    void search_byCaseReference_andByAccount_linkToThem() {
        var byCase = html(desk.get(
                READER,
                Language.EN,
                "/search",
                Map.of("q", "14141611/" + form.id().value())));
        var byAccount = html(desk.get(READER, Language.EN, "/search", Map.of("q", "121070")));

        assertThat(byCase.select("tbody a").eachAttr("href")).containsExactly("/console" + path(form));
        assertThat(byAccount.select("tbody a").eachAttr("href")).containsExactly("/console/accounts/121070");
    }

    @Test
    void import_storesTheFilesRows_andReportsEachRejectedOne() {
        String csv = "mailingId,accountId,recipients,sentAt\r\n"
                + "14141700,121070,500,2026-11-20T09:30:00Z\r\n"
                + "<b>x</b>,121070,500,2026-11-20T09:30:00Z\r\n";

        var response = desk.upload(
                WRITER,
                "/import",
                new ConsoleRequest.Upload("m.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(response.status()).isEqualTo(200);
        assertThat(desk.mailings.find(new MailingId("14141700"))).isPresent();
        var html = html(response);
        assertThat(html.select("dl.facts").text()).contains("Rows read 2", "Stored or changed 1", "Not stored 1");
        assertThat(html.select("tbody tr").eachText())
                .singleElement()
                .asString()
                .startsWith("3 ");
        assertThat(html.select("b")).isEmpty();
    }

    @Test
    void import_withoutAFile_is400() {
        var response = desk.upload(WRITER, "/import", new ConsoleRequest.Upload("m.csv", "text/csv", new byte[0]));

        assertThat(response.status()).isEqualTo(400);
        assertThat(html(response).select(".error-summary li").eachText()).containsExactly("Please choose a CSV file.");
    }

    @Test
    void erase_showsWhatWillGoFirst_thenErasesOnConfirmation() {
        var asked = desk.post(WRITER, "/erase", Map.of("address", CaseFixtures.ERIKA));

        assertThat(asked.status()).isEqualTo(200);
        var confirm = html(asked);
        assertThat(confirm.select("tbody a").eachAttr("href"))
                .containsExactlyInAnyOrder("/console" + path(mailed), "/console" + path(form));
        assertThat(desk.cases.find(form.key(), NOW).orElseThrow().erasedAt()).isEmpty();
        assertThat(confirm.select("main form[method=post] input[type=hidden]").eachAttr("name"))
                .containsExactlyInAnyOrder("csrf", "address", "confirm");

        var done = desk.post(WRITER, "/erase", Map.of("address", CaseFixtures.ERIKA, "confirm", "yes"));

        assertThat(done.status()).isEqualTo(200);
        assertThat(html(done).select("dl.facts").text()).contains("Complaints erased 2", "Raw mails deleted 1");
        assertThat(desk.cases.find(form.key(), NOW).orElseThrow().erasedAt()).contains(NOW);
        assertThat(desk.evidence.holds("memory://ses-1")).isFalse();
    }

    @Test
    void unknownPaths_are404_andAKnownPathWithAnotherMethod_is405() {
        for (String path :
                List.of("/nothing", "/cases/14141611", "/cases/14141611/not-a-ulid", "/accounts", "/cases/%zz/x")) {
            assertThat(desk.get(READER, Language.EN, path).status()).as(path).isEqualTo(404);
        }
        assertThat(desk.get(
                                READER,
                                Language.EN,
                                "/cases/14141611/" + CaseFixtures.idAt(NOW).value())
                        .status())
                .isEqualTo(404);
        var wrong = desk.get(WRITER, Language.EN, path(mailed) + "/resolve");
        assertThat(wrong.status()).isEqualTo(405);
        assertThat(wrong.headers()).containsEntry("allow", "POST");
        assertThat(desk.post(WRITER, "/", Map.of()).status()).isEqualTo(405);
    }

    @Test
    void aCaseOfAMailingIdWithSpacesSlashesAndPluses_isLinkedEncoded_andFoundByItsLink() {
        var odd = CaseFixtures.form(
                "Q4 news/1+x", NOW.minus(Duration.ofHours(1)), ComplaintState.NOTIFIED, "a@example.org");
        desk.complaints.add(odd);

        var link = html(desk.get(READER, Language.EN, "/cases", Map.of("mailing", "Q4 news/1+x")))
                .selectFirst("tbody th a")
                .attr("href");

        assertThat(link)
                .isEqualTo("/console/cases/Q4%20news%2F1%2Bx/" + odd.id().value());
        var page = desk.get(READER, Language.EN, link.substring("/console".length()));
        assertThat(page.status()).isEqualTo(200);
        assertThat(html(page).selectFirst("h1").text())
                .isEqualTo("Case " + odd.id().value());
    }

    @Test
    void search_longerThanAnyAddress_isRefusedUnread() {
        var response = desk.get(READER, Language.EN, "/search", Map.of("q", "a@".repeat(100_000)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(html(response).selectFirst("#q").attr("value")).isEmpty();
    }

    @Test
    void bothLanguageFiles_haveTheSameKeys() {
        assertThat(PageText.of(Language.DE).keys())
                .isEqualTo(PageText.of(Language.EN).keys());
    }

    private static String path(Complaint complaint) {
        return "/cases/" + complaint.mailingId().value() + "/" + complaint.id().value();
    }

    private static Document html(ConsoleResponse response) {
        assertThat(response.headers()).containsEntry("content-type", "text/html; charset=utf-8");
        return Jsoup.parse(new String(response.body(), StandardCharsets.UTF_8));
    }
}
