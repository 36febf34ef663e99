package org.abusedesk.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.outgoing.Mailer;
import org.abusedesk.outgoing.NotificationComposer;

/**
 * Mails the abuse team that the sending customer answered a case: where, never what. At most once per case and
 * hour, so that a customer who answers twenty times, or a flood to one valid reply address, is one mail.
 */
public final class TellTeamOfReply {

    private static final Duration QUIET = Duration.ofHours(1);

    private final NoticeClaims claims;
    private final NotificationComposer team;
    private final Mailer mailer;

    public TellTeamOfReply(NoticeClaims claims, NotificationComposer team, Mailer mailer) {
        this.claims = Objects.requireNonNull(claims, "claims == null");
        this.team = Objects.requireNonNull(team, "team == null");
        this.mailer = Objects.requireNonNull(mailer, "mailer == null");
    }

    /** @return whether the mail went out; false when this case's reply was told within the hour */
    public boolean tell(ComplaintKey key, Instant now) {
        long hour = now.getEpochSecond() / QUIET.toSeconds();
        String claim = "reply-alert#" + key.mailingId().value() + "#"
                + key.complaintId().value() + "#" + hour;
        if (!claims.claim(claim, now.plus(QUIET.multipliedBy(2)))) {
            return false;
        }
        mailer.send(team.replyArrived(key));
        return true;
    }
}
