package org.abusedesk.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.config.Environment;
import org.abusedesk.inboundmail.InboundMailWiring;
import org.abusedesk.reconcile.Reconcile;
import org.abusedesk.reconcile.ReconcileReport;
import org.abusedesk.reconcile.ReconcileWindows;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code abuse-desk reconcile}: one run of the scheduled reconciler, in this process, configured as the stack's
 * {@code ReconcilerFunction} is (from the stack file {@code abuse-desk local} writes) or by options.
 */
@Command(
        name = "reconcile",
        mixinStandardHelpOptions = true,
        description = "Runs the reconciler once: takes in stored mail that gave no complaint (its event was lost or"
                + " failed) and queues again complaints stuck before counting or notifying. Prints what it did:"
                + " counts and keys only; exits 1 when an item failed.")
final class ReconcileCommand implements Callable<Integer> {

    private static final String FUNCTION = "ReconcilerFunction";

    @Spec
    CommandSpec spec;

    @Option(names = "--stack-file", description = "Written by `abuse-desk local` (default: target/local/stack.json).")
    Path stackFile;

    @Option(
            names = "--endpoint",
            description = "AWS endpoint; default: the stack file's, else the SDK's for the region.")
    URI endpoint;

    @Option(names = "--region", description = "Region; default: the stack file's, else AWS_REGION.")
    String region;

    @Option(
            names = "--mail-older-than",
            converter = DurationConverter.class,
            paramLabel = "DURATION",
            description = "Take in mail stored at least this long ago (e.g. 0s, 90s, 15m; default: the function's).")
    Duration mailOlderThan;

    @Option(
            names = "--stuck-older-than",
            converter = DurationConverter.class,
            paramLabel = "DURATION",
            description = "Queue again complaints received or counted this long ago (default: the function's).")
    Duration stuckOlderThan;

    @Option(
            names = "--lookback",
            converter = DurationConverter.class,
            paramLabel = "DURATION",
            description = "Examine mail stored within this long (e.g. 72h; default: the function's).")
    Duration lookback;

    @Option(names = "--bucket", description = "Inbound mail bucket; default: the stack file's InboundMailBucketName.")
    String bucket;

    @Option(
            names = "--complaints-table",
            description = "Complaints table; default: the stack file's ComplaintsTableName.")
    String complaintsTable;

    @Option(
            names = "--complaints-queue-url",
            description = "Complaints queue; default: the stack file's ComplaintsQueueUrl.")
    String complaintsQueueUrl;

    @Option(
            names = "--sending-domains",
            description = "As the stack's SendingDomains parameter; default: the stack file's.")
    String sendingDomains;

    @Option(names = "--dkim-keys", description = "As the stack's DkimKeys parameter; default: the stack file's.")
    String dkimKeys;

    @Option(
            names = "--resolution-profile",
            description = "As the stack's ResolutionProfile parameter; default: the stack file's.")
    String resolutionProfile;

    @Option(
            names = "--retention-days",
            description = "As the stack's RetentionDays parameter; default: the stack file's.")
    String retentionDays;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        // The stack file's tables other commands use are no options here; only where the stack is.
        var stack = new StackConnection();
        stack.stackFile = stackFile;
        stack.endpoint = endpoint;
        stack.region = region;
        Reconcile reconcile;
        try {
            var environment = new Environment(environment(stack));
            // The report is the command's output; metric lines are for a function's log group, not for a terminal.
            reconcile = InboundMailWiring.reconcile(
                    environment, new PrintStream(OutputStream.nullOutputStream()), windows(environment));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        var report = reconcile.reconcile();
        print(report);
        return report.failures().isEmpty() ? 0 : 1;
    }

