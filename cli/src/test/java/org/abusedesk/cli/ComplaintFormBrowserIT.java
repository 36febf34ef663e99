package org.abusedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.abusedesk.local.AwsEndpoint;
import org.abusedesk.local.CloudFormationTemplate;
import org.abusedesk.local.LocalStack;
import org.abusedesk.local.ProjectRoot;
import org.abusedesk.testkit.MotoExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The form as a person uses it: headless Chromium against the page the local stack serves, in German and in
 * English, without JavaScript of ours. Debian's chromium and chromedriver are driven directly; nothing is
 * downloaded, and a machine without them fails here with how to install them.
 */
@ExtendWith(MotoExtension.class)
class ComplaintFormBrowserIT {

    /** A little over the form's minimum fill time: sooner, the desk takes the browser for a bot. */
    private static final Duration FILL_TIME = Duration.ofMillis(3_300);

    private static LocalStack local;
    private static WebDriver browser;
    private static HeadlessChromium chromium;

    @BeforeAll
    static void start(AwsEndpoint aws, ProjectRoot root) throws IOException {
        local = LocalStack.start(
                CloudFormationTemplate.load(root.resolve("template.yaml")),
                aws,
                new LocalStack.Options(
                        "127.0.0.1",
                        0,
                        "web" + UUID.randomUUID().toString().substring(0, 8),
                        MotoExtension.TEST_PARAMETERS));
        chromium = HeadlessChromium.start("de-DE,de", 1000, 1500);
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
    void aGermanComplaint_filledInAndSent_showsItsReference_andIsStored() throws Exception {
        // GIVEN the form in a German browser
        browser.get(url("/"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Unerwünschte E-Mail melden");
        screenshot("form-de.png");

        // WHEN a person fills it in and sends it
        long served = System.nanoTime();
        browser.findElement(By.id("mailingId")).sendKeys("X-Mailing: 14141611");
        browser.findElement(By.cssSelector("label[for=salutation-FRAU]")).click();
        browser.findElement(By.id("name")).sendKeys("Erika Muster");
        browser.findElement(By.id("email")).sendKeys("erika.muster@example.net");
        browser.findElement(By.id("message")).sendKeys("Ich habe diesen Newsletter nie bestellt.");
        waitUntilFilledFor(served);
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        // THEN the confirmation shows the case reference, and the complaint is stored under it, in German
        String reference = waitFor(By.id("reference")).getText();
        assertThat(reference).matches("[0-9A-HJKMNP-TV-Z]{26}");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Beschwerde eingegangen");
        assertThat(browser.getCurrentUrl()).contains("/confirmation?reference=" + reference);
        screenshot("confirmation-de.png");
        try (var dynamoDb = local.stack().aws().dynamoDb()) {
            var item = dynamoDb.getItem(r -> r.tableName(local.stack().ref("ComplaintsTable"))
                            .key(Map.of(
                                    "mailingId", AttributeValue.fromS("14141611"),
                                    "complaintId", AttributeValue.fromS(reference))))
                    .item();
            assertThat(item.get("salutation").s()).isEqualTo("FRAU");
            assertThat(item.get("language").s()).isEqualTo("DE");
            assertThat(item.get("email").s()).isEqualTo("erika.muster@example.net");
        }

        // AND a reload shows the same reference
        browser.navigate().refresh();
        assertThat(waitFor(By.id("reference")).getText()).isEqualTo(reference);
    }

    @Test
    void anEmptyForm_announcesItsErrors_andPutsTheFocusOnTheSummary() throws IOException {
        // GIVEN the form
        browser.get(url("/"));

        // WHEN it is sent empty
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        // THEN an alert summary has the focus and links each missing field, which is marked invalid
        var summary = waitFor(By.id("error-summary"));
        assertThat(summary.getAttribute("role")).isEqualTo("alert");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("error-summary");
        assertThat(browser.getTitle()).startsWith("Fehler: ");
        List<WebElement> links = summary.findElements(By.tagName("a"));
        assertThat(links)
                .extracting(WebElement::getText)
                .containsExactly(
                        "Bitte geben Sie die Mailing-ID an.",
                        "Bitte geben Sie Ihre E-Mail-Adresse an.",
                        "Bitte beschreiben Sie kurz, worum es geht.");
        assertThat(browser.findElement(By.id("email")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.findElement(By.id("email")).getAttribute("aria-describedby"))
                .isEqualTo("email-hint email-error");
        screenshot("errors-de.png");

        // AND following a link from the summary puts the focus into its field
        links.get(1).click();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("email");
    }

    @Test
    void theKeyboard_goesThroughTheFormInItsOrder() {
        browser.get(url("/"));
        browser.findElement(By.cssSelector("nav a")).sendKeys(""); // focus the language switch, the first stop

        var order = new java.util.ArrayList<String>();
        for (int i = 0; i < 6; i++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
            var active = browser.switchTo().activeElement();
            order.add(active.getAttribute("id").isEmpty() ? active.getTagName() : active.getAttribute("id"));
        }

        // The hint's mailto link follows the Mailing ID's label; the honeypot is never reached.
        assertThat(order).containsExactly("a", "mailingId", "salutation-NONE", "name", "email", "message");
    }

    @Test
    void theLanguageSwitch_turnsTheFormEnglish_andAnEnglishComplaintIsConfirmedInEnglish() throws Exception {
        // GIVEN the German form, switched to English
        browser.get(url("/"));
        browser.findElement(By.linkText("English")).click();
        waitFor(By.cssSelector("html[lang=en]"));
        assertThat(browser.findElement(By.cssSelector("label[for=mailingId]")).getText())
                .isEqualTo("Mailing ID (required)");
        screenshot("form-en.png");

        // WHEN it is filled in and sent
        long served = System.nanoTime();
        browser.findElement(By.id("mailingId")).sendKeys("14141612");
        browser.findElement(By.id("email")).sendKeys("user@bücher.de");
        browser.findElement(By.id("message")).sendKeys("I never subscribed to this.");
        waitUntilFilledFor(served);
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        // THEN the English confirmation shows the reference, and the complaint keeps English
        String reference = waitFor(By.id("reference")).getText();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Complaint received");
        try (var dynamoDb = local.stack().aws().dynamoDb()) {
            var item = dynamoDb.getItem(r -> r.tableName(local.stack().ref("ComplaintsTable"))
                            .key(Map.of(
                                    "mailingId", AttributeValue.fromS("14141612"),
                                    "complaintId", AttributeValue.fromS(reference))))
                    .item();
            assertThat(item.get("language").s()).isEqualTo("EN");
        }
    }

    private static String url(String path) {
        return local.apiUrl().resolve(path).toString();
    }

    private static WebElement waitFor(By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    private static void waitUntilFilledFor(long servedNanos) throws InterruptedException {
        long left = FILL_TIME.toNanos() - (System.nanoTime() - servedNanos);
        if (left > 0) {
            Thread.sleep(Duration.ofNanos(left));
        }
    }

    /** Keeps what the browser shows in target/screenshots, to look at after a run. */
    private static void screenshot(String name) throws IOException {
        if (browser instanceof ChromeDriver chrome) {
            Path target = Path.of("target", "screenshots");
            Files.createDirectories(target);
            Files.copy(
                    chrome.getScreenshotAs(OutputType.FILE).toPath(),
                    target.resolve(name),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
