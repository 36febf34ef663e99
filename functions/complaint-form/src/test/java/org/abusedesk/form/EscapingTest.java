package org.abusedesk.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.abusedesk.complaint.InMemoryComplaints;
import org.abusedesk.complaint.MailingIdFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever a person or a bot types comes back escaped, wherever a page shows it. */
class EscapingTest {

    private static final String ATTACK = "\"'><script>alert(1)</script><img src=x onerror=alert(2)>";

    private final TestDesk desk = new TestDesk();

    @ParameterizedTest
    @ValueSource(strings = {"mailingId", "name", "email", "message", "token", "salutation"})
    void anEchoedValue_isEscaped(String field) {
        // GIVEN a form whose field holds markup and quotes, and another field empty, so that it comes back
        var fields = desk.filledForm();
        fields.put(field, ATTACK);
        fields.put(field.equals("message") ? "email" : "message", "");

        // WHEN it is sent
        String page = desk.send(TestDesk.formPost(fields)).getBody();

        // THEN the page shows it as text: no tag, no attribute ended by its quotes
        assertThat(page).doesNotContain(ATTACK).doesNotContain("<script>").doesNotContain("<img src=x");
        if (field.equals("message")) {
            assertThat(page)
                    .contains(">\"'&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"
                            + "</textarea>");
        } else if (!field.equals("salutation")) {
            assertThat(page)
                    .contains("value=\"&#34;&#39;>&lt;script>alert(1)&lt;/script>&lt;img src=x onerror=alert(2)>\"");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "\"><b>x</b>", "'onmouseover='x"})
    void aMailingIdOnTheConfirmation_isEscaped(String mailingId) {
        // GIVEN a desk whose Mailing ID pattern takes anything (a configuration mistake)
        var permissive = new TestDesk(new InMemoryComplaints(), MailingIdFormat.of(".{1,64}"));
        var fields = permissive.filledForm();
        fields.put("mailingId", mailingId);
        permissive.clock.advance(Duration.ofMinutes(1));

        // WHEN its confirmation is shown
        String location =
                permissive.send(TestDesk.formPost(fields)).getHeaders().get("location");
        String page = permissive
                .send(TestDesk.browserGet("/confirmation", TestDesk.query(location), null))
                .getBody();

        // THEN the Mailing ID is text in the page and URL-encoded in its links
        assertThat(page)
                .doesNotContain("<script>")
                .doesNotContain("<b>")
                .doesNotContain("\"><b>")
                .doesNotContain("=''onmouseover")
                .contains("mailingId="
                        + URLEncoder.encode(mailingId, StandardCharsets.UTF_8)
                                .replace("&", "&amp;")
                                .replace("'", "&#39;")
                                .replace("\"", "&#34;")
                                .replace("<", "&lt;"));
    }
}
