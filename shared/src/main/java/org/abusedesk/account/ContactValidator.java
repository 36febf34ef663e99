package org.abusedesk.account;

import java.util.Locale;
import org.abusedesk.complaint.Language;
import org.abusedesk.request.RequestFields;

/**
 * Checks an account's contact field by field, for the single request and each row of an import alike, and names
 * every field that is wrong.
 */
public final class ContactValidator {

    public static final int MAX_EMAIL_CHARS = ContactAddress.MAX_CHARS;
    public static final int MAX_NAME_CHARS = 200;
    public static final String NOT_A_LANGUAGE = "must be de or en";
    /** The address is a list of more than one, or a group. */
    public static final String EMAIL_NOT_ONE = ContactAddress.NOT_ONE;

    public static final String EMAIL_DISPLAY_NAME = ContactAddress.DISPLAY_NAME;

    private ContactValidator() {}

    /** @throws org.abusedesk.request.InvalidRequestException naming each field that cannot be accepted */
    public static AccountContactEntry validate(AccountContactRequest request) {
        var fields = new RequestFields();
        String accountId = fields.required("accountId", request.accountId(), AccountId.MAX_LENGTH);
        String email = fields.required("email", request.email(), MAX_EMAIL_CHARS);
        if (email != null) {
            ContactAddress.problem(email).ifPresent(problem -> fields.add("email", problem));
        }
        String name = fields.required("name", request.name(), MAX_NAME_CHARS);
        String languageText = fields.required("language", request.language(), 8);
        Language language = languageText == null ? null : language(languageText);
        if (languageText != null && language == null) {
            fields.add("language", NOT_A_LANGUAGE);
        }
        fields.throwIfAny();
        return new AccountContactEntry(new AccountId(accountId), new AccountContact(email, name, language));
    }

    private static Language language(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "de" -> Language.DE;
            case "en" -> Language.EN;
            default -> null;
        };
    }
}
