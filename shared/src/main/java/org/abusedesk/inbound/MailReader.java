package org.abusedesk.inbound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.complaint.Classification;
import org.abusedesk.complaint.ReportFormat;

/**
 * Reads one inbound mail: parse and classify it, check the DKIM signatures of each reported message and resolve
 * its Mailing ID. The inbound-mail function and {@code abuse-desk parse} both read mail with this.
 */
public final class MailReader {

    private final MailParser parser;
    private final MailingIdResolver resolver;
    private final DkimVerifier dkim;
    private final FeedbackReporters reporters;

    /** Reads mail trusting no feedback-loop reporter's signature. */
    public MailReader(InboundLimits limits, ResolutionProfile profile, DkimVerifier dkim) {
        this(limits, profile, dkim, FeedbackReporters.none());
    }

    public MailReader(InboundLimits limits, ResolutionProfile profile, DkimVerifier dkim, FeedbackReporters reporters) {
        this.parser = new MailParser(limits, profile);
        this.resolver = new MailingIdResolver(profile);
        this.dkim = Objects.requireNonNull(dkim, "dkim == null");
        this.reporters = Objects.requireNonNull(reporters, "reporters == null");
    }

    public MailReading read(byte[] mail) {
        var parsed = parser.parse(mail);
        var reports = new ArrayList<ReadReport>();
        var lookupDeadline = Instant.now().plus(DkimVerifier.LOOKUP_BUDGET);
        boolean report = parsed.reports().stream().anyMatch(r -> r.format().isProviderReport());
        Optional<DkimVerifier.Signed> reporter =
                report ? reporters.signature(mail, parsed.headers(), lookupDeadline) : Optional.empty();
        for (var message : parsed.reports()) {
            var proof =
                    message.raw().map(raw -> dkim.verify(raw, lookupDeadline)).orElse(DkimVerifier.Proof.NONE);
            var resolution = resolver.resolve(parsed, message, proof);
            var verification = Verifying.of(message, resolution, proof, reporter);
            reports.add(new ReadReport(
                    message, resolution, proof, verification, Verifying.signature(verification, proof, reporter)));
        }
        return new MailReading(parsed, reports, classification(parsed, reports));
    }

    /**
     * A complaint by the parse that carries no reported message, names no Mailing ID and links to none of our
     * sending domains is an enquiry: nothing ties it to a mailing to count it against.
     */
    private Classification classification(ParsedMail parsed, List<ReadReport> reports) {
        if (parsed.classification() != Classification.COMPLAINT || reports.size() != 1) {
            return parsed.classification();
        }
        var only = reports.get(0);
        boolean tied = only.format() != ReportFormat.TEXT
                || only.resolution().mailingId().isPresent()
                || !only.resolution().candidates().isEmpty()
                || only.message().links().stream().anyMatch(this::linksToUs);
        return tied ? Classification.COMPLAINT : Classification.ENQUIRY;
    }

    private boolean linksToUs(String link) {
        return Links.host(link).filter(dkim::covers).isPresent();
    }
}
