package org.abusedesk.delivery;

import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.abusedesk.evidence.EvidencePlatform;
import org.abusedesk.evidence.EvidenceRequest;
import org.abusedesk.evidence.MalformedAnswerException;
import org.abusedesk.evidence.OptInEvidence.Answer;
import org.abusedesk.evidence.OptInEvidence.Status;
import org.abusedesk.evidence.OptInRecord;
import org.abusedesk.webhooks.WebhookSignature;

/**
 * The platform's evidence endpoint over HTTP: each request signed as a webhook is, no redirect followed, and the whole
 * exchange, answer included, held to one deadline, so that an endpoint that trickles its answer stalls nothing.
 */
public final class HttpEvidencePlatform implements EvidencePlatform {

    /** How long the endpoint has to connect, and then to answer in full. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final WebhookEndpoint endpoint;
    private final EndpointSecrets secrets;
    private final Clock clock;
    private final Duration timeout;
    private final HttpClient http;

    public HttpEvidencePlatform(WebhookEndpoint endpoint, EndpointSecrets secrets, Clock clock, Duration timeout) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint == null");
        this.secrets = Objects.requireNonNull(secrets, "secrets == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.timeout = Objects.requireNonNull(timeout, "timeout == null");
        this.http = HttpWebhookTransport.client(timeout);
    }

    @Override
    public Answer ask(EvidenceRequest question) throws InterruptedException {
        WebhookSignature signature;
        try {
            signature =
                    new WebhookSignature(secrets.of(endpoint.secretArn()), WebhookSignature.DEFAULT_TOLERANCE, clock);
        } catch (RuntimeException e) {
            return Answer.of(Status.ENDPOINT_ERROR, "no secret to sign with: " + e.getMessage());
        }
        byte[] body = question.json();
        var request = HttpRequest.newBuilder(endpoint.url())
                .timeout(timeout)
                .header("content-type", "application/json")
                .header("accept", "application/json")
                .header("user-agent", "abuse-desk-evidence/1");
        signature.sign(question.id(), clock.instant(), body).asMap().forEach(request::header);
        var exchange = http.sendAsync(
                request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                info -> new CappedBody(OptInRecord.MAX_ANSWER_BYTES));
        HttpResponse<byte[]> response;
        try {
            // Connecting, then the status and every byte of the answer, within twice the timeout at most.
            response = exchange.get(timeout.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return Answer.of(Status.NO_ANSWER, "no answer in time");
        } catch (ExecutionException e) {
            var cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                return Answer.of(Status.NO_ANSWER, "no answer in time");
            }
            if (cause instanceof AnswerTooLong) {
                return Answer.of(Status.MALFORMED, "answer longer than " + OptInRecord.MAX_ANSWER_BYTES + " bytes");
            }
            return Answer.of(
                    Status.NO_ANSWER,
                    cause instanceof ConnectException
                            ? "no connection"
                            : "no answer: " + cause.getClass().getSimpleName());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        }
        int status = response.statusCode();
        if (status == 404) {
            return Answer.of(Status.NO_RECORD, "status 404");
        }
        if (status != 200) {
            return Answer.of(Status.ENDPOINT_ERROR, "status " + status);
        }
        try {
            return Answer.found(OptInRecord.parse(response.body()));
        } catch (MalformedAnswerException e) {
            return Answer.of(Status.MALFORMED, e.getMessage());
        }
    }

    /** The answer grew beyond the cap: the exchange stops reading, and the answer is malformed. */
    private static final class AnswerTooLong extends RuntimeException {
        AnswerTooLong() {
            super("answer too long", null, false, false);
        }
    }

    /** Collects the answer up to a cap and cancels the exchange beyond it, so that no answer fills the memory. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final int cap;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedBody(int cap) {
            this.cap = cap;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (var buffer : buffers) {
                if (bytes.size() + buffer.remaining() > cap) {
                    subscription.cancel();
                    result.completeExceptionally(new AnswerTooLong());
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
