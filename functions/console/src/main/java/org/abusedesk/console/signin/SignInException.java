package org.abusedesk.console.signin;

/** A sign-in that cannot be completed: the message says why in words that name no token and no person. */
public final class SignInException extends Exception {

    public SignInException(String reason) {
        super(reason);
    }

    public SignInException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
