package org.abusedesk.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.abusedesk.complaint.ComplaintKey;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LogContextTest {

    private static final Logger LOG = LoggerFactory.getLogger(LogContextTest.class);
    private static final ComplaintKey KEY = ComplaintKey.of("14141611", "01KAYZ7W3J5D6Q0ZV8G5N4M2XQ");

    @Test
    void everyLineOfAnInvocation_carriesItsRequestId_andTheComplaintOnceKnown_andTheNextInvocationNeither() {
        try (var log = CapturedLog.start()) {
            // GIVEN an invocation that logs before and after it knows its complaint
            LogContext.begin("c6af9ac6-7b61-11e6-9a41-93e812345678");
            try {
                LOG.info("received");
                LogContext.complaint(KEY);
                LOG.info("stored");
                LogContext.noComplaint();
                LOG.info("next message");
            } finally {
                LogContext.end();
            }

            // WHEN the next invocation, without a request id, logs
            LogContext.begin(null);
            try {
                LOG.info("later");
            } finally {
                LogContext.end();
            }

            // THEN the layout wrote the entries as fields of each line, and nothing carried over
            var lines = log.lines();
            assertThat(lines).hasSize(4);
            assertThat(lines.get(0).get("requestId").asText()).isEqualTo("c6af9ac6-7b61-11e6-9a41-93e812345678");
            assertThat(lines.get(0).has("mailingId")).isFalse();
            assertThat(lines.get(1).get("mailingId").asText()).isEqualTo("14141611");
            assertThat(lines.get(1).get("complaintId").asText()).isEqualTo("01KAYZ7W3J5D6Q0ZV8G5N4M2XQ");
            assertThat(lines.get(1).get("requestId").asText()).isEqualTo("c6af9ac6-7b61-11e6-9a41-93e812345678");
            assertThat(lines.get(2).has("complaintId")).isFalse();
            assertThat(lines.get(2).has("requestId")).isTrue();
            assertThat(lines.get(3).has("requestId")).isFalse();
            assertThat(lines.get(3).get("message").asText()).isEqualTo("later");
        }
    }
}
