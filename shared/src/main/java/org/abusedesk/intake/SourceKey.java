package org.abusedesk.intake;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where submissions come from, as a keyed hash of the network address: the per-source limit counts by it, and
 * the address itself is never stored. An IPv6 address counts by its /64 prefix, which one subscriber holds whole.
 */
public record SourceKey(String value) {

    private static final String USE = "source-address";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");

    public SourceKey {
        Objects.requireNonNull(value, "value == null");
    }

    /** The key of a source address ({@code requestContext.http.sourceIp}); a missing one counts as one source. */
    public static SourceKey of(String address, IntakeSecret secret) {
        return new SourceKey(secret.sign(USE, network(address == null ? "" : address.strip())));
    }

    private static String network(String address) {
        if (address.contains(":")) {
            try {
                // A literal with ':' is parsed as IPv6, never looked up in DNS.
                byte[] bytes = InetAddress.getByName(address.startsWith("[") ? address : "[" + address + "]")
                        .getAddress();
                if (bytes.length == 16) {
                    var prefix = new StringBuilder("v6:");
                    for (int i = 0; i < 8; i++) {
                        prefix.append(String.format("%02x", bytes[i]));
                    }
                    return prefix.append("::/64").toString();
                }
                return "v4:" + InetAddress.getByAddress(bytes).getHostAddress();
            } catch (UnknownHostException e) {
                return "other:" + address;
            }
        }
        return IPV4.matcher(address).matches() ? "v4:" + address : "other:" + address;
    }

    @Override
    public String toString() {
        return "SourceKey[" + value.substring(0, Math.min(8, value.length())) + "…]";
    }
}
