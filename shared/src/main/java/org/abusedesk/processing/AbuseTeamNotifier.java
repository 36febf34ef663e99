package org.abusedesk.processing;

/** Tells the abuse team about complaints. */
public interface AbuseTeamNotifier {

    /** Sends the notification; throws when it could not be handed over, so that the complaints are retried. */
    void notify(Notification notification);
}
