package org.abusedesk.inbound;

import java.io.ByteArrayInputStream;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
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
 * Checks the DKIM signatures of our sending domains on a reported message with Apache jDKIM. The signature over
 * the headers and the body hash are checked apart: providers and forwarders change bodies (footers, redaction)
 * more often than headers, and a valid header signature still proves the headers it covers.
 */
public final class DkimVerifier {

    /** What the signatures of our domains on one message prove. */
    public record Proof(List<DkimCheck> checks, Set<String> signedHeaders) {

        public static final Proof NONE = new Proof(List.of(), Set.of());

        public Proof {
            checks = List.copyOf(checks);
            signedHeaders = Set.copyOf(signedHeaders);
        }

        /** A signature of ours verifies completely: headers and body. */
        public boolean verified() {
            return checks.stream().anyMatch(DkimCheck::valid);
        }
    }

    private static final int MAX_SIGNATURES = 10;

    private final Set<String> sendingDomains;
    private final PublicKeys keys;

    public DkimVerifier(Set<String> sendingDomains, PublicKeys keys) {
        this.sendingDomains = Objects.requireNonNull(sendingDomains, "sendingDomains == null").stream()
                .map(d -> d.strip().toLowerCase(Locale.ROOT))
                .filter(d -> !d.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
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
        if (sendingDomains.isEmpty()) {
            return Proof.NONE;
        }
        List<String> fields;
        try {
            fields = parse(message).getFields("DKIM-Signature");
        } catch (Exception e) {
            return Proof.NONE;
        }
        var checks = new ArrayList<DkimCheck>();
        var signed = new LinkedHashSet<String>();
        for (String field : fields.subList(0, Math.min(fields.size(), MAX_SIGNATURES))) {
            SignatureRecord signature;
            try {
                signature = new SignatureRecordImpl(field.substring(field.indexOf(':') + 1));
                signature.validate();
            } catch (RuntimeException e) {
                continue;
            }
            String domain = signature.getDToken().toString().toLowerCase(Locale.ROOT);
            if (!ours(domain)) {
                continue;
            }
            String selector = signature.getSelector().toString();
            boolean headerValid = headerValid(message, signature, selector, domain, deadline);
            boolean bodyValid = bodyHashValid(message, signature);
            checks.add(new DkimCheck(domain, selector, headerValid, bodyValid));
            if (headerValid) {
                signature.getHeaders().forEach(h -> signed.add(h.toString().toLowerCase(Locale.ROOT)));
            }
        }
        return new Proof(checks, signed);
    }

    private boolean ours(String domain) {
        return sendingDomains.stream().anyMatch(d -> domain.equals(d) || domain.endsWith("." + d));
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
