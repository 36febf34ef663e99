package org.abusedesk.evidence;

/** The evidence endpoint's answer does not follow the schema; the message names the field, never a value. */
public final class MalformedAnswerException extends RuntimeException {

    public MalformedAnswerException(String reason) {
        super(reason);
    }
}
