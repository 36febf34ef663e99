package org.abusedesk.account;

import java.util.Optional;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.DefaultAddressParser;
import org.apache.james.mime4j.field.address.ParseException;

/**
 * A contact's mail address, checked to be one bare mailbox as the desk's outgoing mail will parse it: no display
 * name, no second address, no group, no comment, no source route, no quoted local part, no domain literal, no line
 * break. Notices go to it, so what is stored must be what a mail header carries unchanged.
 */
final class ContactAddress {

    /** RFC 5321's limit on a path; checked before the parser sees the text. */
    static final int MAX_CHARS = 254;

    /** The address is a list: a comma, a semicolon or a group takes the notice to more than one mailbox. */
    static final String NOT_ONE = "must be one mail address";

    static final String DISPLAY_NAME = "must be the address alone, without a display name";
    static final String NOT_AN_ADDRESS = "is not a mail address";

    private ContactAddress() {}

    /** Why the text is not one bare mailbox address, or empty when it is one. */
    static Optional<String> problem(String text) {
        if (text.length() > MAX_CHARS) {
            return Optional.of("must be at most " + MAX_CHARS + " characters");
        }
        // A bare address has neither; the strict parser refuses a semicolon outside a group as malformed instead.
        if (text.indexOf(',') >= 0 || text.indexOf(';') >= 0) {
            return Optional.of(NOT_ONE);
        }
        AddressList list;
        try {
            // The strict parser the desk's outgoing mail reads its recipients with: what it takes, a notice reaches.
            list = DefaultAddressParser.DEFAULT.parseAddressList(text);
        } catch (ParseException | RuntimeException e) {
            return Optional.of(NOT_AN_ADDRESS);
        }
        if (list == null || list.size() != 1 || !(list.get(0) instanceof Mailbox mailbox)) {
            return Optional.of(NOT_ONE);
        }
        if (mailbox.getName() != null || text.indexOf('<') >= 0) {
            return Optional.of(DISPLAY_NAME);
        }
        // The parser drops comments and whitespace: only an address that is its own canonical form is taken as is.
        if ((mailbox.getRoute() != null && !mailbox.getRoute().isEmpty())
                || !text.equals(mailbox.getAddress())
                || !isDotAtom(mailbox.getLocalPart())
                || !isDomain(mailbox.getDomain())) {
            return Optional.of(NOT_AN_ADDRESS);
        }
        return Optional.empty();
    }

    /** RFC 5322 atext and dots, no empty atom; non-ASCII allowed, as for internationalised addresses (RFC 6531). */
    private static boolean isDotAtom(String text) {
        if (text == null || text.isEmpty() || text.startsWith(".") || text.endsWith(".") || text.contains("..")) {
            return false;
        }
        return text.chars()
                .allMatch(c -> c >= 0x80
                        || (c >= 'a' && c <= 'z')
                        || (c >= 'A' && c <= 'Z')
                        || (c >= '0' && c <= '9')
                        || "!#$%&'*+-/=?^_`{|}~.".indexOf(c) >= 0);
    }

    /** Labels of letters, digits and hyphens (or non-ASCII, for IDN), at least two of them: no literal, no bare host. */
    private static boolean isDomain(String domain) {
        if (domain == null
                || domain.indexOf('.') < 0
                || domain.startsWith(".")
                || domain.endsWith(".")
                || domain.contains("..")) {
            return false;
        }
        return domain.chars()
                .allMatch(c -> c >= 0x80
                        || (c >= 'a' && c <= 'z')
                        || (c >= 'A' && c <= 'Z')
                        || (c >= '0' && c <= '9')
                        || c == '-'
                        || c == '.');
    }
}
