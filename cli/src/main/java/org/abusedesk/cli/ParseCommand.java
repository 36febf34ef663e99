package org.abusedesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.abusedesk.inbound.ConfiguredKeys;
import org.abusedesk.inbound.DkimVerifier;
import org.abusedesk.inbound.DnsKeys;
import org.abusedesk.inbound.FeedbackReporters;
import org.abusedesk.inbound.InboundLimits;
import org.abusedesk.inbound.MailReader;
import org.abusedesk.inbound.MailReading;
import org.abusedesk.inbound.PublicKeys;
import org.abusedesk.inbound.ResolutionProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code abuse-desk parse FILE...}: reads mail files as the inbound-mail function does, one JSON line per file. */
@Command(
        name = "parse",
        mixinStandardHelpOptions = true,
        description = {
            "Reads each mail file with the inbound-mail function's own code and prints one JSON object per file:",
            "{\"file\",\"classification\",\"complaints\":[{\"mailingId\",\"accountId\",\"format\",\"mailingIdSource\",",
            "\"verified\",\"verification\",\"conflict\"}],\"truncated\"}. Exit 0 when every file could be read, 2 when one could not."
        })
final class ParseCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Mail files (.eml, raw RFC 5322).")
    List<Path> files = new ArrayList<>();

    @Option(
            names = "--sending-domain",
            description = "A sending domain whose DKIM signatures are checked; may be repeated (default: none).")
    List<String> sendingDomains = new ArrayList<>();

    @Option(
            names = "--reporter",
            description = "A feedback-loop report domain whose own DKIM signature verifies a report; may be repeated"
                    + " (default: none).")
    List<String> reporters = new ArrayList<>();

    @Option(
            names = "--dkim-keys",
            description = "DKIM key records, <selector>._domainkey.<domain>=<record> separated by '|' (default: DNS).")
    String dkimKeys;

    @Option(names = "--profile", description = "A resolution profile as JSON, overriding the defaults.")
    String profile;

    @Option(names = "--time", description = "Add \"parseMillis\", the time the reading took, to each line.")
    boolean time;

    @Override
    public Integer call() throws IOException {
        PublicKeys keys = dkimKeys == null
                ? new DnsKeys()
                : ConfiguredKeys.parse(dkimKeys)
                        .orElseThrow(() -> new IllegalArgumentException("--dkim-keys holds no key"));
        var reader = new MailReader(
                InboundLimits.DEFAULT,
                profile == null ? ResolutionProfile.DEFAULT : ResolutionProfile.fromJson(profile),
                sendingDomains.isEmpty() ? DkimVerifier.none() : new DkimVerifier(new HashSet<>(sendingDomains), keys),
                reporters.isEmpty() ? FeedbackReporters.none() : new FeedbackReporters(new HashSet<>(reporters), keys));
        var out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        int exit = 0;
        for (Path file : files) {
            byte[] mail;
            try {
                mail = Files.readAllBytes(file);
            } catch (IOException | OutOfMemoryError e) {
                System.err.println("abuse-desk parse: cannot read " + file + " ("
                        + e.getClass().getSimpleName() + ")");
                exit = 2;
                continue;
            }
            long start = System.nanoTime();
            var reading = reader.read(mail);
            long millis = (System.nanoTime() - start) / 1_000_000;
            var line = line(file, reading);
            if (time) {
                line.put("parseMillis", millis);
            }
            out.println(JSON.writeValueAsString(line));
            out.flush();
        }
        return exit;
    }

    static ObjectNode line(Path file, MailReading reading) {
        var line = JSON.createObjectNode();
        line.put("file", file.toString());
        line.put("classification", reading.classification().name());
        var complaints = line.putArray("complaints");
        for (var report : reading.reports()) {
            var resolution = report.resolution();
            var complaint = complaints.addObject();
            complaint.put("mailingId", resolution.mailingId().orElse(null));
            complaint.put("accountId", resolution.accountId().orElse(null));
            complaint.put("format", report.format().name());
            complaint.put("mailingIdSource", resolution.source().orElse(null));
            complaint.put("verified", report.verified());
            complaint.put("verification", report.verification().name());
            complaint.put("conflict", resolution.conflict());
        }
        line.put("truncated", reading.mail().truncated());
        return line;
    }
}
