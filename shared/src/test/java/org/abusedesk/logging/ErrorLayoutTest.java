package org.abusedesk.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class ErrorLayoutTest {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorLayoutTest.class);

    @Test
    void aLoggedException_isWrittenAsItsClassAndFrames_neverItsMessageOrItsCausesMessage() {
        try (var log = CapturedLog.start()) {
            // GIVEN an exception whose message, and whose cause's message, quote a complainant
            var cause = new IllegalArgumentException("not an address: erika.mustermann@example.org");
            var failure = new IllegalStateException("mail from Erika Mustermann refused", cause);

            // WHEN a handler simply logs it
            LOG.error("request failed", failure);

            // THEN the line names the class, the root cause's class and the frames, and no text of either message
            var line = log.lines().get(0);
            assertThat(line.get("message").asText()).isEqualTo("request failed");
            assertThat(line.get("error.type").asText()).isEqualTo("java.lang.IllegalStateException");
            assertThat(line.get("error.cause.type").asText()).isEqualTo("java.lang.IllegalArgumentException");
            assertThat(line.get("error.stack_trace").isArray()).isTrue();
            assertThat(line.get("error.stack_trace").get(0).get("class").asText())
                    .isEqualTo(ErrorLayoutTest.class.getName());
            assertThat(line.has("error.message")).isFalse();
            assertThat(log.text()).doesNotContain("Mustermann", "erika", "refused", "not an address");
        }
    }
}