    /** The function's environment from the stack file, the options over it, and where AWS is. */
    private Map<String, String> environment(StackConnection stack) {
        var environment = new HashMap<>(stack.functionEnvironment(FUNCTION));
        set(stack, environment, "INBOUND_BUCKET", bucket, "InboundMailBucketName", "--bucket");
        set(stack, environment, "COMPLAINTS_TABLE", complaintsTable, "ComplaintsTableName", "--complaints-table");
        set(
                stack,
                environment,
                "COMPLAINTS_QUEUE_URL",
                complaintsQueueUrl,
                "ComplaintsQueueUrl",
                "--complaints-queue-url");
        set(stack, environment, "SENDING_DOMAINS", sendingDomains, null, "--sending-domains");
        set(stack, environment, "RETENTION_DAYS", retentionDays, null, "--retention-days");
        if (dkimKeys != null) {
            environment.put("DKIM_KEYS", dkimKeys);
        }
        if (resolutionProfile != null) {
            environment.put("RESOLUTION_PROFILE", resolutionProfile);
        }
        // SES's S3 action stores under this prefix (the template's receipt rule); the function reads it from there.
        environment.putIfAbsent("INBOUND_PREFIX", "inbound/");
        environment.put("AWS_REGION", stack.region());
        stack.endpoint()
                .ifPresentOrElse(
                        uri -> environment.put("AWS_ENDPOINT_URL", uri.toString()),
                        () -> environment.remove("AWS_ENDPOINT_URL"));
        return environment;
    }

    private static void set(
            StackConnection stack,
            Map<String, String> environment,
            String variable,
            String option,
            String output,
            String flag) {
        if (option != null) {
            environment.put(variable, option);
            return;
        }
        if (output != null) {
            stack.output(output).ifPresent(value -> environment.put(variable, value));
        }
        if (!environment.containsKey(variable)) {
            throw new IllegalStateException("no " + variable + ": start `abuse-desk local`, or pass " + flag);
        }
    }

    /** The function's windows (the template's defaults without a stack file), each option over its own. */
    private ReconcileWindows windows(Environment environment) {
        var configured = environment.optional("RECONCILE_MAIL_AFTER_MINUTES").isPresent()
                ? InboundMailWiring.windows(environment)
                : ReconcileWindows.DEFAULT;
        return new ReconcileWindows(
                mailOlderThan != null ? mailOlderThan : configured.mailGrace(),
                stuckOlderThan != null ? stuckOlderThan : configured.stuckAfter(),
                lookback != null ? lookback : configured.lookback());
    }

    private void print(ReconcileReport report) {
        var out = new Output(json);
        out.field("mailsExamined", report.mailsExamined());
        out.field("mailsRedriven", report.mailsRedriven());
        out.field("complaintsStored", report.complaintsStored());
        out.field("complaintsRequeued", report.complaintsRequeued());
        out.field("mailsQuarantined", report.quarantinedMails().size());
        out.field("failures", report.failures().size());
        out.list("redrivenMails");
        report.redrivenMails().forEach(id -> out.row("redrivenMails", Map.of("receiptId", id)));
        out.list("storedComplaints");
        out.list("requeuedComplaints");
        report.storedComplaints().forEach(key -> out.row("storedComplaints", key(key)));
        report.requeuedComplaints().forEach(key -> out.row("requeuedComplaints", key(key)));
        out.list("quarantinedMails");
        report.quarantinedMails().forEach(id -> out.row("quarantinedMails", Map.of("receiptId", id)));
        out.list("failedItems");
        report.failures().forEach(failure -> {
            var row = new LinkedHashMap<String, Object>();
            row.put("item", failure.item());
            row.put("error", failure.error());
            out.row("failedItems", row);
        });
        out.print();
    }

    private static Map<String, Object> key(ComplaintKey key) {
        var row = new LinkedHashMap<String, Object>();
        row.put("mailingId", key.mailingId().value());
        row.put("complaintId", key.complaintId().value());
        return row;
    }

    /** {@code 0s}, {@code 90s}, {@code 15m}, {@code 72h}, {@code 3d}, or ISO-8601 ({@code PT15M}). */
    static final class DurationConverter implements ITypeConverter<Duration> {

        private static final Pattern SHORT = Pattern.compile("(\\d+)([smhd])");

        @Override
        public Duration convert(String value) {
            var matcher = SHORT.matcher(value.strip().toLowerCase(Locale.ROOT));
            if (matcher.matches()) {
                long amount = Long.parseLong(matcher.group(1));
                return switch (matcher.group(2)) {
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            }
            try {
                var duration = Duration.parse(value.strip());
                if (!duration.isNegative()) {
                    return duration;
                }
            } catch (DateTimeParseException e) {
                // reported below
            }
            throw new TypeConversionException("not a duration (e.g. 0s, 15m, 72h): " + value);
        }
    }
}
