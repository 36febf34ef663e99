package org.abusedesk.console;

/**
 * The console's pages: answers a request of a signed-in person. Sign-in, sign-out, the session, CSRF and
 * the write permission are the handler's, checked before a page is asked.
 */
public interface ConsolePages {

    ConsoleResponse answer(ConsoleRequest request);
}
