package org.abusedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.abusedesk.local.AwsEndpoint;
import org.abusedesk.local.CloudFormationTemplate;
import org.abusedesk.local.LocalStack;
import org.abusedesk.local.ProjectRoot;
import org.abusedesk.local.SmtpClient;
import org.abusedesk.testkit.MotoExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console as the abuse team uses it: headless Chromium against the local stack, signed in through the local
 * stand-in for Cognito's managed login (code flow with PKCE, the ID token checked by the console), then the queue,
 * a case resolved with a note, an account flagged and set to another status, an import, sign-out; axe-core checks
 * every page in both languages.
 */
@ExtendWith(MotoExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOSTILE = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\">";

    private static LocalStack local;
    private static WebDriver browser;
    private static HeadlessChromium chromium;
    private static String token;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ACCOUNT = "acc" + UUID.randomUUID().toString().substring(0, 6);
    private static final String MAILING = Long.toString(System.nanoTime() % 90_000_000L + 10_000_000L);
    private static String caseId;
    private static final String CUSTOMER = "cus" + UUID.randomUUID().toString().substring(0, 6);
    private static final String TALKED_ABOUT = Long.toString(System.nanoTime() % 90_000_000L + 10_000_001L);
    private static String talkedCase;

    @BeforeAll
    static void start(AwsEndpoint aws, ProjectRoot root) throws IOException {
        local = LocalStack.start(
                CloudFormationTemplate.load(root.resolve("template.yaml")),
                aws,
                new LocalStack.Options(
                        "127.0.0.1",
                        0,
                        "con" + UUID.randomUUID().toString().substring(0, 8),
                        MotoExtension.TEST_PARAMETERS,
                        0));
        token = local.tokens().mint("setup", List.of("abuse-desk/read", "abuse-desk/write"), Duration.ofMinutes(30));
        chromium = HeadlessChromium.start("en-GB,en", 1200, 1600);
        browser = chromium.driver();
    }

    @AfterAll
    static void stop() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
        if (local != null) {
            local.close();
        }
    }

    @Test
    @Order(1)
    void aPerson_signsIn_findsTheComplaintJustPosted_resolvesIt_andSeesTheirNameInItsHistory() throws Exception {
        // GIVEN a registered mailing of 1,000 recipients, and a complaint about it whose message carries HTML
        assertThat(LocalApi.send(
                                HTTP,
                                local.apiUrl(),
                                "PUT",
                                "/admin/mailings/" + MAILING,
                                token,
                                "{\"accountId\":\"" + ACCOUNT + "\",\"recipients\":1000,"
                                        + "\"sentAt\":\"2026-12-01T09:00:00Z\"}")
                        .statusCode())
                .isEqualTo(200);
        caseId = complain("erika.muster@example.net", "Erika <b>Muster</b>", HOSTILE + " nie bestellt");
        // Counted and notified first: a case is closed once the desk has done its part.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> JSON.readTree(LocalApi.send(
                                        HTTP,
                                        local.apiUrl(),
                                        "GET",
                                        "/admin/complaints/" + MAILING + "/" + caseId,
                                        token,
                                        null)
                                .body())
                        .path("state")
                        .asText()
                        .equals("NOTIFIED"));

        // WHEN the person opens the queue: the console sends them to sign in, and back
        browser.get(url("/console/cases"));
        assertThat(browser.getCurrentUrl()).contains("/_local/oidc/oauth2/authorize");
        assertThat(browser.getCurrentUrl()).contains("code_challenge_method=S256");
        submit(browser.findElement(By.cssSelector("button[name=person][value=anna]")));
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/console/cases"));
        screenshot("console-queue.png");

        // THEN the queue lists the complaint just posted, and its case shows the message as text, running nothing
        var link = browser.findElement(By.linkText(MAILING + "/" + caseId));
        link.click();
        assertThat(browser.getPageSource()).doesNotContain("<script>window.pwned");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("<script>window.pwned=1</script>");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.pwned === undefined"))
                .isEqualTo(true);
        screenshot("console-case.png");

        // WHEN they resolve it with a note
        browser.findElement(By.id("resolve-note")).sendKeys("List cleaned; address removed.");
        submit(browser.findElement(By.cssSelector("form[action$='/resolve'] button[type=submit]")));

        // THEN the case is resolved, and its history names them and the note
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/console/cases/" + MAILING + "/" + caseId));
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("RESOLVED".equals(page) ? "" : "Anna Team", "List cleaned; address removed.");
        var stored = JSON.readTree(
                LocalApi.send(HTTP, local.apiUrl(), "GET", "/admin/complaints/" + MAILING + "/" + caseId, token, null)
                        .body());
        assertThat(stored.path("state").asText()).isEqualTo("RESOLVED");
        assertThat(stored.path("closure").path("by").asText()).isEqualTo("Anna Team");
    }

    @Test
    @Order(2)
    void aCase_isWorkedToItsEnd_withTheCustomer_complaintNoticeReplyFollowUpResolvedOutcome() throws Exception {
        // GIVEN an account with a contact, its mailing to 1,000, and a complaint through the form
        assertThat(LocalApi.send(
                                HTTP,
                                local.apiUrl(),
                                "PUT",
                                "/admin/accounts/" + CUSTOMER + "/contact",
                                token,
                                "{\"email\":\"owner@shop.example\",\"name\":\"Shop GmbH\",\"language\":\"de\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(LocalApi.send(
                                HTTP,
                                local.apiUrl(),
                                "PUT",
                                "/admin/mailings/" + TALKED_ABOUT,
                                token,
                                "{\"accountId\":\"" + CUSTOMER + "\",\"recipients\":1000,"
                                        + "\"sentAt\":\"2026-12-01T09:00:00Z\"}")
                        .statusCode())
                .isEqualTo(200);
        var answer = LocalApi.send(
                HTTP,
                local.apiUrl(),
                "POST",
                "/complaints",
                null,
                JSON.writeValueAsString(Map.of(
                        "mailingId", TALKED_ABOUT, "email", "max.muster@example.net", "message", "Nie bestellt.")));
        talkedCase = JSON.readTree(answer.body()).path("reference").asText();

        // WHEN the desk's notice reaches the contact, and the customer answers it by SMTP
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> !mailsWith("(Vorgang " + talkedCase + ")").isEmpty());
        String replyTo = mailsWith("Beschwerde zu Ihrem Mailing " + TALKED_ABOUT)
                .get(0)
                .path("replyTo")
                .asText();
        SmtpClient.send(
                local.smtpReceivers().get(0).port(),
                "owner@shop.example",
                replyTo,
                "From: owner@shop.example\r\nTo: " + replyTo + "\r\nSubject: Re: Beschwerde\r\n\r\n"
                        + "Die Adresse stammt aus unserem Gewinnspiel vom Oktober.\r\n");
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> caseJson().path("thread").findValuesAsText("kind").contains("REPLY"));

        // THEN the person sees the notice and the reply in the case's thread
        browser.get(url("/console/cases/" + TALKED_ABOUT + "/" + talkedCase));
        String thread = browser.findElement(By.tagName("main")).getText();
        assertThat(thread).contains("Die Adresse stammt aus unserem Gewinnspiel vom Oktober.");
        assertThat(thread.indexOf("Mailing-ID:   " + TALKED_ABOUT)).isLessThan(thread.indexOf("Gewinnspiel"));

        // WHEN they send the customer a follow-up: the evidence shows no confirmed opt-in
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("followup-kind")))
                .selectByValue("EVIDENCE_INCOMPLETE");
        submit(browser.findElement(By.cssSelector("form[action$='/followup'] button[type=submit]")));

        // THEN it goes to the contact, and the case waits for the customer, recorded with the person
        assertThat(mailsWith("Rückfrage zum Vorgang " + talkedCase))
                .singleElement()
                .satisfies(mail -> {
                    assertThat(mail.path("to").toString()).isEqualTo("[\"owner@shop.example\"]");
                    assertThat(mail.path("replyTo").asText()).startsWith("abuse+r-");
                });
        assertThat(caseJson().path("state").asText()).isEqualTo("WAITING_FOR_CUSTOMER");
        assertThat(caseJson().path("thread").findValuesAsText("actorName")).contains("Anna Team");
        screenshot("console-thread.png");

        // WHEN they resolve the case, telling the complainant that the sender was asked
        browser.findElement(By.id("resolve-note")).sendKeys("Gewinnspiel ohne Einwilligung; Kunde verwarnt.");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("resolve-outcome")))
                .selectByValue("ASKED_SENDER");
        submit(browser.findElement(By.cssSelector("form[action$='/resolve'] button[type=submit]")));

        // THEN the case is resolved, and the complainant's outcome mail is in the outbox once, in the desk's words and
        // the complainant's language (the API's, English)
        assertThat(caseJson().path("state").asText()).isEqualTo("RESOLVED");
        var outcome = mailsWith("Your complaint: outcome (case " + talkedCase + ")");
        assertThat(outcome).singleElement().satisfies(mail -> {
            assertThat(mail.path("to").toString()).isEqualTo("[\"max.muster@example.net\"]");
            assertThat(mail.path("text").asText())
                    .contains("We have asked the sender")
                    .doesNotContain("Gewinnspiel");
        });
        // ... and the page offers no second telling
        browser.get(url("/console/cases/" + TALKED_ABOUT + "/" + talkedCase));
        assertThat(browser.findElements(By.id("resolve-outcome"))).isEmpty();
        assertThat(mailsWith("Your complaint: outcome (case " + talkedCase + ")"))
                .hasSize(1);
    }

    private static JsonNode caseJson() throws Exception {
        return JSON.readTree(LocalApi.send(
                        HTTP,
                        local.apiUrl(),
                        "GET",
                        "/admin/complaints/" + TALKED_ABOUT + "/" + talkedCase,
                        token,
                        null)
                .body());
    }

    private static List<JsonNode> mailsWith(String subject) throws Exception {
        var found = new ArrayList<JsonNode>();
        for (JsonNode mail : JSON.readTree(LocalApi.send(HTTP, local.apiUrl(), "GET", "/_local/outbox", null, null)
                .body())) {
            if (mail.path("subject").asText().contains(subject)) {
                found.add(mail);
            }
        }
        return found;
    }

    @Test
    @Order(3)
    void anAccount_afterThreeComplaintsOnAThousand_isFlagged_itsChartCrossesTheLine_andThePersonSetsItsStatus()
            throws Exception {
        // GIVEN two more complaints on the mailing: three on 1,000 recipients is 0.3 %, over FLAGGED's 0.1 %
        complain("max.mustermann@example.org", "Max Mustermann", "Nie angemeldet.");
        complain("jana.beispiel@example.com", "Jana Beispiel", "Spam.");
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> JSON.readTree(
                                LocalApi.send(HTTP, local.apiUrl(), "GET", "/admin/accounts/" + ACCOUNT, token, null)
                                        .body())
                        .path("status")
                        .asText()
                        .equals("FLAGGED"));

        // WHEN the person opens the account
        browser.get(url("/console/accounts/" + ACCOUNT));

        // THEN it says FLAGGED, and its rate chart has the threshold lines and the rate's points, with a table
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("FLAGGED");
        var chart = browser.findElement(By.cssSelector("main svg[role=img]"));
        assertThat(chart.findElement(By.tagName("title")).getAttribute("textContent"))
                .isNotBlank();
        assertThat(chart.findElement(By.tagName("desc")).getAttribute("textContent"))
                .isNotBlank();
        assertThat(browser.findElements(By.cssSelector("main table"))).isNotEmpty();
        assertThat(page).contains("0.3");
        screenshot("console-account.png");

        // WHEN they set it to PAUSED with a reason, and confirm
        new Select(browser.findElement(By.id("status"))).selectByValue("PAUSED");
        browser.findElement(By.id("reason")).sendKeys("Purchased list, confirmed by the customer.");
        submit(browser.findElement(By.cssSelector("form[action$='/status'] button[type=submit]")));
        submit(browser.findElement(By.cssSelector("form input[name=confirm][value=yes]"))
                .findElement(By.xpath(".."))
                .findElement(By.cssSelector("button[type=submit]")));

        // THEN the account is PAUSED, changed by them
        var account = JSON.readTree(
                LocalApi.send(HTTP, local.apiUrl(), "GET", "/admin/accounts/" + ACCOUNT + "/history", token, null)
                        .body());
        var changes = new ArrayList<String>();
        account.path("items")
                .forEach(change -> changes.add(
                        change.path("from").asText() + ">" + change.path("to").asText() + " by "
                                + change.path("changedBy").asText()));
        assertThat(changes).contains("FLAGGED>PAUSED by Anna Team");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("PAUSED");
    }

    @Test
    @Order(4)
    void anImport_ofACsv_showsItsReportPerRow() throws Exception {
        Path csv = Files.createTempFile("mailings", ".csv");
        Files.writeString(
                csv,
                "mailingId,accountId,sentAt,recipients\r\n"
                        + "77000001," + ACCOUNT + ",2026-12-02T09:00:00Z,500\r\n"
                        + "77000002," + ACCOUNT + ",not-a-time,500\r\n");

        browser.get(url("/console/import"));
        browser.findElement(By.id("file")).sendKeys(csv.toString());
        submit(browser.findElement(By.cssSelector("form[action$='/import'] button[type=submit]")));

        String report = browser.findElement(By.tagName("main")).getText();
        assertThat(report).contains("77000002");
        var registered = LocalApi.send(HTTP, local.apiUrl(), "GET", "/admin/mailings/77000001", token, null);
        assertThat(registered.statusCode()).isEqualTo(200);
        assertThat(LocalApi.send(HTTP, local.apiUrl(), "GET", "/admin/mailings/77000002", token, null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    @Order(5)
    void axe_findsNoSeriousOrCriticalViolation_onAnyPage_inGermanOrEnglish() throws Exception {
        String axe = Files.readString(axeScript());
        var pages = new LinkedHashMap<String, String>();
        pages.put("overview", "/console");
        pages.put("queue", "/console/cases");
        pages.put("case", "/console/cases/" + MAILING + "/" + caseId);
        pages.put("case with its thread", "/console/cases/" + TALKED_ABOUT + "/" + talkedCase);
        pages.put("account", "/console/accounts/" + ACCOUNT);
        pages.put("mailing", "/console/mailings/" + MAILING);
        pages.put("search", "/console/search?q=" + ACCOUNT);
        pages.put("import", "/console/import");
        pages.put("erase", "/console/erase");
        var checked = new ArrayList<String>();
        var found = new LinkedHashMap<String, List<String>>();
        for (String language : List.of("de", "en")) {
            for (var page : pages.entrySet()) {
                String path = page.getValue() + (page.getValue().contains("?") ? "&" : "?") + "lang=" + language;
                browser.get(url(path));
                assertThat(browser.findElement(By.tagName("html")).getAttribute("lang"))
                        .isEqualTo(language);
                ((JavascriptExecutor) browser).executeScript(axe);
                Object result = ((JavascriptExecutor) browser)
                        .executeAsyncScript("const done = arguments[arguments.length - 1];"
                                + "axe.run(document, {resultTypes: ['violations']})"
                                + ".then(r => done(JSON.stringify(r.violations)), e => done('ERROR ' + e));");
                assertThat(String.valueOf(result)).doesNotStartWith("ERROR");
                var serious = new ArrayList<String>();
                for (JsonNode violation : JSON.readTree(String.valueOf(result))) {
                    String impact = violation.path("impact").asText();
                    if (impact.equals("serious") || impact.equals("critical")) {
                        serious.add(violation.path("id").asText() + " (" + impact + "): "
                                + violation.path("nodes").get(0).path("html").asText());
                    }
                }
                String name = page.getKey() + " (" + language + ")";
                checked.add(name);
                if (!serious.isEmpty()) {
                    found.put(name, serious);
                }
            }
        }
        if (local != null) {
            screenshotAfter("/console?lang=en", "console-overview.png");
        }
        Path report = Path.of("target", "axe-console.txt");
        Files.writeString(
                report,
                "axe-core checked: " + String.join(", ", checked) + "\nserious or critical: "
                        + (found.isEmpty() ? "none" : found) + "\n");
        assertThat(checked).hasSize(18);
        assertThat(found).as("serious or critical violations, by page").isEmpty();
    }

    @Test
    @Order(6)
    void signingOut_endsTheSession_hereAndAtTheSignIn() {
        browser.get(url("/console"));
        submit(browser.findElement(By.cssSelector("form.signout button[type=submit]")));

        assertThat(browser.getCurrentUrl()).isEqualTo(url("/console/signedout"));
        browser.get(url("/console/cases"));
        // A new sign-in is asked for: the console's session and the sign-in page's are both gone.
        assertThat(browser.getCurrentUrl()).contains("/_local/oidc/oauth2/authorize");
        assertThat(browser.findElements(By.cssSelector("button[name=person]"))).hasSize(2);
    }

    private static String complain(String email, String name, String message) throws Exception {
        var answer = LocalApi.send(
                HTTP,
                local.apiUrl(),
                "POST",
                "/complaints",
                null,
                JSON.writeValueAsString(
                        Map.of("mailingId", MAILING, "email", email, "name", name, "message", message)));
        assertThat(answer.statusCode()).isEqualTo(202);
        return JSON.readTree(answer.body()).path("reference").asText();
    }

    /** Clicks a form's button and waits for the page it leads to: the old page gone, the new one there. */
    private static void submit(org.openqa.selenium.WebElement button) {
        var page = browser.findElement(By.tagName("html"));
        button.click();
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        // Chromium reports a node of the page being left as "stale", or, mid-navigation, as belonging to no document.
        wait.until(driver -> {
            try {
                page.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("body")));
    }

    private static String url(String path) {
        return local.apiUrl() + path;
    }

    private static Path axeScript() throws IOException, InterruptedException {
        var process = new ProcessBuilder(
                        "bash", ProjectRoot.find().resolve("tools/axe-core").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String path = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.waitFor() != 0 || path.isEmpty()) {
            throw new IllegalStateException("tools/axe-core could not provide axe-core (it needs npm)");
        }
        return Path.of(path);
    }

    private static void screenshotAfter(String path, String name) throws IOException {
        browser.get(url(path));
        screenshot(name);
    }

    /** Keeps what the browser shows in docs/, where the console's page and the README show it. */
    private static void screenshot(String name) throws IOException {
        if (browser instanceof ChromeDriver chrome) {
            Path target = ProjectRoot.find().resolve("cli/target/screenshots");
            Files.createDirectories(target);
            Files.write(target.resolve(name), chrome.getScreenshotAs(OutputType.BYTES));
        }
    }

    @SuppressWarnings("unused")
    private static URI uri(String path) {
        return URI.create(url(path));
    }
}
