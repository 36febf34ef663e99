package org.abusedesk.snapstart;

/**
 * What a function does before SnapStart takes its snapshot, so that its first event finds every class loaded and
 * every client warm. Priming changes nothing: it writes no item, object or message, and sends no mail.
 */
@FunctionalInterface
public interface Priming {

    void prime();

    /**
     * Runs a request whose only purpose is to warm its SDK client. It may well fail (no such key, not allowed), and
     * that changes nothing: the client is warm either way.
     */
    static void warm(Runnable request) {
        try {
            request.run();
        } catch (RuntimeException e) {
            // Expected for a key that does not exist; any other failure is the first real request's to meet.
        }
    }
}
