package org.abusedesk.registration;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.OptionalLong;
import org.abusedesk.account.AccountId;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.complaint.MailingIdFormat;
import org.abusedesk.request.RequestFields;

/** Checks a registration field by field and makes it a {@link Mailing}, or names every field that is wrong. */
final class RegistrationValidator {

    /** RFC 5322's limit on a line: a subject longer than this was never one mail's subject. */
    static final int MAX_SUBJECT_CHARS = 998;

    static final int MAX_SENDER_CHARS = 320;
    static final int MAX_OPT_IN_EVIDENCE_CHARS = 2_000;

    static final String NOT_A_COUNT = "must be a whole number of 0 or more";
    /** Times beyond four-digit years are typing errors, and some would not fit epoch milliseconds. */
    private static final Instant LAST_TIME = Instant.parse("9999-12-31T23:59:59.999Z");

    static final String NOT_A_TIME = "must be an ISO-8601 time with its offset, e.g. 2025-11-20T09:30:00Z";

    private final MailingIdFormat mailingIdFormat;

    RegistrationValidator(MailingIdFormat mailingIdFormat) {
        this.mailingIdFormat = Objects.requireNonNull(mailingIdFormat, "mailingIdFormat == null");
    }

    /** @throws org.abusedesk.request.InvalidRequestException naming each field that cannot be accepted */
    Mailing validate(RegistrationRequest request) {
        var fields = new RequestFields();
        String mailingId = fields.required("mailingId", request.mailingId(), MailingId.MAX_LENGTH);
        if (mailingId != null && !mailingIdFormat.matches(mailingId)) {
            fields.add("mailingId", "is not a valid Mailing ID");
        } else if (MailingId.UNATTRIBUTED.value().equals(mailingId)) {
            // Its counters are those of every complaint no mailing could be found for.
            fields.add("mailingId", "is reserved for complaints whose mailing is unknown");
        }
        String accountId = fields.required("accountId", request.accountId(), AccountId.MAX_LENGTH);
        OptionalLong recipients = fields.optional("recipients", request.recipients(), 19)
                .map(text -> fields.parsed("recipients", text, RegistrationValidator::count, NOT_A_COUNT))
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
        String sentAtText = fields.required("sentAt", request.sentAt(), 64);
        Instant sentAt = sentAtText == null
                ? null
                : fields.parsed("sentAt", sentAtText, RegistrationValidator::instant, NOT_A_TIME);
        var subject = fields.optional("subject", request.subject(), MAX_SUBJECT_CHARS);
        var sender = fields.optional("sender", request.sender(), MAX_SENDER_CHARS);
        var optInEvidence = fields.optional("optInEvidence", request.optInEvidence(), MAX_OPT_IN_EVIDENCE_CHARS);
        fields.throwIfAny();
        return Mailing.registered(
                new MailingId(mailingId), new AccountId(accountId), recipients, sentAt, subject, sender, optInEvidence);
    }

    private static Long count(String text) {
        long value = Long.parseLong(text);
        if (value < 0 || text.startsWith("+")) {
            throw new IllegalArgumentException("not a plain count");
        }
        return value;
    }

    private static Instant instant(String text) {
        // Stored as epoch milliseconds: what is kept must be what compares equal when the same row comes again.
        var instant = DateTimeFormatter.ISO_OFFSET_DATE_TIME
                .parse(text, Instant::from)
                .truncatedTo(ChronoUnit.MILLIS);
        if (instant.isBefore(Instant.EPOCH) || instant.isAfter(LAST_TIME)) {
            throw new IllegalArgumentException("out of range");
        }
        return instant;
    }
}
