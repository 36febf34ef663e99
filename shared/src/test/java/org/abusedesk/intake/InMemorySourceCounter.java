package org.abusedesk.intake;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Each source's recent complaints in memory, with the same sliding log as the DynamoDB adapter, for tests. */
public final class InMemorySourceCounter implements SourceCounter {

    private final SourceLimit limit;
    private final Map<SourceKey, SubmissionLog> logs = new HashMap<>();

    public InMemorySourceCounter(SourceLimit limit) {
        this.limit = limit;
    }

    @Override
    public synchronized Admission admit(SourceKey source, Instant now) {
        var decision = logs.getOrDefault(source, SubmissionLog.EMPTY).admit(now, limit);
        logs.put(source, decision.log());
        return decision.admission();
    }
}
