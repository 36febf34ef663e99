package org.abusedesk.inbound;

/** Where the receiving server keeps received mail, raw, by its receipt id (SES's message id). */
public interface RawMails {

    /** A received mail, read up to a limit. */
    record RawMail(byte[] bytes, boolean truncated, String location) {

        public RawMail {
            java.util.Objects.requireNonNull(bytes, "bytes == null");
            java.util.Objects.requireNonNull(location, "location == null");
        }
    }

    /**
     * Reads at most {@code maxBytes} of the mail.
     *
     * @throws MailNotFoundException when no mail is stored under the id
     */
    RawMail fetch(String receiptId, long maxBytes);

    /** No mail is stored under the id (yet, or any more). */
    final class MailNotFoundException extends RuntimeException {

        public MailNotFoundException(String receiptId) {
            super("no mail stored under receipt id " + receiptId);
        }
    }
}
