package org.abusedesk.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system on one machine: the template's resources in an AWS endpoint, its HTTP routes on a local port,
 * its pipes relayed and its queues polled, each invoking the real handler classes.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

    /**
     * Where the HTTP API listens, which stack to create, the SMTP port standing in for SES receiving (0: any free
     * one; negative: no SMTP listener), and the DNS server ({@code host:port}) the listener's SPF, DKIM and DMARC
     * verdicts and the functions' DKIM key lookups ask (blank: verdicts DISABLED, the functions' platform resolver).
     */
    public record Options(
            String host,
            int httpPort,
            String stackName,
            Map<String, String> parameters,
            int smtpPort,
            String dnsServer) {

        public Options {
            dnsServer = dnsServer == null ? "" : dnsServer.strip();
            if (!dnsServer.isEmpty()) {
                ReceiptChecks.address(dnsServer);
            }
        }

        /** Without a DNS server. */
        public Options(String host, int httpPort, String stackName, Map<String, String> parameters, int smtpPort) {
            this(host, httpPort, stackName, parameters, smtpPort, "");
        }

        /** Without an SMTP listener. */
        public Options(String host, int httpPort, String stackName, Map<String, String> parameters) {
            this(host, httpPort, stackName, parameters, -1);
        }
    }

    /** The template parameter that hands the functions the DNS server for their own DKIM key lookups. */
    static final String DNS_RESOLVER_PARAMETER = "DnsResolver";

    private final Stack stack;
    private final HttpGateway gateway;
    private final LocalTokens tokens;
    private final LocalOidc oidc;
    private final Outbox outbox;
    private final EventLog events = new EventLog(Clock.systemUTC());
    private final List<StreamRelay> relays = new ArrayList<>();
    private final List<QueuePoller> pollers = new ArrayList<>();
    private final List<Scheduled> schedules = new ArrayList<>();
    private final List<SmtpReceiver> receivers = new ArrayList<>();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean running = true;

    private LocalStack(Stack stack, HttpGateway gateway, LocalTokens tokens) {
        this.tokens = tokens;
        this.stack = stack;
        this.gateway = gateway;
        this.outbox = new Outbox(stack.aws().uri());
        this.oidc = new LocalOidc(apiUrl(), tokens, Clock.systemUTC());
    }

    public static LocalStack start(CloudFormationTemplate template, AwsEndpoint aws, Options options) {
        var stack = Stack.create(template, options.stackName(), parameters(template, options), aws);
        var tokens = new LocalTokens(java.time.Clock.systemUTC());
        HttpGateway gateway;
        try {
            gateway = new HttpGateway(options.host(), options.httpPort(), tokens);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + options.host() + ":" + options.httpPort(), e);
        }
        var local = new LocalStack(stack, gateway, tokens);
        try {
            local.wire(options);
        } catch (RuntimeException e) {
            local.close();
            throw e;
        }
        return local;
    }

    /** The options' parameters, with the DNS server handed to the template's DnsResolver unless given otherwise. */
    private static Map<String, String> parameters(CloudFormationTemplate template, Options options) {
        if (options.dnsServer().isEmpty()
                || options.parameters().containsKey(DNS_RESOLVER_PARAMETER)
                || !template.section("Parameters").containsKey(DNS_RESOLVER_PARAMETER)) {
            return options.parameters();
        }
        var parameters = new java.util.HashMap<>(options.parameters());
        parameters.put(DNS_RESOLVER_PARAMETER, options.dnsServer());
        return Map.copyOf(parameters);
    }

    public Stack stack() {
        return stack;
    }

    public Outbox outbox() {
        return outbox;
    }

    /** The events the stack's pipes put on its bus, oldest first. */
    public EventLog events() {
        return events;
    }

    /** The stand-in for Cognito's managed login that the console signs people in with here. */
    public LocalOidc oidc() {
        return oidc;
    }

    /** The issuer whose tokens the admin routes take here: {@code ./abuse-desk local} prints one to use. */
    public LocalTokens tokens() {
        return tokens;
    }

    public URI apiUrl() {
        return URI.create("http://127.0.0.1:" + gateway.port());
    }

    /** Runs every scheduled function once, now: for tests and for the command line. */
    public void runSchedules() {
        schedules.forEach(Scheduled::run);
    }

    /** The SMTP listeners standing in for the template's receipt rules; none without an SMTP port. */
    public List<SmtpReceiver> smtpReceivers() {
        return List.copyOf(receivers);
    }

    /** Relays every pipe once and polls every queue once, without waiting: for tests that step the system. */
    public int drain() {
        int moved = relays.stream().mapToInt(StreamRelay::relay).sum();
        return moved + pollers.stream().mapToInt(p -> p.poll(0)).sum();
    }

    @Override
    public void close() {
        running = false;
        receivers.forEach(SmtpReceiver::close);
        gateway.close();
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        relays.forEach(StreamRelay::close);
        pollers.forEach(QueuePoller::close);
    }

    /** A function on a rate schedule, invoked as EventBridge Scheduler would: the event carries nothing it needs. */
    private record Scheduled(FunctionDefinition function, RequestStreamHandler handler, Duration period) {

        int run() {
            try {
                handler.handleRequest(
                        new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)),
                        OutputStream.nullOutputStream(),
                        InvocationContext.startingNow(function.functionName(), function.timeoutSeconds()));
                return 1;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void wire(Options options) {
        var handlers = new java.util.HashMap<String, Object>();
        for (var function : stack.functions()) {
            Object handler = instantiate(function);
            handlers.put(function.logicalId(), handler);
            for (var route : function.httpRoutes()) {
                gateway.route(
                        route, function, (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) handler);
            }
            for (var period : function.schedules()) {
                schedules.add(new Scheduled(function, (RequestStreamHandler) handler, period));
            }
            for (var source : function.queueSources()) {
                pollers.add(new QueuePoller(
                        function, source, (RequestHandler<SQSEvent, SQSBatchResponse>) handler, stack.aws()));
            }
        }
        stack.pipes().forEach(pipe -> relays.add(new StreamRelay(pipe, stack.aws(), events)));
        if (options.smtpPort() >= 0) {
            var checks = ReceiptChecks.using(options.dnsServer());
            for (var rule : stack.receiptRules()) {
                var function = stack.functionByArn(rule.functionArn());
                // The first rule gets the port asked for; a template with more rules gets free ports for the rest.
                var receiver = new SmtpReceiver(
                        options.host(),
                        receivers.isEmpty() ? options.smtpPort() : 0,
                        rule,
                        function,
                        (com.amazonaws.services.lambda.runtime.RequestStreamHandler) handlers.get(function.logicalId()),
                        stack.aws(),
                        checks);
                receivers.add(receiver);
                receiver.start();
            }
        }
        gateway.localHandler(LocalOidc.PATH, oidc);
        gateway.local("/_local/outbox", query -> new HttpGateway.LocalResponse(200, "application/json", outbox.json()));
        gateway.local("/_local/events", query -> new HttpGateway.LocalResponse(200, "application/json", events.json()));
        gateway.start();
        relays.forEach(relay -> loop("relay", relay::relay, 200));
        pollers.forEach(poller -> loop("poller", () -> poller.poll(1), 0));
        schedules.forEach(scheduled -> loop(
                scheduled.function().logicalId(),
                () -> {
                    try {
                        Thread.sleep(scheduled.period().toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return 0;
                    }
                    return scheduled.run();
                },
                0));
    }

    private void loop(String name, IntSupplier step, long idleMillis) {
        workers.submit(() -> {
            while (running) {
                try {
                    if (step.getAsInt() == 0 && idleMillis > 0) {
                        Thread.sleep(idleMillis);
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    if (!running) {
                        return;
                    }
                    LOG.warn("{} failed, retrying: {}", name, e.toString());
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        });
    }

    private Object instantiate(FunctionDefinition function) {
        try {
            var environment = new java.util.HashMap<>(stack.runtimeEnvironment(function));
            if (environment.containsKey("CONSOLE_OIDC_ISSUER")) {
                // Cognito is not emulated: the console signs people in with the local stand-in instead.
                environment.putAll(oidc.consoleEnvironment(apiUrl()));
            }
            return Handlers.create(function.handlerClass(), environment);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(
                    "cannot create the handler of " + function.logicalId() + ": " + e.getMessage(), e);
        }
    }
}
