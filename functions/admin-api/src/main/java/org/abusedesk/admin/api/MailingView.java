package org.abusedesk.admin.api;

import org.abusedesk.registration.Mailing;

/** A mailing's registration and its complaint counters: the document's {@code Mailing}. */
record MailingView(
        String mailingId,
        String accountId,
        Long recipients,
        String sentAt,
        String subject,
        String sender,
        String optInEvidence,
        long complaints,
        long verifiedComplaints) {

    static MailingView of(Mailing mailing) {
        return new MailingView(
                mailing.id().value(),
                mailing.accountId().value(),
                mailing.recipients().isPresent() ? mailing.recipients().getAsLong() : null,
                mailing.sentAt().toString(),
                mailing.subject().orElse(null),
                mailing.sender().orElse(null),
                mailing.optInEvidence().orElse(null),
                mailing.complaints(),
                mailing.verifiedComplaints());
    }
}
