package org.abusedesk.paging;

/** A cursor this desk did not give out, or one for another listing: the caller starts over. */
public final class InvalidCursorException extends RuntimeException {

    public InvalidCursorException(String reason) {
        super("invalid cursor: " + reason);
    }
}
