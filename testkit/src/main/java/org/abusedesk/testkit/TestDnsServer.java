package org.abusedesk.testkit;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * An authoritative DNS server on loopback for tests and the local stack, over UDP and TCP on one ephemeral port:
 * it answers from the zone the test sets (TXT records of one or more strings, A records), NXDOMAIN for any other
 * name, truncates a UDP answer that does not fit so the client asks again over TCP, and can be told never to
 * answer. Answers carry a TTL of 0, so that no resolver's cache keeps one test's zone for the next.
 */
public final class TestDnsServer implements AutoCloseable {

    /** When the server received a query, and for what. */
    public record Query(Instant received, String name, int type) {}

    private static final int PLAIN_UDP_SIZE = 512;

    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final Map<Name, List<Record>> zone = new ConcurrentHashMap<>();
    private final List<Query> queries = new CopyOnWriteArrayList<>();
    private volatile boolean silent;

    private TestDnsServer(DatagramSocket udp, ServerSocket tcp) {
        this.udp = udp;
        this.tcp = tcp;
    }

    /** Listens on 127.0.0.1 on a free port, the same for UDP and TCP. */
    public static TestDnsServer start() {
        var loopback = InetAddress.getLoopbackAddress();
        for (int attempt = 0; ; attempt++) {
            DatagramSocket udp = null;
            try {
                udp = new DatagramSocket(new InetSocketAddress(loopback, 0));
                var tcp = new ServerSocket(udp.getLocalPort(), 50, loopback);
                var server = new TestDnsServer(udp, tcp);
                Thread.ofPlatform().daemon().name("test-dns-udp").start(server::serveUdp);
                Thread.ofPlatform().daemon().name("test-dns-tcp").start(server::serveTcp);
                return server;
            } catch (IOException e) {
                // The TCP port of the UDP socket's number was taken: try another pair.
                if (udp != null) {
                    udp.close();
                }
                if (attempt == 20) {
                    throw new IllegalStateException("no free port pair for a DNS server", e);
                }
            }
        }
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), udp.getLocalPort());
    }

    /** The address as {@code DNS_RESOLVER} and the local stack's {@code --dns} take it. */
    public String hostPort() {
        return "127.0.0.1:" + udp.getLocalPort();
    }

    /** Adds one TXT record at the name made of these strings (a DKIM key split into 255-character strings). */
    public TestDnsServer txt(String name, String... strings) {
        return txt(name, List.of(strings));
    }

    /** Adds one TXT record at the name made of these strings. */
    public TestDnsServer txt(String name, List<String> strings) {
        Name owner = name(name);
        return add(new TXTRecord(owner, DClass.IN, 0, strings));
    }

    /** Adds an A record. */
    public TestDnsServer a(String name, String ipv4) {
        Name owner = name(name);
        try {
            return add(new ARecord(owner, DClass.IN, 0, InetAddress.getByName(ipv4)));
        } catch (IOException e) {
            throw new IllegalArgumentException("not an IPv4 address: " + ipv4, e);
        }
    }

    /** Removes every record at the name: it answers NXDOMAIN from now on. */
    public TestDnsServer remove(String name) {
        zone.remove(name(name));
        return this;
    }

    /** Never answers from now on (a resolver that is down or unreachable), though it still counts the queries. */
    public void silence() {
        silent = true;
    }

    /** Every query received so far, in order. */
    public List<Query> queries() {
        return List.copyOf(queries);
    }

    @Override
    public void close() {
        udp.close();
        try {
            tcp.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private TestDnsServer add(Record record) {
        zone.computeIfAbsent(record.getName(), n -> new CopyOnWriteArrayList<>())
                .add(record);
        return this;
    }

    private static Name name(String name) {
        try {
            return Name.fromString(name, Name.root).canonicalize();
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a DNS name: " + name, e);
        }
    }

    private void serveUdp() {
        var buffer = new byte[65535];
        while (!udp.isClosed()) {
            try {
                var packet = new DatagramPacket(buffer, buffer.length);
                udp.receive(packet);
                var query = new Message(Arrays.copyOf(packet.getData(), packet.getLength()));
                byte[] answer = answer(query, udpLimit(query));
                if (answer != null) {
                    udp.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
                }
            } catch (SocketException e) {
                return;
            } catch (IOException e) {
                // an unreadable query gets no answer
            }
        }
    }

    private void serveTcp() {
        while (!tcp.isClosed()) {
            try {
                Socket socket = tcp.accept();
                Thread.ofPlatform().daemon().name("test-dns-tcp-client").start(() -> serveTcp(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serveTcp(Socket socket) {
        try (socket) {
            var in = new DataInputStream(socket.getInputStream());
            var out = new DataOutputStream(socket.getOutputStream());
            while (true) {
                byte[] wire = new byte[in.readUnsignedShort()];
                in.readFully(wire);
                byte[] answer = answer(new Message(wire), 65535);
                if (answer == null) {
                    // Silent: hold the connection open without a word until the client gives up.
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                    return;
                }
                out.writeShort(answer.length);
                out.write(answer);
                out.flush();
            }
        } catch (IOException e) {
            // the client closed the connection
        }
    }

    private static int udpLimit(Message query) {
        OPTRecord opt = query.getOPT();
        return opt == null ? PLAIN_UDP_SIZE : Math.max(PLAIN_UDP_SIZE, opt.getPayloadSize());
    }

    /** The answer's wire form, or null when silent. */
    private byte[] answer(Message query, int maxLength) {
        Record question = query.getQuestion();
        queries.add(new Query(
                Instant.now(),
                question == null ? "" : question.getName().toString(),
                question == null ? -1 : question.getType()));
        if (silent) {
            return null;
        }
        var response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        if (question == null) {
            response.getHeader().setRcode(Rcode.FORMERR);
            return response.toWire(maxLength);
        }
        response.addRecord(question, Section.QUESTION);
        List<Record> records = zone.get(question.getName().canonicalize());
        if (records == null) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
        } else {
            var matching = new ArrayList<Record>();
            for (var record : records) {
                if (question.getType() == Type.ANY || record.getType() == question.getType()) {
                    matching.add(record.withName(question.getName()));
                }
            }
            matching.forEach(r -> response.addRecord(r, Section.ANSWER));
        }
        if (query.getOPT() != null) {
            response.addRecord(new OPTRecord(udpLimit(query), 0, 0), Section.ADDITIONAL);
        }
        // Sets TC and leaves out what does not fit: the client then asks over TCP.
        return response.toWire(maxLength);
    }
}
