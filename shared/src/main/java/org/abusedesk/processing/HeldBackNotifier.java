package org.abusedesk.processing;

/** Tells the abuse team, in one digest, what the mail budget held back. */
public interface HeldBackNotifier {

    /** Sends the digest; throws when it could not be handed over. */
    void notify(HeldBack heldBack);
}
