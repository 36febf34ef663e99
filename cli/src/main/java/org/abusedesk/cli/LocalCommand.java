package org.abusedesk.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.abusedesk.local.AwsEndpoint;
import org.abusedesk.local.CloudFormationTemplate;
import org.abusedesk.local.LocalOidc;
import org.abusedesk.local.LocalStack;
import org.abusedesk.local.MotoServer;
import org.abusedesk.local.ProjectRoot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.regions.Region;

/** {@code abuse-desk local}: the whole system on this machine, with no AWS account. */
@Command(
        name = "local",
        mixinStandardHelpOptions = true,
        header = "Runs the whole system on this machine, with no AWS account.",
        description = {
            "Runs the whole system locally: the moto server as AWS, the resources of template.yaml, the HTTP API,",
            "an SMTP listener standing in for SES receiving, the stream-to-queue pipe and the queue poller, all",
            "calling the real handlers. Ctrl-C stops it all."
        })
final class LocalCommand implements Callable<Integer> {

    /** The scopes of the development token the other commands use: everything the admin API offers. */
    private static final List<String> ADMIN_SCOPES = List.of("abuse-desk/read", "abuse-desk/write");

    private static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

    @Option(names = "--port", defaultValue = "3000", description = "Port of the HTTP API (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            description = "Address the HTTP API listens on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(
            names = "--smtp-port",
            defaultValue = "2525",
            description = "Port of the SMTP listener standing in for SES receiving (default: ${DEFAULT-VALUE}).")
    int smtpPort;

    @Option(
            names = "--dns",
            paramLabel = "HOST:PORT",
            description = "DNS server for the SMTP listener's SPF, DKIM and DMARC verdicts and the functions' DKIM key"
                    + " lookups (default: none; verdicts DISABLED, keys from the system's resolver).")
    String dns;

    @Option(
            names = "--moto-port",
            defaultValue = "5050",
            description = "Port of the moto server (default: ${DEFAULT-VALUE}).")
    int motoPort;

    @Option(
            names = "--endpoint",
            description =
                    "Use this AWS-compatible endpoint instead of starting a moto server (default: $AWS_ENDPOINT_URL when set).")
    URI endpoint;

    @Option(names = "--region", defaultValue = "eu-central-1", description = "Region (default: ${DEFAULT-VALUE}).")
    String region;

    @Option(
            names = "--stack-name",
            defaultValue = "abuse-desk",
            description = "Prefix of the resource names (default: ${DEFAULT-VALUE}).")
    String stackName;

    @Option(
            names = {"-p", "--parameter"},
            description = "A template parameter, KEY=VALUE; may be repeated.")
    Map<String, String> parameters = new HashMap<>();

    @Option(
            names = "--webhook-url",
            paramLabel = "URL",
            description = "POST every event of the bus, signed, to this URL (http://127.0.0.1... allowed); its"
                    + " generated secret is printed and written to " + StackConnection.STACK_FILE
                    + " as webhookSecret.")
    URI webhookUrl;

    @Option(
            names = "--opt-in-evidence",
            paramLabel = "FILE",
            description =
                    "Stand in for the sending platform's evidence endpoint: answer the desk's signed requests with"
                            + " the opt-in records of this JSON file ({\"address\": {record}}, docs/events.md#opt-in-evidence),"
                            + " 404 for anyone else; its secret is written to " + StackConnection.STACK_FILE
                            + " as optInEvidenceSecret.")
    Path optInEvidence;

    @Option(
            names = "--project",
            description = "Directory of template.yaml (default: the project the command runs from).")
    Path project;

    @Override
    public Integer call() throws Exception {
        Path root = project != null ? project : ProjectRoot.find().path();
        var template = CloudFormationTemplate.load(root.resolve("template.yaml"));
        // Never send real credentials to a local endpoint: system properties come first in the default chain.
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");

        URI aws = endpoint != null ? endpoint : envEndpoint();
        MotoServer moto = null;
        if (aws == null) {
            Path log = root.resolve("target/local/moto.log");
            Files.createDirectories(log.getParent());
            moto = MotoServer.start(motoPort, root, log);
            aws = moto.endpoint();
        }
        var stackParameters = new HashMap<>(Map.of("CreateSenderIdentity", "true"));
        stackParameters.putAll(parameters);
        LocalStack local;
        LocalWebhook webhook = null;
        LocalOptInEvidence evidence = null;
        try {
            if (webhookUrl != null) {
                webhook = LocalWebhook.configure(new AwsEndpoint(aws, Region.of(region)), stackName, webhookUrl);
                stackParameters.putAll(webhook.parameters());
            }
            if (optInEvidence != null) {
                evidence = LocalOptInEvidence.start(new AwsEndpoint(aws, Region.of(region)), stackName, optInEvidence);
                stackParameters.putAll(evidence.parameters());
            }
            local = LocalStack.start(
                    template,
                    new AwsEndpoint(aws, Region.of(region)),
                    new LocalStack.Options(host, port, stackName, stackParameters, smtpPort, dns));
        } catch (RuntimeException e) {
            if (evidence != null) {
                evidence.close();
            }
            if (moto != null) {
                moto.close();
            }
            throw e;
        }
        // The other commands (mailings, accounts, suppressions, reconcile) find the local stack through this file.
        Path stackFile = root.resolve(StackConnection.STACK_FILE);
        String adminToken = local.tokens().mint("local-developer", ADMIN_SCOPES, TOKEN_LIFETIME);
        var contents = StackConnection.StackFile.of(
                local, aws, region, "http://" + host + ":" + local.apiUrl().getPort(), adminToken);
        if (webhook != null) {
            contents = contents.withWebhookSecret(webhook.secret().written());
        }
        if (evidence != null) {
            contents = contents.withOptInEvidenceSecret(evidence.secret().written());
        }
        boolean console = local.stack().exists("ConsoleFunction");
        if (console) {
            contents = contents.withConsole(
                    local.apiUrl() + "/console", local.oidc().signInLink().toString());
        }
        StackConnection.write(stackFile, contents);
        var stopped = new CountDownLatch(1);
        var motoToStop = moto;
        var evidenceToStop = evidence;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            StackConnection.delete(stackFile);
            local.close();
            if (evidenceToStop != null) {
                evidenceToStop.close();
            }
            if (motoToStop != null) {
                motoToStop.close();
            }
            stopped.countDown();
        }));
        printEndpoints(local, aws, moto != null, adminToken, webhook, evidence);
        stopped.await();
        return 0;
    }

    private void printEndpoints(
            LocalStack local,
            URI aws,
            boolean startedMoto,
            String adminToken,
            LocalWebhook webhook,
            LocalOptInEvidence evidence) {
        String api = "http://" + host + ":" + local.apiUrl().getPort();
        var out = System.out;
        out.println("abuse-desk is running locally (stack " + stackName + ")");
        for (var function : local.stack().functions()) {
            for (var route : function.httpRoutes()) {
                out.printf("  %-6s %s%s  -> %s%n", route.method(), api, route.path(), function.logicalId());
            }
        }
        if (local.stack().exists("ConsoleFunction")) {
            out.println("  BROWSE " + api + "/console  -> the abuse team's console; sign in on the local page as");
            out.println("         " + LocalOidc.WRITER.name() + " (" + LocalOidc.WRITER.group() + ") or "
                    + LocalOidc.READER.name() + " (" + LocalOidc.READER.group() + "); "
                    + StackConnection.STACK_FILE + " has a one-time consoleSignInUrl");
        }
        out.println("  GET    " + api + "/_local/outbox  -> mails SES accepted");
        out.println("  GET    " + api + "/_local/events  -> events the pipes put on the bus");
        for (var function : local.stack().functions()) {
            for (var period : function.schedules()) {
                out.printf(
                        "  EVERY  %s  -> %s%n",
                        period.toString().substring(2).toLowerCase(Locale.ROOT), function.logicalId());
            }
        }
        for (var receiver : local.smtpReceivers()) {
            var function = local.stack().functionByArn(receiver.rule().functionArn());
            out.printf(
                    "  SMTP   smtp://%s:%d  -> %s (for %s)%n",
                    host,
                    receiver.port(),
                    function.logicalId(),
                    String.join(", ", receiver.rule().recipients()));
        }
        if (dns != null && !dns.isBlank()) {
            out.println("  DNS    " + dns.strip() + "  -> SPF, DKIM and DMARC verdicts of the SMTP listener");
        }
        if (webhook != null) {
            out.println("  POST   " + webhook.url() + "  <- every event of the bus, signed");
            out.println(
                    "         webhook secret: " + webhook.secret().written() + "  (configure the receiver with it)");
        }
        if (evidence != null) {
            out.println("  POST   " + evidence.url() + "  <- evidence requests, answered from " + optInEvidence);
        }
        out.println("  AWS endpoint " + aws + (startedMoto ? " (moto server)" : ""));
        local.stack().outputs().forEach((name, value) -> out.println("  " + name + ": " + value));
        out.println("Admin API tokens of this local stack (valid " + TOKEN_LIFETIME.toHours()
                + " h; the commands use the first through " + StackConnection.STACK_FILE + "):");
        out.println("  read and write: " + adminToken);
        out.println(
                "  read only:      " + local.tokens().mint("local-reader", List.of("abuse-desk/read"), TOKEN_LIFETIME));
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }

    private static URI envEndpoint() {
        String value = System.getenv("AWS_ENDPOINT_URL");
        return value == null || value.isBlank() ? null : URI.create(value);
    }
}
