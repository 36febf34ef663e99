package org.abusedesk.outgoing;

import java.util.List;
import org.abusedesk.processing.HeldBack;

/** What the digest templates show: the window, how many complaints it held back, and on which mailings. */
public record DigestView(
        String subject, String windowStart, String windowEnd, String held, List<String> mailingIds, String unnamed) {

    public static DigestView of(HeldBack heldBack) {
        String held = heldBack.complaints() + (heldBack.complaints() == 1 ? " complaint" : " complaints");
        return new DigestView(
                "[DIGEST] " + held + " held back by the team mail budget, "
                        + NotificationView.TIME.format(heldBack.windowStart()),
                NotificationView.TIME.format(heldBack.windowStart()),
                NotificationView.TIME.format(heldBack.windowEnd()),
                held,
                heldBack.mailingIds().stream()
                        .map(id -> "Mailing " + PlainText.oneLine(id))
                        .toList(),
                heldBack.unnamed() == 0 ? "" : "and " + heldBack.unnamed() + " on other mailings");
    }
}
