package org.abusedesk.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Stands in for SES receiving: an SMTP server that takes mail for the receipt rule's recipients, stores it raw in
 * the rule's bucket under {@code <prefix><message id>} as the S3 action does, then invokes the rule's function
 * with the event SES sends (message id, headers, verdicts), asynchronously and retried twice as Lambda does. The
 * SPF, DKIM and DMARC verdicts come from {@link ReceiptChecks} where a DNS server is configured, else DISABLED.
 */
public final class SmtpReceiver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpReceiver.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** SES refuses larger mail. */
    private static final int MAX_MESSAGE_BYTES = 40 * 1000 * 1000;
    /** Lambda's retries of a failed asynchronous invocation (the template's MaximumRetryAttempts). */
    private static final int RETRIES = 2;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReceiptRuleDefinition rule;
    private final FunctionDefinition function;
    private final RequestStreamHandler handler;
    private final S3Client s3;
    private final ReceiptChecks checks;
    private final String region;
    private final SMTPServer server;
    private final ExecutorService invocations = Executors.newSingleThreadExecutor();

    public SmtpReceiver(
            String host,
            int port,
            ReceiptRuleDefinition rule,
            FunctionDefinition function,
            RequestStreamHandler handler,
            AwsEndpoint aws) {
        this(host, port, rule, function, handler, aws, ReceiptChecks.disabled());
    }

    /** With the SPF, DKIM and DMARC verdicts these checks give. */
    public SmtpReceiver(
            String host,
            int port,
            ReceiptRuleDefinition rule,
            FunctionDefinition function,
            RequestStreamHandler handler,
            AwsEndpoint aws,
            ReceiptChecks checks) {
        this.checks = java.util.Objects.requireNonNull(checks, "checks == null");
        this.rule = rule;
        this.function = function;
        this.handler = handler;
        this.s3 = aws.s3();
        this.region = aws.region().id();
        try {
            this.server = SMTPServer.port(port)
                    .bindAddress(InetAddress.getByName(host))
                    .hostName("inbound-smtp.local")
                    .maxMessageSize(MAX_MESSAGE_BYTES)
                    .messageHandlerFactory(Session::new)
                    .build();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot listen on " + host, e);
        }
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getPortAllocated();
    }

    public ReceiptRuleDefinition rule() {
        return rule;
    }

    @Override
    public void close() {
        server.stop();
        invocations.shutdown();
        try {
            invocations.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        s3.close();
    }

    /** One SMTP transaction. */
    private final class Session implements MessageHandler {

        private final MessageContext context;
        private String from = "";
        private final List<String> recipients = new ArrayList<>();

        Session(MessageContext context) {
            this.context = context;
        }

        @Override
        public void from(String address) {
            from = address == null ? "" : address;
        }

        @Override
        public void recipient(String address) throws RejectException {
            if (!rule.accepts(address)) {
                // SES answers an address no rule covers like this.
                throw new RejectException(550, "5.1.1 Mailbox does not exist");
            }
            recipients.add(address);
        }

        @Override
        public String data(InputStream data) throws IOException {
            byte[] mail = data.readAllBytes();
            String messageId = messageId();
            s3.putObject(r -> r.bucket(rule.bucket()).key(rule.prefix() + messageId), RequestBody.fromBytes(mail));
            byte[] event = event(messageId, from, List.copyOf(recipients), mail, this::verdicts);
            invocations.submit(() -> invoke(messageId, event));
            return "Ok " + messageId;
        }

        @Override
        public void done() {}

        private ReceiptChecks.Verdicts verdicts(byte[] mail, Headers headers) {
            if (!checks.enabled()) {
                return ReceiptChecks.Verdicts.DISABLED;
            }
            String client = context.getRemoteAddress() instanceof InetSocketAddress remote
                    ? remote.getAddress().getHostAddress()
                    : "";
            var fromFields = headers.fields().stream()
                    .filter(h -> h[0].equalsIgnoreCase("From"))
                    .map(h -> h[1])
                    .toList();
            return checks.check(client, context.getHelo().orElse(""), from, fromFields, mail);
        }
    }

    private void invoke(String messageId, byte[] event) {
        for (int attempt = 0; attempt <= RETRIES; attempt++) {
            try {
                handler.handleRequest(
                        new ByteArrayInputStream(event),
                        new ByteArrayOutputStream(),
                        InvocationContext.startingNow(function.functionName(), function.timeoutSeconds()));
                return;
            } catch (IOException | RuntimeException e) {
                LOG.warn(
                        "{} failed on mail {} (attempt {}): {}",
                        function.logicalId(),
                        messageId,
                        attempt + 1,
                        e.toString());
            }
        }
        LOG.error("{} gave up on mail {} after {} retries", function.logicalId(), messageId, RETRIES);
    }

    /** An id of the shape SES gives: 40 characters of lower-case letters and digits. */
    private static String messageId() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        var id = new StringBuilder(40);
        for (int i = 0; i < 40; i++) {
            id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    /** The event SES's Lambda action sends; spam and virus verdicts DISABLED, because nothing here scans mail. */
    private byte[] event(
            String messageId,
            String from,
            List<String> recipients,
            byte[] mail,
            java.util.function.BiFunction<byte[], Headers, ReceiptChecks.Verdicts> checked) {
        String now = Instant.now().toString();
        var event = JSON.createObjectNode();
        var record = event.putArray("Records").addObject();
        record.put("eventSource", "aws:ses");
        record.put("eventVersion", "1.0");
        var ses = record.putObject("ses");
        var mailNode = ses.putObject("mail");
        mailNode.put("timestamp", now);
        mailNode.put("source", from);
        mailNode.put("messageId", messageId);
        recipients.forEach(mailNode.putArray("destination")::add);
        var headers = headers(mail);
        mailNode.put("headersTruncated", headers.truncated);
        var headerArray = mailNode.putArray("headers");
        headers.fields.forEach(h -> headerArray.addObject().put("name", h[0]).put("value", h[1]));
        var receipt = ses.putObject("receipt");
        receipt.put("timestamp", now);
        receipt.put("processingTimeMillis", 0);
        recipients.forEach(receipt.putArray("recipients")::add);
        var verdicts = checked.apply(mail, headers);
        receipt.putObject("spamVerdict").put("status", "DISABLED");
        receipt.putObject("virusVerdict").put("status", "DISABLED");
        receipt.putObject("spfVerdict").put("status", verdicts.spf().name());
        receipt.putObject("dkimVerdict").put("status", verdicts.dkim().name());
        receipt.putObject("dmarcVerdict").put("status", verdicts.dmarc().name());
        // SES names the sending domain's policy only where DMARC failed.
        verdicts.dmarcPolicy().ifPresent(p -> receipt.putObject("dmarcPolicy").put("status", p));
        ObjectNode action = receipt.putObject("action");
        action.put("type", "Lambda");
        action.put("functionArn", rule.functionArn());
        action.put("invocationType", "Event");
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Headers(List<String[]> fields, boolean truncated) {}

    /** The top-level header fields, as SES lists them (at most 100 here). */
    private static Headers headers(byte[] mail) {
        var fields = new ArrayList<String[]>();
        var stream = new MimeTokenStream(new MimeConfig.Builder()
                .setMaxHeaderCount(-1)
                .setMaxLineLen(-1)
                .setMaxHeaderLen(-1)
                .build());
        stream.parse(new ByteArrayInputStream(mail));
        try {
            for (var state = stream.next(); ; state = stream.next()) {
                switch (state) {
                    case T_FIELD -> {
                        if (fields.size() == 100) {
                            return new Headers(fields, true);
                        }
                        var field = stream.getField();
                        fields.add(new String[] {
                            field.getName(),
                            field.getBody() == null
                                    ? ""
                                    : field.getBody().replaceAll("\r?\n", "").strip()
                        });
                    }
                    case T_END_HEADER, T_END_OF_STREAM -> {
                        return new Headers(fields, false);
                    }
                    default -> {}
                }
            }
        } catch (Exception e) {
            return new Headers(fields, true);
        }
    }
}
