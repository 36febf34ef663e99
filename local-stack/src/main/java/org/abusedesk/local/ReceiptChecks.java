package org.abusedesk.local;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.apache.james.jdkim.exceptions.PermFailException;
import org.apache.james.jdkim.exceptions.TempFailException;
import org.apache.james.jdkim.impl.Message;
import org.apache.james.jspf.impl.DNSServiceXBillImpl;
import org.apache.james.jspf.impl.SPF;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.DefaultAddressParser;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * The SPF, DKIM and DMARC verdicts SES receiving gives a mail, computed here from one DNS server (the tests' own
 * zone, or any the developer names): SPF of the envelope sender with Apache jSPF, DKIM with Apache jDKIM, DMARC
 * after RFC 7489. Without a DNS server every verdict is DISABLED, as SES gives them where scanning is off.
 */
public final class ReceiptChecks {

    /** A verdict's status, as SES names them. */
    public enum Status {
        PASS,
        FAIL,
        GRAY,
        PROCESSING_FAILED,
        DISABLED
    }

    /** The three verdicts of one mail, and the sending domain's DMARC policy where DMARC failed. */
    public record Verdicts(Status spf, Status dkim, Status dmarc, Optional<String> dmarcPolicy) {

        public static final Verdicts DISABLED =
                new Verdicts(Status.DISABLED, Status.DISABLED, Status.DISABLED, Optional.empty());

        public Verdicts {
            Objects.requireNonNull(spf, "spf == null");
            Objects.requireNonNull(dkim, "dkim == null");
            Objects.requireNonNull(dmarc, "dmarc == null");
            Objects.requireNonNull(dmarcPolicy, "dmarcPolicy == null");
        }
    }

    /** Each DNS query of the checks may take this long: loopback answers at once, a stopped server costs this. */
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(2);
    /** A DMARC record longer than this is no policy anyone publishes; it is not read. */
    private static final int MAX_RECORD_LENGTH = 2048;

    private static final int MAX_DOMAIN_LENGTH = 253;

    private final SimpleResolver resolver;

    private ReceiptChecks(SimpleResolver resolver) {
        this.resolver = resolver;
    }

    /** No checks: every verdict DISABLED. */
    public static ReceiptChecks disabled() {
        return new ReceiptChecks(null);
    }

    /** Checks against the DNS server written {@code host:port}; DISABLED verdicts where it is blank. */
    public static ReceiptChecks using(String hostPort) {
        if (hostPort == null || hostPort.isBlank()) {
            return disabled();
        }
        return using(address(hostPort));
    }

    /** Checks against this DNS server. */
    public static ReceiptChecks using(InetSocketAddress dns) {
        var resolver = new SimpleResolver(dns);
        resolver.setTimeout(QUERY_TIMEOUT);
        return new ReceiptChecks(resolver);
    }

