package org.abusedesk.delivery;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.ArrayList;
import org.abusedesk.aws.Invocation;
import org.abusedesk.config.Environment;
import org.abusedesk.snapstart.SnapStart;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs each attempt of a batch, all at once, so that a slow endpoint holds up no other; a failed one comes back after
 * its backoff, and after the last of the schedule's attempts goes to the dead-letter queue.
 */
public final class WebhookAttemptHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookAttemptHandler.class);

    private final DeliverAttempt deliverAttempt;
    private final AttemptQueue attempts;
    private final RetrySchedule retries;

    /** Used by the Lambda runtime; primes the SnapStart snapshot and renews random sources after a restore. */
    public WebhookAttemptHandler() {
        this(DeliveryWiring.of(Environment.system()), Core.getGlobalContext());
    }

    /** With its collaborators, and its SnapStart hooks registered in {@code checkpoints}. */
    public WebhookAttemptHandler(DeliveryWiring wiring, org.crac.Context<Resource> checkpoints) {
        this.deliverAttempt = wiring.deliverAttempt();
        this.attempts = wiring.attempts();
        this.retries = wiring.retries();
        SnapStart.register(checkpoints, wiring.priming());
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return Invocation.answer(context, () -> handle(event));
    }

    private SQSBatchResponse handle(SQSEvent event) {
        var tried = AllAtOnce.run(event, this::attempt);
        // Logged and backed off here, on the invocation's thread, whose log context names the request.
        var failures = new ArrayList<SQSBatchResponse.BatchItemFailure>();
        for (var attempt : tried) {
            if (answered(attempt)) {
                continue;
            }
            failures.add(new SQSBatchResponse.BatchItemFailure(attempt.message().getMessageId()));
        }
        return new SQSBatchResponse(failures);
    }

    /** One message's attempt: the webhook's ID and endpoint (unknown when the message is no attempt), and its result. */
    private record Tried(SQSEvent.SQSMessage message, String webhookId, int endpoint, DeliverAttempt.Result result) {}

    /** Runs on a thread of its own: parses and POSTs, and nothing else. */
    private Tried attempt(SQSEvent.SQSMessage message) throws InterruptedException {
        Attempt attempt;
        try {
            attempt = Attempt.parse(message.getBody());
        } catch (RuntimeException e) {
            return new Tried(
                    message, "?", -1, new DeliverAttempt.Result(DeliverAttempt.Outcome.FAILED, e.getMessage()));
        }
        return new Tried(message, attempt.webhookId(), attempt.endpoint(), deliverAttempt.deliver(attempt));
    }

    /** Whether the attempt is done with (delivered or dropped); if not, sets its backoff. */
    private boolean answered(Tried tried) {
        int receiveCount = ReceiveCount.of(tried.message());
        var result = tried.result();
        if (result.outcome() != DeliverAttempt.Outcome.FAILED) {
            LOG.info(
                    "webhook {}: webhookId={} endpoint={} attempt={} {}",
                    result.outcome(),
                    tried.webhookId(),
                    tried.endpoint(),
                    receiveCount,
                    result.reason());
            return true;
        }
        // After the last attempt no backoff: the next receive, at once, moves it to the dead-letter queue.
        boolean last = receiveCount >= retries.attempts();
        var delay = last ? Duration.ZERO : retries.delayAfter(receiveCount);
        LOG.warn(
                "webhook failed, {}: webhookId={} endpoint={} attempt={} {}",
                last ? "its last attempt: to the dead-letter queue" : "retried in " + delay,
                tried.webhookId(),
                tried.endpoint(),
                receiveCount,
                result.reason());
        try {
            attempts.retryAfter(tried.message().getReceiptHandle(), delay);
        } catch (RuntimeException e) {
            // It still comes back, after the queue's visibility timeout instead of its backoff.
            LOG.warn("backoff not set: webhookId={} {}", tried.webhookId(), e.toString());
        }
        return false;
    }
}
