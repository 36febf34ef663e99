package org.abusedesk.processor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import org.abusedesk.aws.Invocation;
import org.abusedesk.config.Environment;
import org.abusedesk.conversation.TellTeamOfReply;
import org.abusedesk.logging.LogContext;
import org.abusedesk.processing.ProcessComplaint;
import org.abusedesk.snapstart.SnapStart;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Processes a batch of queued complaints; reports each one that failed, so that only those come back. */
public final class ComplaintProcessorHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(ComplaintProcessorHandler.class);
    /**
     * The time a complaint may take at worst (reads, a transaction, two mails, the SDK's retries): with less left,
     * the rest of the batch is handed back unstarted rather than cut off by the function's timeout, which would
     * return the whole batch, finished messages included, only after the queue's visibility timeout.
     */
    static final int MILLIS_PER_COMPLAINT = 10_000;

    private final ProcessComplaint processComplaint;
    private final Optional<TellTeamOfReply> tellTeamOfReply;

    /** Used by the Lambda runtime; primes the SnapStart snapshot and renews random sources after a restore. */
    public ComplaintProcessorHandler() {
        this(ProcessorWiring.of(Environment.system()), Core.getGlobalContext());
    }

    /** With its collaborators, and its SnapStart hooks registered in {@code checkpoints}. */
    public ComplaintProcessorHandler(ProcessorWiring wiring, org.crac.Context<Resource> checkpoints) {
        this.processComplaint = wiring.processComplaint();
        this.tellTeamOfReply = wiring.tellTeamOfReply();
        SnapStart.register(checkpoints, wiring.priming());
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return Invocation.answer(context, () -> handle(event, context));
    }

    private SQSBatchResponse handle(SQSEvent event, Context context) {
        var failures = new ArrayList<SQSBatchResponse.BatchItemFailure>();
        for (var message : event.getRecords()) {
            String messageId = message.getMessageId();
            if (messageId == null || messageId.isBlank()) {
                // A failure cannot name this message; failing the whole batch is the only way not to lose it.
                throw new IllegalArgumentException("SQS message without a message id");
            }
            if (context != null && context.getRemainingTimeInMillis() < MILLIS_PER_COMPLAINT) {
                LOG.warn("complaint not started, too little time left, will be retried: messageId={}", messageId);
                failures.add(new SQSBatchResponse.BatchItemFailure(messageId));
                continue;
            }
            try {
                var parsed = QueueMessage.parse(message.getBody());
                var key = parsed.key();
                LogContext.complaint(key);
                if (parsed.replyEntry().isPresent()) {
                    boolean told = tellTeamOfReply
                            .map(team -> team.tell(key, Instant.now()))
                            .orElse(false);
                    LOG.info(
                            "customer reply announced: mailingId={} complaintId={} told={}",
                            key.mailingId(),
                            key.complaintId(),
                            told);
                    continue;
                }
                var outcome = processComplaint.process(key);
                LOG.info(
                        "complaint processed: mailingId={} complaintId={} outcome={}",
                        key.mailingId(),
                        key.complaintId(),
                        outcome);
            } catch (RuntimeException e) {
                LOG.warn("complaint not processed, will be retried: messageId={}", messageId, e);
                failures.add(new SQSBatchResponse.BatchItemFailure(messageId));
            } finally {
                LogContext.noComplaint();
            }
        }
        return new SQSBatchResponse(failures);
    }
}
