package org.abusedesk.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.cases.CaseFiles;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.inbound.ParsedMail;
import org.abusedesk.inbound.ReceiveMail;
import org.abusedesk.inbound.ReceivedMail;
import org.abusedesk.inbound.Replies;
import org.abusedesk.thread.CaseThreads;
import org.abusedesk.thread.ReplyAddress;
import org.abusedesk.thread.ThreadEntry;
import org.apache.james.mime4j.dom.address.Address;
import org.apache.james.mime4j.dom.address.Group;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes in a sending customer's answer to a notice: a mail to a notice's Reply-To whose label verifies. It goes into
 * its case's thread, is never counted and never acknowledged, moves a waiting case back to open, and the abuse team
 * is told that it arrived: through the complaints queue, as the processor sends the desk's mail. A label that does not verify, or whose case is gone, makes the mail an ordinary one.
 */
public final class ReceiveReply implements Replies {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiveReply.class);
    /** Longer To: or Cc: fields are not parsed for a reply address: a notice's reply names one or two. */
    private static final int MAX_FIELD_CHARS = 4_000;

    private static final int MAX_ADDRESSES = 50;
    /** The replies a case keeps in its thread; what comes after them is recorded as received, and kept raw. */
    static final int MAX_REPLIES = 100;

    private final ReplyAddress replies;
    private final CaseThreads threads;
    private final CaseFiles files;
    private final ReplyAlerts alerts;
    private final Clock clock;

    public ReceiveReply(ReplyAddress replies, CaseThreads threads, CaseFiles files, ReplyAlerts alerts, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.replies = Objects.requireNonNull(replies, "replies == null");
        this.threads = Objects.requireNonNull(threads, "threads == null");
        this.files = Objects.requireNonNull(files, "files == null");
        this.alerts = Objects.requireNonNull(alerts, "alerts == null");
    }

    /**
     * Takes the mail in as a reply, if it is one.
     *
     * @return whether it was a reply (taken in now, or before): then no complaint is to be made of it
     */
    @Override
    public boolean take(ReceivedMail received, ParsedMail mail) {
        var now = clock.instant();
        var answered = answeredCase(received, mail, now);
        if (answered.isEmpty()) {
            return false;
        }
        var key = answered.get();
        var file = files.find(key, now);
        if (file.isEmpty()) {
            return false;
        }
        boolean automatic = mail.classification() == Classification.AUTO_REPLY
                || mail.headers()
                        .first("Auto-Submitted")
                        .map(value -> !value.strip().toLowerCase(Locale.ROOT).startsWith("no"))
                        .orElse(false);
        String text = mail.typed().isBlank() ? mail.subject() : mail.typed();
        var entry = new ThreadEntry(
                // Of the receipt, so that a redelivered event writes the same entry; of the arrival, so that it sorts
                // after the notice it answers.
                ReceiveMail.complaintId(received.receiptId(), 0, received.receivedAt())
                        .value(),
                key,
                ThreadEntry.Kind.REPLY,
                received.receivedAt(),
                Optional.empty(),
                mail.senderAddress().orElse(""),
                mail.subject(),
                text,
                Optional.empty(),
                Optional.of(received.receiptId()),
                automatic);
        var expiresAt = file.get().complaint().expiresAt();
        long replies = threads.of(key, now).stream()
                .filter(e -> e.kind() == ThreadEntry.Kind.REPLY)
                .count();
        if (replies >= MAX_REPLIES) {
            // A flood to one valid reply address must not grow the case without bound: the mail stays stored raw.
            if (threads.receipt(received.receiptId(), key, expiresAt)) {
                LOG.warn(
                        "customer reply not kept, the case has {} replies: mailingId={} complaintId={}",
                        MAX_REPLIES,
                        key.mailingId(),
                        key.complaintId());
            }
            return true;
        }
        if (!threads.add(entry, expiresAt)) {
            return true; // taken in before: a redelivered event, or the reconciler's second look
        }
        LOG.info(
                "customer reply taken in: mailingId={} complaintId={} automatic={}",
                key.mailingId(),
                key.complaintId(),
                automatic);
        if (automatic) {
            return true; // an out-of-office answers nothing: the case keeps waiting
        }
        files.answered(key);
        try {
            alerts.arrived(key, entry.id());
        } catch (RuntimeException e) {
            // The reply is in the thread, and the case open again: the queue shows it without the mail.
            LOG.warn("reply alert not queued: mailingId={} complaintId={}", key.mailingId(), key.complaintId(), e);
        }
        return true;
    }

    private Optional<ComplaintKey> answeredCase(ReceivedMail received, ParsedMail mail, Instant now) {
        for (String recipient : recipients(received, mail)) {
            var entry = replies.entryOf(recipient, now);
            if (entry.isPresent()) {
                var key = threads.caseOf(entry.get(), now);
                if (key.isPresent()) {
                    return key;
                }
            }
        }
        return Optional.empty();
    }

    /** The envelope's recipients, else those of To: and Cc: (a stored mail taken in without its event). */
    static List<String> recipients(ReceivedMail received, ParsedMail mail) {
        if (!received.recipients().isEmpty()) {
            return received.recipients();
        }
        var found = new ArrayList<String>();
        for (String name : List.of("To", "Cc")) {
            for (String value : mail.headers().all(name)) {
                if (value.length() > MAX_FIELD_CHARS) {
                    continue;
                }
                for (Address address : LenientAddressParser.DEFAULT.parseAddressList(value)) {
                    if (address instanceof Mailbox mailbox) {
                        found.add(mailbox.getAddress());
                    } else if (address instanceof Group group) {
                        group.getMailboxes().forEach(member -> found.add(member.getAddress()));
                    }
                    if (found.size() >= MAX_ADDRESSES) {
                        return found;
                    }
                }
            }
        }
        return found;
    }
}
