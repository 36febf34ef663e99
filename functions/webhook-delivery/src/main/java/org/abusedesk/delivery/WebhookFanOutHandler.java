package org.abusedesk.delivery;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import org.abusedesk.aws.Invocation;
import org.abusedesk.config.Environment;
import org.abusedesk.snapstart.SnapStart;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fans each event of the events queue out to the attempts queue; reports each one that failed, to come back. */
public final class WebhookFanOutHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookFanOutHandler.class);

    private final FanOut fanOut;

    /** Used by the Lambda runtime; primes the SnapStart snapshot and renews random sources after a restore. */
    public WebhookFanOutHandler() {
        this(DeliveryWiring.of(Environment.system()), Core.getGlobalContext());
    }

    /** With its collaborators, and its SnapStart hooks registered in {@code checkpoints}. */
    public WebhookFanOutHandler(DeliveryWiring wiring, org.crac.Context<Resource> checkpoints) {
        this.fanOut = wiring.fanOut();
        SnapStart.register(checkpoints, wiring.priming());
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return Invocation.answer(context, () -> handle(event));
    }

    private SQSBatchResponse handle(SQSEvent event) {
        var failures = new ArrayList<SQSBatchResponse.BatchItemFailure>();
        for (var message : event.getRecords()) {
            String messageId = message.getMessageId();
            if (messageId == null || messageId.isBlank()) {
                // A failure cannot name this message; failing the whole batch is the only way not to lose it.
                throw new IllegalArgumentException("SQS message without a message id");
            }
            try {
                var busEvent = BusEvent.parse(message.getBody());
                var attempts = fanOut.fanOut(busEvent);
                LOG.info(
                        "event fanned out: eventId={} type={} attempts={}",
                        busEvent.id(),
                        busEvent.type(),
                        attempts.size());
            } catch (RuntimeException e) {
                LOG.warn("event not fanned out, will be retried: messageId={}", messageId, e);
                failures.add(new SQSBatchResponse.BatchItemFailure(messageId));
            }
        }
        return new SQSBatchResponse(failures);
    }
}
