package org.abusedesk.processing;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** The scheduled sweep that mails what storm control held back, so no complaint waits longer than its window. */
public final class FlushNotifications {

    private final NotifyAbuseTeam notify;
    private final Clock clock;

    public FlushNotifications(NotifyAbuseTeam notify, Clock clock) {
        this.notify = Objects.requireNonNull(notify, "notify == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /** @return how many mails went out */
    public int flush() {
        return flush(clock.instant());
    }

    /** The sweep as it runs at {@code now}: the mailings whose window has passed by then. */
    public int flush(Instant now) {
        return notify.flush(now);
    }
}
