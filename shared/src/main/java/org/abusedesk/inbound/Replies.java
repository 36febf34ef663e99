package org.abusedesk.inbound;

/** The sending customers' answers to the desk's notices, which are no complaints. */
public interface Replies {

    /**
     * Takes the mail in as a reply, if it is one.
     *
     * @return whether it was a reply (taken in now, or before): then no complaint is to be made of it
     */
    boolean take(ReceivedMail received, ParsedMail mail);
}
