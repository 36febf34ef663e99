package org.abusedesk.complaint;

/** How a complaint reached the desk. */
public enum Channel {
    FORM,
    MAIL
}
