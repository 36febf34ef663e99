package org.abusedesk.inbound;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The mailbox providers whose feedback-loop reports the desk trusts, by report domain, and the check that a report
 * is really one of theirs: its own DKIM signature verifies with a {@code d=} that lies, like the report's one
 * {@code From:} address, within the same configured domain.
 */
public final class FeedbackReporters {

    /**
     * The report domains of the providers' feedback loops, each with its source in {@code docs/inbound-mail.md}; the
     * template's {@code FeedbackReporters} parameter replaces them.
     */
    public static final List<String> DEFAULTS = List.of("arf.mail.yahoo.com", "hotmail.com", "senderscore.net");

    private final Set<String> domains;
    private final DkimVerifier verifier;

    public FeedbackReporters(Set<String> domains, PublicKeys keys) {
        this.domains = DkimVerifier.normalised(domains);
        this.verifier = new DkimVerifier(this.domains, keys);
    }

    /** Trusts no reporter: no report is verified by its own signature. */
    public static FeedbackReporters none() {
        return new FeedbackReporters(Set.of(), (selector, domain, deadline) -> List.of());
    }

    /** Reads a comma-separated list of report domains, as the template passes it. */
    public static Set<String> parse(String list) {
        return Arrays.stream(list.split(","))
                .map(String::strip)
                .filter(d -> !d.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The report's own signature by a configured reporter, aligned with its {@code From:}; empty when there is none.
     * A mail with no {@code From:}, or more than one, or more than one address in it, is nobody's report: the address is
     * read as {@link FromAddress} reads a complainant's.
     */
    public Optional<DkimVerifier.Signed> signature(byte[] mail, MailHeaders headers, Instant deadline) {
        if (domains.isEmpty()) {
            return Optional.empty();
        }
        var reporter = FromAddress.of(headers.all("From"))
                .map(mailbox -> mailbox.getDomain().toLowerCase(Locale.ROOT))
                .flatMap(this::reporterOf);
        if (reporter.isEmpty()) {
            return Optional.empty();
        }
        String within = reporter.get();
        return verifier.verify(mail, deadline).firstValid(d -> within(d, within));
    }

    private Optional<String> reporterOf(String domain) {
        return domains.stream().filter(d -> within(domain, d)).findFirst();
    }

    private static boolean within(String domain, String reporter) {
        return domain.equals(reporter) || domain.endsWith("." + reporter);
    }
}
