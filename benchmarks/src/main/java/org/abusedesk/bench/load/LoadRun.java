package org.abusedesk.bench.load;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.abusedesk.account.AccountId;
import org.abusedesk.aws.DynamoDbMailings;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.config.Environment;
import org.abusedesk.local.AwsEndpoint;
import org.abusedesk.local.CloudFormationTemplate;
import org.abusedesk.local.LocalStack;
import org.abusedesk.local.MotoServer;
import org.abusedesk.local.ProjectRoot;
import org.abusedesk.local.SmtpClient;
import org.abusedesk.processor.NotificationFlushHandler;
import org.abusedesk.processor.ProcessorWiring;
import org.abusedesk.registration.Mailing;
import org.abusedesk.testkit.MailFixtures;
import org.abusedesk.testkit.RecordingCheckpoints;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A bounded load run through the whole local stack, on loopback only: the moto server, template.yaml's resources,
 * the HTTP API, the SMTP listener, the pipe and the queue poller, in this process as {@code ./abuse-desk local}
 * runs them. Sends form posts (JSON to {@code /complaints}) and complaint mails (SMTP) mixed, at a set rate up to
 * a set count, on a pool of registered mailings; then waits until every complaint is processed and every one is
 * in an abuse-team mail, alone or in a mailing's summary, and counts: in = stored = processed = notified, nothing
 * lost and nothing twice.
 *
 * <p>Arguments: {@code --rate N} (per second), {@code --count N}, {@code --mail-share P} (0..1, the share sent by
 * SMTP), {@code --mailings N}, {@code --out FILE} (key=value results), {@code --timeout SECONDS}.
 */
public final class LoadRun {

    /** How many loopback addresses the form posts come from. */
    private static final int SOURCES = 500;

    private static final Pattern REFERENCE = Pattern.compile("---- Complaint ([0-9A-Z]{26})");

    private LoadRun() {}

    public static void main(String[] args) throws Exception {
        var options = options(args);
        int rate = Integer.parseInt(options.getOrDefault("rate", "50"));
        int count = Integer.parseInt(options.getOrDefault("count", "2000"));
        double mailShare = Double.parseDouble(options.getOrDefault("mail-share", "0.5"));
        int mailingCount = Integer.parseInt(options.getOrDefault("mailings", "200"));
        Path out = Path.of(options.getOrDefault("out", "target/perf/load.properties"));
        Duration timeout = Duration.ofSeconds(Long.parseLong(options.getOrDefault("timeout", "300")));

        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        var root = ProjectRoot.find().path();
        Files.createDirectories(out.toAbsolutePath().getParent());
        var results = new LinkedHashMap<String, String>();
        results.put("rate", Integer.toString(rate));
        results.put("count", Integer.toString(count));
        results.put("mailShare", Double.toString(mailShare));
        results.put("mailings", Integer.toString(mailingCount));

        var processedLog = ProcessedLog.attach();
        try (var moto =
                MotoServer.start(0, root, out.toAbsolutePath().getParent().resolve("moto-load.log"))) {
            var aws = new AwsEndpoint(moto.endpoint(), Region.EU_CENTRAL_1);
            var parameters = Map.of(
                    "CreateSenderIdentity", "true",
                    // Every post comes from 127.0.0.1: the per-source limit would refuse all but ten.
                    "RateLimitComplaints", Integer.toString(count * 2),
                    // The shortest storm-control window the template allows: summaries within the run.
                    "NotificationWindowMinutes", "1",
                    // The team mail budget (20 per 15 min) would hold the rest for a digest after the run's end: the
                    // run measures the flow of complaints, as the tests do; the budget has tests of its own.
                    "TeamMailBudget", "1000000");
            try (var local = LocalStack.start(
                    CloudFormationTemplate.load(root.resolve("template.yaml")),
                    aws,
                    new LocalStack.Options(
                            "127.0.0.1",
                            0,
                            "load" + UUID.randomUUID().toString().substring(0, 6),
                            parameters,
                            0))) {
                run(local, aws, rate, count, mailShare, mailingCount, timeout, processedLog, results);
            }
        }
        var lines = new ArrayList<String>();
        results.forEach((key, value) -> lines.add(key + "=" + value));
        Files.write(out, lines);
        lines.forEach(System.out::println);
        System.exit(Boolean.parseBoolean(results.get("consistent")) ? 0 : 3);
    }

