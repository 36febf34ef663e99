package org.abusedesk.inbound;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.james.mime4j.dom.address.Address;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.stream.ParserCursor;
import org.apache.james.mime4j.util.ByteSequence;
import org.apache.james.mime4j.util.ContentUtil;

/**
 * The one mailbox of a mail's {@code From:} field, the only address the desk may ever write back to, or none.
 *
 * <p>Parsed from the raw value: an encoded word can only ever be part of a display name, so decoding before parsing
 * would let {@code =?utf-8?q?victim=40example.org?= <attacker@evil.example>} name the victim. Rejected, as
 * ambiguous or unusable: more than one {@code From:} field, a group, more than one mailbox, a source route, a
 * local part that is not a plain dot-atom (a quoted {@code "victim@example.org"} included), a domain without a dot
 * or as a literal, control characters, and addresses longer than 254 characters (RFC 5321's limit for a path).
 */
public final class FromAddress {

    /** A From: field longer than this is no person's; checked before the parser sees it. */
    static final int MAX_FIELD_LENGTH = 2_000;

    static final int MAX_ADDRESS_LENGTH = 254;

    private FromAddress() {}

    /** @param fieldValues the values of all {@code From:} fields of the mail, unfolded, not decoded */
    public static Optional<Mailbox> of(List<String> fieldValues) {
        return fieldValues.size() == 1 ? parse(fieldValues.get(0)) : Optional.empty();
    }

    /** @param rawValue one {@code From:} field's value, unfolded, not decoded */
    public static Optional<Mailbox> parse(String rawValue) {
        if (rawValue.length() > MAX_FIELD_LENGTH || hasControlCharacter(rawValue)) {
            return Optional.empty();
        }
        AddressList list;
        try {
            // As UTF-8 bytes with their own length: the String overload counts chars and cuts non-ASCII addresses
            // short (jörg@bücher.example became jörg@bücher.exam), which would aim at another domain.
            ByteSequence bytes = ContentUtil.encode(StandardCharsets.UTF_8, rawValue);
            list = LenientAddressParser.DEFAULT.parseAddressList(bytes, new ParserCursor(0, bytes.length()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (list.size() != 1) {
            return Optional.empty();
        }
        Address only = list.get(0);
        if (!(only instanceof Mailbox mailbox)) {
            return Optional.empty();
        }
        return usable(mailbox) ? Optional.of(mailbox) : Optional.empty();
    }

    private static boolean usable(Mailbox mailbox) {
        String local = mailbox.getLocalPart();
        String domain = mailbox.getDomain();
        return (mailbox.getRoute() == null || mailbox.getRoute().isEmpty())
                && local != null
                && domain != null
                && local.length() + 1 + domain.length() <= MAX_ADDRESS_LENGTH
                && isDotAtom(local)
                && isDomain(domain);
    }

    /** RFC 5322 atext and dots, no empty atom; non-ASCII allowed, as for internationalised addresses (RFC 6531). */
    private static boolean isDotAtom(String text) {
        if (text.isEmpty() || text.startsWith(".") || text.endsWith(".") || text.contains("..")) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean atext = c >= 0x80
                    || (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "!#$%&'*+-/=?^_`{|}~.".indexOf(c) >= 0;
            if (!atext) {
                return false;
            }
        }
        return true;
    }

    /** Labels of letters, digits and hyphens (or non-ASCII, for IDN), at least two of them: no literal, no bare host. */
    private static boolean isDomain(String domain) {
        if (domain.isEmpty()
                || domain.indexOf('.') < 0
                || domain.startsWith(".")
                || domain.endsWith(".")
                || domain.contains("..")) {
            return false;
        }
        for (int i = 0; i < domain.length(); i++) {
            char c = domain.charAt(i);
            boolean ok = c >= 0x80
                    || (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Any C0 control but the tab folding leaves, DEL, or a C1 control. */
    private static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || (c >= 0x7f && c < 0xa0)) {
                return true;
            }
        }
        return false;
    }
}
