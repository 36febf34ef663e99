package org.abusedesk.delivery;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.ArrayList;
import org.abusedesk.aws.Invocation;
import org.abusedesk.cases.FetchOptInEvidence;
import org.abusedesk.cases.FetchOptInEvidence.Outcome;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.config.Environment;
import org.abusedesk.snapstart.SnapStart;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the platform for the opt-in record of each complaint counted, the {@code ComplaintCounted} events of a batch at
 * once; an answer that is none, an error or malformed is kept as such and asked again after its backoff, and after the
 * schedule's last attempt the event goes to the dead-letter queue.
 */
public final class EvidenceFetchHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceFetchHandler.class);

    private final FetchOptInEvidence fetch;
    private final AttemptQueue requests;
    private final RetrySchedule retries;

    /** Used by the Lambda runtime; primes the SnapStart snapshot and renews random sources after a restore. */
    public EvidenceFetchHandler() {
        this(EvidenceWiring.of(Environment.system()), Core.getGlobalContext());
    }

    /** With its collaborators, and its SnapStart hooks registered in {@code checkpoints}. */
    public EvidenceFetchHandler(EvidenceWiring wiring, org.crac.Context<Resource> checkpoints) {
        this.fetch = wiring.fetch();
        this.requests = wiring.requests();
        this.retries = wiring.retries();
        SnapStart.register(checkpoints, wiring.priming());
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return Invocation.answer(context, () -> handle(event));
    }

    private SQSBatchResponse handle(SQSEvent event) {
        var asked = AllAtOnce.run(event, this::ask);
        var failures = new ArrayList<SQSBatchResponse.BatchItemFailure>();
        for (var one : asked) {
            if (!done(one)) {
                failures.add(new SQSBatchResponse.BatchItemFailure(one.message().getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    /** One message's question: the complaint's key (null when the message names none) and what became of it. */
    private record Asked(
            SQSEvent.SQSMessage message, ComplaintKey key, FetchOptInEvidence.Result result, String error) {}

    /** Runs on a thread of its own: reads the event and asks, and nothing else. */
    private Asked ask(SQSEvent.SQSMessage message) throws InterruptedException {
        ComplaintKey key;
        try {
            var data = BusEvent.parse(message.getBody()).data();
            key = ComplaintKey.of(
                    data.path("mailingId").asText(""), data.path("complaintId").asText(""));
        } catch (RuntimeException e) {
            return new Asked(message, null, null, "not a ComplaintCounted event: " + e.getMessage());
        }
        try {
            return new Asked(message, key, fetch.fetch(key, ReceiveCount.of(message)), null);
        } catch (RuntimeException e) {
            // The table or the queue failed, not the endpoint: the question comes back after the visibility timeout.
            return new Asked(message, key, null, e.getClass().getSimpleName());
        }
    }

    /** Whether the question is done with; if not, sets its backoff. */
    private boolean done(Asked asked) {
        int receiveCount = ReceiveCount.of(asked.message());
        if (asked.key() == null) {
            // Nothing names a complaint: asking again cannot help; dropped, and said so.
            LOG.warn(
                    "evidence request dropped: messageId={} {}", asked.message().getMessageId(), asked.error());
            return true;
        }
        String mailingId = asked.key().mailingId().value();
        String complaintId = asked.key().complaintId().value();
        if (asked.result() == null) {
            LOG.warn(
                    "evidence request failed, retried: mailingId={} complaintId={} attempt={} {}",
                    mailingId,
                    complaintId,
                    receiveCount,
                    asked.error());
            return false;
        }
        var result = asked.result();
        if (result.outcome() != Outcome.RETRY) {
            LOG.info(
                    "opt-in evidence {}: mailingId={} complaintId={} attempt={} status={} {}",
                    result.outcome(),
                    mailingId,
                    complaintId,
                    receiveCount,
                    result.status().map(Enum::name).orElse("-"),
                    result.reason());
            return true;
        }
        boolean last = receiveCount >= retries.attempts();
        var delay = last ? Duration.ZERO : retries.delayAfter(receiveCount);
        LOG.warn(
                "opt-in evidence not answered, {}: mailingId={} complaintId={} attempt={} status={} {}",
                last ? "its last attempt: to the dead-letter queue" : "asked again in " + delay,
                mailingId,
                complaintId,
                receiveCount,
                result.status().map(Enum::name).orElse("-"),
                result.reason());
        try {
            requests.retryAfter(asked.message().getReceiptHandle(), delay);
        } catch (RuntimeException e) {
            LOG.warn("backoff not set: complaintId={} {}", complaintId, e.toString());
        }
        return false;
    }
}
