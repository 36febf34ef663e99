package org.abusedesk.cases;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stored raw mail in memory, by location; remembers what was deleted. */
public final class InMemoryStoredEvidence implements StoredEvidence {

    private final Map<String, byte[]> mails = new HashMap<>();
    private final List<String> deleted = new ArrayList<>();

    public synchronized void put(String location, byte[] mail) {
        mails.put(location, mail.clone());
    }

    @Override
    public synchronized Optional<byte[]> read(String location, long maxBytes) {
        return Optional.ofNullable(mails.get(location))
                .map(mail -> Arrays.copyOf(mail, (int) Math.min(mail.length, maxBytes)));
    }

    @Override
    public synchronized void delete(String location) {
        if (mails.remove(location) != null) {
            deleted.add(location);
        }
    }

    public synchronized boolean holds(String location) {
        return mails.containsKey(location);
    }

    /** The locations deleted, in order; deleting what was gone already is not listed. */
    public synchronized List<String> deleted() {
        return List.copyOf(deleted);
    }
}
