package org.abusedesk.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the parse entry point. {@code ./mvnw verify} replays the committed inputs in
 * {@code MailReaderFuzzTestInputs/read}; {@code JAZZER_FUZZ=1} fuzzes for the test's duration and adds what it
 * finds there. Whatever the bytes: no exception, at least one and at most the limit's reports, and every resolved
 * Mailing ID one the profile's pattern allows.
 */
class MailReaderFuzzTest {

    private static final MailReader READER = Fixtures.reader();

    @FuzzTest(maxDuration = "60s")
    void read(byte[] mail) {
        var reading = READER.read(mail);

        assertThat(reading.reports()).isNotEmpty().hasSizeLessThanOrEqualTo(InboundLimits.DEFAULT.maxParts());
        reading.reports()
                .forEach(r -> r.resolution()
                        .mailingId()
                        .ifPresent(id -> assertThat(id).matches("[0-9]{1,64}")));
    }
}
