package org.abusedesk.outgoing;

/** Hands a composed mail over for sending. */
public interface Mailer {

    void send(OutgoingMail mail);
}
