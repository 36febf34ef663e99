package org.abusedesk.inbound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Objects;

/**
 * Reads one inbound mail: parse and classify it, check the DKIM signatures of each reported message and resolve
 * its Mailing ID. The inbound-mail function and {@code abuse-desk parse} both read mail with this.
 */
public final class MailReader {

    private final MailParser parser;
    private final MailingIdResolver resolver;
    private final DkimVerifier dkim;

    public MailReader(InboundLimits limits, ResolutionProfile profile, DkimVerifier dkim) {
        this.parser = new MailParser(limits, profile);
        this.resolver = new MailingIdResolver(profile);
        this.dkim = Objects.requireNonNull(dkim, "dkim == null");
    }

    public MailReading read(byte[] mail) {
        var parsed = parser.parse(mail);
        var reports = new ArrayList<ReadReport>();
        var lookupDeadline = Instant.now().plus(DkimVerifier.LOOKUP_BUDGET);
        for (var report : parsed.reports()) {
            var proof =
                    report.raw().map(raw -> dkim.verify(raw, lookupDeadline)).orElse(DkimVerifier.Proof.NONE);
            reports.add(new ReadReport(report, resolver.resolve(parsed, report, proof.signedHeaders()), proof));
        }
        return new MailReading(parsed, reports);
    }
}
