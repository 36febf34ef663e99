package org.abusedesk.logging;

import org.abusedesk.complaint.ComplaintKey;
import org.slf4j.MDC;

/**
 * What every log line of an invocation carries besides its message: the Lambda request id and, once known, the key
 * of the complaint it is about. Both are kept in the logging context of the invocation's thread (log4j's
 * ThreadContext, behind SLF4J's MDC), which the JSON layout writes into each line; never personal data.
 *
 * <p>A handler calls {@link #begin} first and {@link #end} in a {@code finally}: the runtime runs the next
 * invocation on the same thread, which must not inherit this one's entries.
 */
public final class LogContext {

    static final String REQUEST_ID = "requestId";
    static final String MAILING_ID = "mailingId";
    static final String COMPLAINT_ID = "complaintId";

    private LogContext() {}

    /** Starts an invocation's context, empty but for its request id (none without a Lambda context, as in tests). */
    public static void begin(String requestId) {
        MDC.clear();
        if (requestId != null && !requestId.isBlank()) {
            MDC.put(REQUEST_ID, requestId);
        }
    }

    /** The complaint the following lines are about. */
    public static void complaint(ComplaintKey key) {
        MDC.put(MAILING_ID, key.mailingId().value());
        MDC.put(COMPLAINT_ID, key.complaintId().value());
    }

    /** The following lines are about no complaint in particular: the next message of a batch, say. */
    public static void noComplaint() {
        MDC.remove(MAILING_ID);
        MDC.remove(COMPLAINT_ID);
    }

    /** Ends the invocation's context: nothing of it is left for the next. */
    public static void end() {
        MDC.clear();
    }
}
