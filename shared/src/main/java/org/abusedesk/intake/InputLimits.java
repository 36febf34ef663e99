package org.abusedesk.intake;

/** The limits on form input from the design brief. */
public final class InputLimits {

    public static final int MAX_BODY_BYTES = 32 * 1024;
    public static final int MAX_MESSAGE_CHARS = 5_000;
    public static final int MAX_NAME_CHARS = 200;
    public static final int MAX_MAILING_ID_CHARS = 64;
    /** RFC 5321's limit on a forward path, less the angle brackets. */
    public static final int MAX_EMAIL_CHARS = 254;

    private InputLimits() {}
}
