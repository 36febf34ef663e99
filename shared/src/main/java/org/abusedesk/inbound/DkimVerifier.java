package org.abusedesk.inbound;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.abusedesk.complaint.DkimCheck;
import org.apache.james.jdkim.DKIMCommon;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.Headers;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.impl.BodyHasherImpl;
import org.apache.james.jdkim.impl.Message;
import org.apache.james.jdkim.tagvalue.PublicKeyRecordImpl;
import org.apache.james.jdkim.tagvalue.SignatureRecordImpl;

/**
 * Checks the DKIM signatures of a set of domains on a message with Apache jDKIM: our sending domains' on a reported
 * message, or the feedback-loop reporters' on their reports. The signature over
 * the headers and the body hash are checked apart: providers and forwarders change bodies (footers, redaction)
 * more often than headers, and a valid header signature still proves the headers it covers.
 */
public final class DkimVerifier {

    /** What the signatures of the verifier's domains on one message prove. */
    public record Proof(List<Signed> signatures) {

        public static final Proof NONE = new Proof(List.of());

        public Proof {
            signatures = List.copyOf(signatures);
        }

        public List<DkimCheck> checks() {
            return signatures.stream().map(Signed::check).toList();
        }

        /** A signature verifies completely: headers and body. */
        public boolean verified() {
            return signatures.stream().anyMatch(s -> s.check().valid());
        }

        /**
         * How many bottom-most instances of a header a signature whose header hash verifies covers (the most of
         * any): DKIM signs the last instances of each name listed in {@code h=}, one per listing.
         */
        public int signedInstances(String header) {
            return instances(header, false);
        }

        /** As {@link #signedInstances}, counting only signatures that verify completely. */
        public int provenInstances(String header) {
            return instances(header, true);
        }

        /** The first signature that verifies completely, of a domain the test accepts. */
        public Optional<Signed> firstValid(Predicate<String> domain) {
            return signatures.stream()
                    .filter(s -> s.check().valid() && domain.test(s.check().domain()))
                    .findFirst();
        }

        private int instances(String header, boolean proven) {
            String name = header.toLowerCase(Locale.ROOT);
            return signatures.stream()
                    .filter(s -> proven ? s.check().valid() : s.check().headerValid())
                    .mapToInt(s -> s.covered().getOrDefault(name, 0))
                    .max()
                    .orElse(0);
        }
    }

    /**
     * One checked signature: its check, how many instances of each lower-case header name its {@code h=} lists,
     * and its id, a SHA-256 of {@code d=} and {@code b=} that names the signed message without quoting it.
     */
    public record Signed(DkimCheck check, Map<String, Integer> covered, String id) {

        public Signed {
            Objects.requireNonNull(check, "check == null");
            covered = Map.copyOf(covered);
            Objects.requireNonNull(id, "id == null");
        }
    }

    private static final int MAX_SIGNATURES = 10;

    private final Set<String> domains;
    private final PublicKeys keys;

    /** @param domains the domains whose signatures are checked, each with its subdomains; others are passed over */
    public DkimVerifier(Set<String> domains, PublicKeys keys) {
        this.domains = normalised(domains);
        this.keys = Objects.requireNonNull(keys, "keys == null");
    }

    /** Checks nothing: for reading mail without any sending domain configured. */
    public static DkimVerifier none() {
        return new DkimVerifier(Set.of(), (selector, domain, deadline) -> List.of());
    }

    /** The key lookups of one message may take this long together; it lies well inside the parse budget. */
    public static final Duration LOOKUP_BUDGET = Duration.ofSeconds(1);

    public Proof verify(byte[] message) {
        return verify(message, Instant.now().plus(LOOKUP_BUDGET));
    }

    /** @param deadline when the key lookups for this message, and any others of its mail, must have ended */
    public Proof verify(byte[] message, Instant deadline) {
        if (domains.isEmpty()) {
            return Proof.NONE;
        }
        List<String> fields;
        try {
            fields = parse(message).getFields("DKIM-Signature");
        } catch (Exception e) {
            return Proof.NONE;
        }
        var signatures = new ArrayList<Signed>();
        for (String field : fields.subList(0, Math.min(fields.size(), MAX_SIGNATURES))) {
            SignatureRecord signature;
            try {
                signature = new SignatureRecordImpl(field.substring(field.indexOf(':') + 1));
                signature.validate();
            } catch (RuntimeException e) {
                continue;
            }
            String domain = signature.getDToken().toString().toLowerCase(Locale.ROOT);
            if (!covers(domain)) {
                continue;
            }
            String selector = signature.getSelector().toString();
            boolean headerValid = headerValid(message, signature, selector, domain, deadline);
            boolean bodyValid = bodyHashValid(message, signature);
            var covered = new HashMap<String, Integer>();
            signature.getHeaders().forEach(h -> covered.merge(h.toString().toLowerCase(Locale.ROOT), 1, Integer::sum));
            signatures.add(new Signed(
                    new DkimCheck(domain, selector, headerValid, bodyValid), covered, id(domain, signature)));
        }
        return new Proof(signatures);
    }

    /** The domains as configured, lower-case and without blanks. */
    static Set<String> normalised(Set<String> domains) {
        return Objects.requireNonNull(domains, "domains == null").stream()
                .map(d -> d.strip().toLowerCase(Locale.ROOT))
                .filter(d -> !d.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the domain (or host) is one of the verifier's domains or below one. */
    public boolean covers(String domain) {
        String lower = domain.toLowerCase(Locale.ROOT);
        return domains.stream().anyMatch(d -> lower.equals(d) || lower.endsWith("." + d));
    }

    private static String id(String domain, SignatureRecord signature) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(domain.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(signature.getSignature());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    private boolean headerValid(
            byte[] message, SignatureRecord signature, String selector, String domain, Instant deadline) {
        try {
            for (String record : keys.records(selector, domain, deadline)) {
                var key = new PublicKeyRecordImpl(record);
                key.validate();
                DKIMVerifier.apply(key, signature);
                var verifier = Signature.getInstance(
                        signature.getHashMethod().toString().toUpperCase(Locale.ROOT) + "with"
                                + signature.getHashKeyType().toString().toUpperCase(Locale.ROOT));
                verifier.initVerify(key.getPublicKey());
                HeaderHash.update(parse(message), signature, verifier);
                if (verifier.verify(signature.getSignature())) {
                    return true;
                }
            }
        } catch (Exception e) {
            // a key or signature jDKIM cannot use: not proven
        }
        return false;
    }

    private static boolean bodyHashValid(byte[] message, SignatureRecord signature) {
        try {
            var hasher = new BodyHasherImpl(signature);
            try (var out = hasher.getOutputStream()) {
                parse(message).getBodyInputStream().transferTo(out);
            }
            return Arrays.equals(hasher.getDigest(), signature.getBodyHash());
        } catch (Exception e) {
            return false;
        }
    }

    private static Message parse(byte[] message) throws Exception {
        return new Message(new ByteArrayInputStream(message));
    }

    /** Reaches jDKIM's header canonicalisation, which it keeps for its subclasses. */
    private abstract static class HeaderHash extends DKIMCommon {
        static void update(Headers headers, SignatureRecord signature, Signature verifier) throws Exception {
            signatureCheck(headers, signature, signature.getHeaders(), verifier);
        }
    }
}