    /** Reads {@code host:port}, as the {@code --dns} flag and the {@code DnsResolver} parameter hold it. */
    static InetSocketAddress address(String hostPort) {
        String text = hostPort.strip();
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1 || text.length() > 300) {
            throw new IllegalArgumentException("a DNS server must be written host:port: " + text);
        }
        String host = text.substring(0, colon).replace("[", "").replace("]", "");
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a DNS server's port must be a number: " + text);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("a DNS server's port must lie in 1..65535: " + text);
        }
        return new InetSocketAddress(host, port);
    }

    public boolean enabled() {
        return resolver != null;
    }

    /**
     * The verdicts of a mail that came from this client address, after this HELO and MAIL FROM, with these top-level
     * {@code From:} field values.
     */
    public Verdicts check(String clientIp, String helo, String mailFrom, List<String> fromFields, byte[] mail) {
        if (resolver == null) {
            return Verdicts.DISABLED;
        }
        String spfDomain = mailFrom.contains("@") ? domainOf(mailFrom) : helo.toLowerCase(Locale.ROOT);
        Status spf = spf(clientIp, helo, mailFrom);
        var dkimDomains = new ArrayList<String>();
        Status dkim = dkim(mail, dkimDomains);
        var dmarc = dmarc(fromFields, spf == Status.PASS ? spfDomain : null, dkimDomains);
        return new Verdicts(spf, dkim, dmarc.status(), dmarc.policy());
    }

    private Status spf(String clientIp, String helo, String mailFrom) {
        try {
            var result = new SPF(new DNSServiceXBillImpl(resolver)).checkSPF(clientIp, mailFrom, helo);
            return switch (result.getResult()) {
                case "pass" -> Status.PASS;
                case "fail", "softfail" -> Status.FAIL;
                case "neutral", "none" -> Status.GRAY;
                default -> Status.PROCESSING_FAILED;
            };
        } catch (RuntimeException e) {
            return Status.PROCESSING_FAILED;
        }
    }

    /** PASS if any signature verifies (as SES's dkimVerdict), GRAY without one; the passing {@code d=} collected. */
    private Status dkim(byte[] mail, List<String> passingDomains) {
        try {
            var signatures = new Message(new ByteArrayInputStream(mail)).getFields("DKIM-Signature");
            if (signatures == null || signatures.isEmpty()) {
                return Status.GRAY;
            }
        } catch (Exception e) {
            return Status.PROCESSING_FAILED;
        }
        try {
            List<SignatureRecord> passed = new DKIMVerifier(keys()).verify(new ByteArrayInputStream(mail));
            if (passed == null || passed.isEmpty()) {
                return Status.FAIL;
            }
            passed.forEach(s -> passingDomains.add(s.getDToken().toString().toLowerCase(Locale.ROOT)));
            return Status.PASS;
        } catch (TempFailException e) {
            return Status.PROCESSING_FAILED;
        } catch (FailException e) {
            return Status.FAIL;
        } catch (IOException | RuntimeException e) {
            return Status.PROCESSING_FAILED;
        }
    }

    private PublicKeyRecordRetriever keys() {
        return (method, selector, domain) -> {
            if (!"dns/txt".contentEquals(method)) {
                throw new PermFailException("only dns/txt keys are looked up");
            }
            try {
                return txt(selector + "._domainkey." + domain);
            } catch (IOException e) {
                throw new TempFailException("the key lookup failed");
            }
        };
    }

    private record Dmarc(Status status, Optional<String> policy) {}

    /**
     * RFC 7489: the author domain publishes a policy, and an SPF pass or a DKIM pass is aligned with it. Alignment
     * is relaxed unless the policy asks for strict ({@code aspf=s}, {@code adkim=s}).
     */
    private Dmarc dmarc(List<String> fromFields, String spfPassDomain, List<String> dkimPassDomains) {
        Optional<String> author = authorDomain(fromFields);
        if (author.isEmpty()) {
            // No single author domain: nothing can align with it, and RFC 7489 6.6.1 lets a receiver reject.
            return new Dmarc(Status.FAIL, Optional.empty());
        }
        String from = author.get();
        Optional<String> record;
        try {
            // RFC 7489 6.6.3: without a record at the author domain, its organisational domain's applies.
            record = dmarcRecord(from);
            String organisational = organisationalDomain(from);
            if (record.isEmpty() && !organisational.equals(from)) {
                record = dmarcRecord(organisational);
            }
        } catch (IOException e) {
            return new Dmarc(Status.PROCESSING_FAILED, Optional.empty());
        }
        record = record.filter(r -> r.length() <= MAX_RECORD_LENGTH);
        if (record.isEmpty()) {
            return new Dmarc(Status.GRAY, Optional.empty());
        }
        boolean strictSpf = "s".equals(tag(record.get(), "aspf"));
        boolean strictDkim = "s".equals(tag(record.get(), "adkim"));
        boolean aligned = (spfPassDomain != null && aligned(spfPassDomain, from, strictSpf))
                || dkimPassDomains.stream().anyMatch(d -> aligned(d, from, strictDkim));
        if (aligned) {
            return new Dmarc(Status.PASS, Optional.empty());
        }
        String policy = tag(record.get(), "p");
        return new Dmarc(
                Status.FAIL,
                Optional.of(
                        switch (policy == null ? "" : policy.toLowerCase(Locale.ROOT)) {
                            case "reject" -> "REJECT";
                            case "quarantine" -> "QUARANTINE";
                            default -> "NONE";
                        }));
    }

    private Optional<String> dmarcRecord(String domain) throws IOException {
        return txt("_dmarc." + domain).stream()
                .filter(r -> r.startsWith("v=DMARC1"))
                .findFirst();
    }

    private static boolean aligned(String identifier, String author, boolean strict) {
        return strict
                ? identifier.equals(author)
                : organisationalDomain(identifier).equals(organisationalDomain(author));
    }

    /**
     * The last two labels. A stand-in for the Public Suffix List that RFC 7489 3.2 names: right for the test's own
     * domains, wrong for e.g. {@code co.uk}, which the local stack never sees.
     */
    static String organisationalDomain(String domain) {
        int last = domain.lastIndexOf('.');
        if (last <= 0) {
            return domain;
        }
        int before = domain.lastIndexOf('.', last - 1);
        return before < 0 ? domain : domain.substring(before + 1);
    }

    /** A tag's value of a {@code tag=value; ...} record, or null. */
    private static String tag(String record, String name) {
        for (String part : record.split(";", 64)) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).strip().equalsIgnoreCase(name)) {
                return part.substring(eq + 1).strip();
            }
        }
        return null;
    }

    /** The domain of the one mailbox of the one {@code From:} field; empty for none or several. */
    private static Optional<String> authorDomain(List<String> fromFields) {
        if (fromFields.size() != 1 || fromFields.get(0).length() > 2000) {
            return Optional.empty();
        }
        try {
            var mailboxes = DefaultAddressParser.DEFAULT
                    .parseAddressList(fromFields.get(0))
                    .flatten();
            if (mailboxes.size() != 1) {
                return Optional.empty();
            }
            Mailbox mailbox = mailboxes.get(0);
            String domain = mailbox.getDomain();
            return domain == null || domain.isBlank() || domain.length() > MAX_DOMAIN_LENGTH
                    ? Optional.empty()
                    : Optional.of(domain.toLowerCase(Locale.ROOT));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static String domainOf(String address) {
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    /** The TXT records at the name, each one's strings joined; empty for NXDOMAIN or none. */
    private List<String> txt(String name) throws IOException {
        if (name.length() > MAX_DOMAIN_LENGTH) {
            return List.of();
        }
        Name owner = Name.fromString(name, Name.root);
        var response = resolver.send(org.xbill.DNS.Message.newQuery(Record.newRecord(owner, Type.TXT, DClass.IN)));
        if (response.getRcode() == Rcode.NXDOMAIN) {
            return List.of();
        }
        if (response.getRcode() != Rcode.NOERROR) {
            throw new IOException("DNS answered " + Rcode.string(response.getRcode()));
        }
        var records = new ArrayList<String>();
        for (var record : response.getSection(Section.ANSWER)) {
            if (record instanceof TXTRecord txt && txt.getName().equals(owner)) {
                var joined = new StringBuilder();
                txt.getStringsAsByteArrays().forEach(s -> joined.append(new String(s, StandardCharsets.ISO_8859_1)));
                records.add(joined.toString());
            }
        }
        return records;
    }
}
