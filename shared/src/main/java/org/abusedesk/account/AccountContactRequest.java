package org.abusedesk.account;

/**
 * An account's contact as the sending platform or a person hands it over, through the admin API, the console or a row
 * of an import file: text, not yet checked. Null or blank is absent.
 *
 * @param email one mail address, nothing else
 * @param language {@code de} or {@code en}
 */
public record AccountContactRequest(String accountId, String email, String name, String language) {}
