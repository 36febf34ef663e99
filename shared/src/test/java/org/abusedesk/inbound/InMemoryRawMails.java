package org.abusedesk.inbound;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Received mail in memory, as the receiving server's store would hold it, for tests of what reads it. */
public final class InMemoryRawMails implements RawMails {

    private final Map<String, byte[]> mails = new HashMap<>();

    public synchronized void put(String receiptId, byte[] mail) {
        mails.put(receiptId, mail.clone());
    }

    @Override
    public synchronized RawMail fetch(String receiptId, long maxBytes) {
        byte[] mail = mails.get(receiptId);
        if (mail == null) {
            throw new MailNotFoundException(receiptId);
        }
        boolean truncated = mail.length > maxBytes;
        byte[] read = truncated ? Arrays.copyOf(mail, (int) maxBytes) : mail.clone();
        return new RawMail(read, truncated, "memory://" + receiptId);
    }
}
