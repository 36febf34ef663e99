package org.abusedesk.intake;

import java.time.Clock;
import java.time.Duration;
import org.abusedesk.complaint.Complaints;
import org.abusedesk.complaint.MailingIdFormat;

/** Use cases of the intake wired with in-memory fakes, for the tests of what uses them. */
public final class Intakes {

    /** A secret for tests; the stack generates the real one. */
    public static final IntakeSecret SECRET = IntakeSecret.of("test-secret-of-32-characters-xyz");

    private Intakes() {}

    public static SubmitComplaint submitComplaint(
            Complaints complaints,
            IdempotencyRecords idempotency,
            SourceCounter sources,
            IntakeMetrics metrics,
            Clock clock) {
        return new SubmitComplaint(
                complaints, idempotency, sources, metrics, MailingIdFormat.DEFAULT, clock, Duration.ofDays(180));
    }

    public static SourceKey source(String address) {
        return SourceKey.of(address, SECRET);
    }
}
