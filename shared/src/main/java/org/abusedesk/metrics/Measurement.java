package org.abusedesk.metrics;

import java.time.Duration;
import java.util.Objects;
import org.abusedesk.account.AccountStatus;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.MailingId;

/** One thing the desk measured: kinds, counts and durations, never who complained, about what, or which mailing. */
public sealed interface Measurement {

    /**
     * A complaint stored for the first time; a redelivery, which stores nothing, is not one.
     *
     * @param unattributed stored under {@link MailingId#UNATTRIBUTED}: its mailing could not be found
     */
    record ComplaintReceived(Channel channel, Classification classification, boolean unattributed)
            implements Measurement {

        public ComplaintReceived {
            Objects.requireNonNull(channel, "channel == null");
            Objects.requireNonNull(classification, "classification == null");
        }

        public static ComplaintReceived of(Complaint complaint) {
            return new ComplaintReceived(
                    complaint.channel(),
                    complaint.classification(),
                    complaint.mailingId().equals(MailingId.UNATTRIBUTED));
        }
    }

    /**
     * How long after its receipt a complaint's abuse-team mail went out, or was held back for the mailing's next mail.
     */
    record ProcessingLatency(Channel channel, Duration latency) implements Measurement {

        public ProcessingLatency {
            Objects.requireNonNull(channel, "channel == null");
            Objects.requireNonNull(latency, "latency == null");
            if (latency.isNegative()) {
                throw new IllegalArgumentException("latency is negative");
            }
        }
    }

    /** A mail the desk handed to SES. */
    record NotificationSent(Kind kind) implements Measurement {

        /** Which mail it was. */
        public enum Kind {
            /** The abuse team's mail about a complaint just processed. */
            ABUSE_TEAM,
            /** The abuse team's mail of what storm control held back, sent by the scheduled flush. */
            SUMMARY,
            /** The abuse team's digest of what the team mail budget held back in a window. */
            DIGEST,
            /** The complainant's acknowledgement. */
            ACKNOWLEDGEMENT,
            /** The desk's notice to the sending customer of a counted complaint. */
            CUSTOMER_NOTICE,
            /** A person's follow-up to the sending customer. */
            FOLLOW_UP,
            /** The outcome, told to the complainant. */
            OUTCOME
        }

        public NotificationSent {
            Objects.requireNonNull(kind, "kind == null");
        }
    }

    /** An acknowledgement the desk chose not to send, and why; never to whom. */
    record AcknowledgementSkipped(Reason reason) implements Measurement {

        /** Why it was not sent. */
        public enum Reason {
            /** A forwarded complaint whose {@code From:} did not pass DMARC: the address may be forged. */
            NOT_ALIGNED,
            /** Its address had its acknowledgements for the UTC day. */
            ADDRESS_LIMIT,
            /** The desk sent all acknowledgements it may send this UTC day. */
            BUDGET
        }

        public AcknowledgementSkipped {
            Objects.requireNonNull(reason, "reason == null");
        }
    }

    /** An account's status changed to {@code to}. */
    record StatusTransition(AccountStatus to) implements Measurement {

        public StatusTransition {
            Objects.requireNonNull(to, "to == null");
        }
    }
}
