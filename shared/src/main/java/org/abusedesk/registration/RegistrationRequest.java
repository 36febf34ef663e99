package org.abusedesk.registration;

/**
 * A mailing's registration as the sending platform hands it over, through the admin API or a row of an import file:
 * text, not yet checked. Null or blank is absent.
 *
 * @param recipients a whole number of 0 or more; absent when the platform has no recipient count
 * @param sentAt an ISO-8601 time with its offset, e.g. {@code 2025-11-20T09:30:00Z}
 * @param optInEvidence where the recipients' consent is documented: a text or a link
 */
public record RegistrationRequest(
        String mailingId,
        String accountId,
        String recipients,
        String sentAt,
        String subject,
        String sender,
        String optInEvidence) {}
