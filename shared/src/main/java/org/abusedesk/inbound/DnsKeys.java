package org.abusedesk.inbound;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * DKIM key records from DNS, asked with dnsjava of the system's resolvers or of one given server, each query
 * bounded by the time left to the mail's deadline.
 */
public final class DnsKeys implements PublicKeys {

    /** A query never waits longer than this, however far the deadline: a resolver answers in well under it. */
    private static final Duration MAX_QUERY_TIME = Duration.ofSeconds(5);
    /** A name's key records; more than a handful is no key set anyone publishes. */
    private static final int MAX_RECORDS = 10;
    /** CNAMEs followed within one answer: keys delegated to an ESP's name take one or two. */
    private static final int MAX_ALIASES = 8;
    /** RFC 1035: a name has at most 255 octets; a longer one is not asked for. */
    private static final int MAX_NAME_LENGTH = 253;

    private final List<InetSocketAddress> servers;

    /** The system's resolvers (on Lambda, the VPC's resolver from {@code /etc/resolv.conf}). */
    public DnsKeys() {
        this(ResolverConfig.getCurrentConfig().servers());
    }

    /** One resolver, e.g. a test's or the local stack's DNS server. */
    public DnsKeys(InetSocketAddress server) {
        this(List.of(Objects.requireNonNull(server, "server == null")));
    }

    private DnsKeys(List<InetSocketAddress> servers) {
        this.servers = List.copyOf(servers);
    }

    /** The resolver written {@code host:port}, as the {@code DNS_RESOLVER} environment variable holds it. */
    public static DnsKeys at(String hostPort) {
        return new DnsKeys(address(hostPort));
    }

    /** Reads {@code host:port} ({@code [v6]:port} for an IPv6 literal); a host name is resolved once, here. */
    static InetSocketAddress address(String hostPort) {
        String text = hostPort.strip();
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1 || text.length() > 300) {
            throw new IllegalArgumentException("a DNS resolver must be written host:port: " + text);
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a DNS resolver's port must be a number: " + text);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("a DNS resolver's port must lie in 1..65535: " + text);
        }
        return new InetSocketAddress(host, port);
    }

    @Override
    public List<String> records(String selector, String domain, Instant deadline) {
        Name name;
        try {
            String text = selector + "._domainkey." + domain;
            if (text.length() > MAX_NAME_LENGTH) {
                return List.of();
            }
            name = Name.fromString(text, Name.root);
        } catch (TextParseException e) {
            return List.of();
        }
        for (var server : servers) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                return List.of();
            }
            try {
                var resolver = new SimpleResolver(server);
                resolver.setTimeout(left.compareTo(MAX_QUERY_TIME) < 0 ? left : MAX_QUERY_TIME);
                Message response = resolver.send(Message.newQuery(Record.newRecord(name, Type.TXT, DClass.IN)));
                int rcode = response.getRcode();
                if (rcode == Rcode.NOERROR) {
                    return keyRecords(response, name);
                }
                if (rcode == Rcode.NXDOMAIN) {
                    return List.of();
                }
                // SERVFAIL, REFUSED: the next resolver may know.
            } catch (IOException | RuntimeException e) {
                // A failed lookup proves nothing: the signature counts as unverified, never as an error.
            }
        }
        return List.of();
    }

    /** The TXT records at the name, or at the end of its CNAME chain, each one's strings joined (RFC 6376 3.6.2.2). */
    private static List<String> keyRecords(Message response, Name name) {
        List<Record> answer = response.getSection(Section.ANSWER);
        Name owner = name;
        for (int i = 0; i < MAX_ALIASES; i++) {
            Name target = null;
            for (var record : answer) {
                if (record instanceof CNAMERecord alias && alias.getName().equals(owner)) {
                    target = alias.getTarget();
                }
            }
            if (target == null) {
                break;
            }
            owner = target;
        }
        var records = new ArrayList<String>();
        for (var record : answer) {
            if (record instanceof TXTRecord txt && txt.getName().equals(owner) && records.size() < MAX_RECORDS) {
                var joined = new StringBuilder();
                txt.getStringsAsByteArrays().forEach(s -> joined.append(new String(s, StandardCharsets.ISO_8859_1)));
                records.add(joined.toString());
            }
        }
        return List.copyOf(records);
    }
}
