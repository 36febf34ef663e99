package org.abusedesk.intake;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.complaint.ComplaintKey;

/** What the person who sent the form sees next. */
public sealed interface FormResult {

    /**
     * The confirmation of the case with this reference. A bot sees one as well, with a reference that was never
     * stored, so that it cannot tell it was caught.
     */
    record Confirmed(ComplaintKey key) implements FormResult {

        public Confirmed {
            Objects.requireNonNull(key, "key == null");
        }
    }

    /** The source sent too many complaints recently: the form again, input kept, and when to try again. */
    record Limited(Duration retryAfter) implements FormResult {

        public Limited {
            Objects.requireNonNull(retryAfter, "retryAfter == null");
        }
    }

    /**
     * The form again, input kept, with a fresh token, to be sent once more: its token was expired or not ours, or
     * it was used for another complaint ({@code sentBefore}) already.
     */
    record SendAgain(Reason reason, String freshToken, Optional<ComplaintKey> sentBefore) implements FormResult {

        /** Why the form comes back. */
        public enum Reason {
            TOKEN_EXPIRED,
            TOKEN_INVALID,
            TOKEN_USED
        }

        public SendAgain {
            Objects.requireNonNull(reason, "reason == null");
            Objects.requireNonNull(freshToken, "freshToken == null");
            Objects.requireNonNull(sentBefore, "sentBefore == null");
        }
    }
}