    private static void run(
            LocalStack local,
            AwsEndpoint aws,
            int rate,
            int count,
            double mailShare,
            int mailingCount,
            Duration timeout,
            ProcessedLog processedLog,
            Map<String, String> results)
            throws Exception {
        var stack = local.stack();
        String complaintsTable = stack.ref("ComplaintsTable");
        var mailingIds = new ArrayList<String>();
        try (var dynamoDb = aws.dynamoDb()) {
            var mailings = new DynamoDbMailings(dynamoDb, stack.ref("MailingsTable"));
            for (int i = 0; i < mailingCount; i++) {
                String id = Integer.toString(30_000_000 + i);
                mailingIds.add(id);
                mailings.register(Mailing.registered(
                        new MailingId(id),
                        new AccountId(Integer.toString(131_000 + i % 20)),
                        OptionalLong.of(1_000_000),
                        Instant.now().minus(Duration.ofHours(1)),
                        Optional.of("Winter sale"),
                        Optional.of("news@shop.example")));
            }
        }

        // Complainants post from many addresses: each client of the pool sends from its own loopback address,
        // 127.0.1.1 and on, as the per-source limit and its optimistic locking see them in production.
        var clients = new ArrayList<HttpClient>();
        for (int i = 0; i < SOURCES; i++) {
            clients.add(HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .localAddress(
                            InetAddress.getByAddress(new byte[] {127, 0, (byte) (1 + i / 250), (byte) (1 + i % 250)}))
                    .build());
        }
        URI complaints = local.apiUrl().resolve("/complaints");
        int smtpPort = local.smtpReceivers().get(0).port();
        var formLatencies = new ConcurrentLinkedQueue<Long>();
        var mailLatencies = new ConcurrentLinkedQueue<Long>();
        var acceptedAt = new ConcurrentHashMap<String, Long>();
        var refused = new ConcurrentLinkedQueue<String>();
        var formsAccepted = new AtomicInteger();
        var mailsAccepted = new AtomicInteger();
        int mailEvery = mailShare <= 0 ? Integer.MAX_VALUE : (int) Math.round(1 / mailShare);

        long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        long lastScheduled = start;
        try (var senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                long due = start + i * periodNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                lastScheduled = System.nanoTime();
                int n = i;
                String mailing = mailingIds.get(i % mailingIds.size());
                String complainant = "complainant" + i + "@example.net";
                boolean mail = i % mailEvery == mailEvery - 1;
                senders.submit(() -> {
                    long sent = System.nanoTime();
                    try {
                        if (mail) {
                            // The listener's reply to the end of the data: 250 when it took the mail.
                            String reply = SmtpClient.send(
                                            smtpPort,
                                            complainant,
                                            "abuse@example.com",
                                            MailFixtures.forwardedNewsletter(complainant, mailing, "131000")
                                                    .text())
                                    .get(5);
                            mailLatencies.add(System.nanoTime() - sent);
                            if (reply.startsWith("250")) {
                                mailsAccepted.incrementAndGet();
                            } else {
                                refused.add("mail " + n + ": " + reply);
                            }
                        } else {
                            var response = clients.get(n % clients.size())
                                    .send(
                                            HttpRequest.newBuilder(complaints)
                                                    .timeout(Duration.ofSeconds(30))
                                                    .header("content-type", "application/json")
                                                    .header("accept", "application/json")
                                                    .POST(HttpRequest.BodyPublishers.ofString(
                                                            "{\"mailingId\":\"" + mailing
                                                                    + "\",\"email\":\"" + complainant
                                                                    + "\",\"message\":\"Ich habe das nie bestellt.\"}"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.ofString());
                            long done = System.nanoTime();
                            formLatencies.add(done - sent);
                            if (response.statusCode() == 202) {
                                formsAccepted.incrementAndGet();
                                var matcher = Pattern.compile("\"reference\":\"([0-9A-Z]{26})\"")
                                        .matcher(response.body());
                                if (matcher.find()) {
                                    acceptedAt.put(matcher.group(1), done);
                                }
                            } else {
                                refused.add("form " + n + ": " + response.statusCode() + " " + response.body());
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (IOException | RuntimeException e) {
                        refused.add((mail ? "mail " : "form ") + n + ": " + e);
                    }
                });
            }
        }
        long sendEnd = System.nanoTime();
        int accepted = formsAccepted.get() + mailsAccepted.get();

        // Waits until every accepted complaint is processed, then until every one is in an abuse-team mail. The
        // flush function (its handler as the schedule invokes it) runs every few seconds rather than every minute:
        // only the waiting is shorter. The other schedules keep their own periods.
        var flush = new NotificationFlushHandler(
                ProcessorWiring.of(
                        new Environment(stack.runtimeEnvironment(stack.function("NotificationFlushFunction")))),
                new RecordingCheckpoints());
        var deadline = System.nanoTime() + timeout.toNanos();
        Counts counts = null;
        boolean drained = false;
        long lastFullCount = System.nanoTime();
        while (true) {
            // The tables and the outbox are read whole only when the processor's log says all is processed (or
            // every 30 s): each read is work for the same moto server the stack waits on.
            boolean looksProcessed = processedLog.processedAt.size() >= accepted;
            boolean timedOut = System.nanoTime() > deadline;
            if (looksProcessed || timedOut || System.nanoTime() - lastFullCount > TimeUnit.SECONDS.toNanos(30)) {
                counts = counts(aws, complaintsTable, local);
                lastFullCount = System.nanoTime();
                drained =
                        counts.stored >= accepted && counts.processed >= accepted && counts.notified.size() >= accepted;
                if (drained || timedOut) {
                    break;
                }
            }
            flush.handleRequest(
                    new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)),
                    OutputStream.nullOutputStream(),
                    null);
            Thread.sleep(3000);
        }
        if (drained) {
            // Nothing is in flight now: read again, so that every count is of the same, final state.
            Thread.sleep(2000);
            counts = counts(aws, complaintsTable, local);
        }
        long end = System.nanoTime();

        var processedTimes = processedLog.processedAt.values().stream()
                .sorted()
                .mapToLong(Long::longValue)
                .toArray();
        var endToEnd = new ArrayList<Long>();
        acceptedAt.forEach((id, at) -> {
            Long processed = processedLog.processedAt.get(id);
            if (processed != null) {
                endToEnd.add(processed - at);
            }
        });
        long[] intake = concat(formLatencies, mailLatencies);
        // Lost: accepted but never stored, or (once all is processed) stored but in no abuse-team mail. Double:
        // counted twice by the processor, or more on the mailings' counters than complaints processed.
        int pending = Math.max(0, accepted - counts.processed);
        int lost = Math.max(0, accepted - counts.stored)
                + (drained ? Math.max(0, counts.stored - counts.notified.size()) : 0);
        int doubleCounted =
                processedLog.again.size() + (drained ? Math.max(0, counts.mailingCounters - counts.processed) : 0);
        boolean consistent = drained
                && refused.isEmpty()
                && accepted == count
                && lost == 0
                && doubleCounted == 0
                && counts.stored == accepted
                && counts.processed == accepted
                && counts.notified.size() == accepted
                && counts.mailingCounters == accepted
                && counts.stored == counts.ids.size()
                && counts.ids.containsAll(acceptedAt.keySet())
                && counts.notified.equals(counts.ids);
        counts.twice().forEach(line -> System.err.println("in two abuse-team mails: " + line));

        results.put("sent", Integer.toString(count));
        results.put("sentForms", Integer.toString(count - count / mailEvery));
        results.put("sentMails", Integer.toString(count / mailEvery));
        results.put("sources", Integer.toString(SOURCES));
        results.put("scheduleSeconds", seconds(lastScheduled - start));
        results.put(
                "achievedRate",
                String.format(Locale.ROOT, "%.1f", (count - 1) / Math.max(1e-9, (lastScheduled - start) / 1e9)));
        results.put("sendSeconds", seconds(sendEnd - start));
        results.put("accepted", Integer.toString(accepted));
        results.put("acceptedForms", Integer.toString(formsAccepted.get()));
        results.put("acceptedMails", Integer.toString(mailsAccepted.get()));
        results.put("refused", Integer.toString(refused.size()));
        results.put("stored", Integer.toString(counts.stored));
        results.put("processed", Integer.toString(counts.processed));
        results.put("notified", Integer.toString(counts.notified.size()));
        results.put("notifiedTwice", Integer.toString(counts.notifiedTwice));
        results.put("mailingCounters", Integer.toString(counts.mailingCounters));
        results.put("teamMails", Integer.toString(counts.teamMails));
        results.put("summaryMails", Integer.toString(counts.summaryMails));
        results.put("acknowledgements", Integer.toString(counts.acknowledgements));
        results.put("countedTwice", Integer.toString(processedLog.again.size()));
        results.put("drained", Boolean.toString(drained));
        results.put("pending", Integer.toString(pending));
        results.put("lost", Integer.toString(lost));
        results.put("doubleCounted", Integer.toString(doubleCounted));
        results.put("consistent", Boolean.toString(consistent));
        results.put("intakeP50Ms", millis(percentile(intake, 50)));
        results.put("intakeP99Ms", millis(percentile(intake, 99)));
        results.put("intakeMaxMs", millis(intake.length == 0 ? 0 : intake[intake.length - 1]));
        long[] forms = concat(formLatencies, new ConcurrentLinkedQueue<>());
        long[] mails = concat(mailLatencies, new ConcurrentLinkedQueue<>());
        results.put("formP50Ms", millis(percentile(forms, 50)));
        results.put("formP99Ms", millis(percentile(forms, 99)));
        results.put("mailP50Ms", millis(percentile(mails, 50)));
        results.put("mailP99Ms", millis(percentile(mails, 99)));
        long[] toProcessed =
                endToEnd.stream().mapToLong(Long::longValue).sorted().toArray();
        results.put("acceptedToProcessedP50Ms", millis(percentile(toProcessed, 50)));
        results.put("acceptedToProcessedP99Ms", millis(percentile(toProcessed, 99)));
        if (processedTimes.length > 1) {
            double span = (processedTimes[processedTimes.length - 1] - processedTimes[0]) / 1e9;
            results.put("processorSeconds", String.format(Locale.ROOT, "%.1f", span));
            results.put("processorThroughput", String.format(Locale.ROOT, "%.1f", (processedTimes.length - 1) / span));
            results.put(
                    "processedAfterSendMs", millis(Math.max(0, processedTimes[processedTimes.length - 1] - sendEnd)));
        }
        results.put("drainSeconds", seconds(end - sendEnd));
        refused.stream().limit(5).forEach(r -> System.err.println("refused: " + r));
    }

    /** What the tables and the outbox hold now. */
    private record Counts(
            int stored,
            int processed,
            Set<String> ids,
            Set<String> notified,
            int notifiedTwice,
            int teamMails,
            int summaryMails,
            int acknowledgements,
            int mailingCounters,
            List<String> twice) {}

    private static Counts counts(AwsEndpoint aws, String complaintsTable, LocalStack local) {
        int stored = 0;
        int processed = 0;
        var ids = new HashSet<String>();
        int mailingCounters = 0;
        try (var dynamoDb = aws.dynamoDb()) {
            for (var page : dynamoDb.scanPaginator(r -> r.tableName(complaintsTable))) {
                for (Map<String, AttributeValue> item : page.items()) {
                    stored++;
                    ids.add(item.get("complaintId").s());
                    String state = item.get("state").s();
                    if (!state.equals("RECEIVED")) {
                        processed++;
                    }
                }
            }
            for (var page :
                    dynamoDb.scanPaginator(r -> r.tableName(local.stack().ref("MailingsTable")))) {
                for (Map<String, AttributeValue> item : page.items()) {
                    var complaints = item.get("complaints");
                    if (complaints != null && complaints.n() != null) {
                        mailingCounters += Integer.parseInt(complaints.n());
                    }
                }
            }
        }
        var notified = new HashSet<String>();
        int twice = 0;
        int teamMails = 0;
        int summaries = 0;
        int acknowledgements = 0;
        var firstMail = new HashMap<String, String>();
        var twiceLines = new ArrayList<String>();
        for (var mail : local.outbox().mails()) {
            if (!mail.to().contains("abuse-team@example.com")) {
                acknowledgements++;
                continue;
            }
            teamMails++;
            var matcher = REFERENCE.matcher(mail.text() == null ? "" : mail.text());
            int inMail = 0;
            while (matcher.find()) {
                inMail++;
                if (!notified.add(matcher.group(1))) {
                    twice++;
                    twiceLines.add(matcher.group(1) + " in \"" + firstMail.get(matcher.group(1)) + "\" and \""
                            + mail.subject() + "\"");
                } else {
                    firstMail.put(matcher.group(1), mail.subject());
                }
            }
            if (inMail > 1) {
                summaries++;
            }
        }
        return new Counts(
                stored,
                processed,
                ids,
                notified,
                twice,
                teamMails,
                summaries,
                acknowledgements,
                mailingCounters,
                twiceLines);
    }

    private static long[] concat(ConcurrentLinkedQueue<Long> a, ConcurrentLinkedQueue<Long> b) {
        var all = new ArrayList<Long>(a);
        all.addAll(b);
        long[] values = all.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(values);
        return values;
    }

    private static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }

    private static Map<String, String> options(String[] args) {
        var options = new HashMap<String, String>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
