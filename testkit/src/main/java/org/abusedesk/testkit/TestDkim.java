package org.abusedesk.testkit;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.james.jdkim.DKIMSigner;

/**
 * A DKIM signing key of one domain and selector, made for a test (RSA, 2048 bits): signs raw messages with jDKIM's
 * signer and renders the key record to publish at {@code <selector>._domainkey.<domain>}.
 */
public final class TestDkim {

    /** The most a TXT record's single string holds (RFC 1035 3.3.14). */
    public static final int MAX_TXT_STRING = 255;

    private final String domain;
    private final String selector;
    private final KeyPair keys;

    private TestDkim(String domain, String selector, KeyPair keys) {
        this.domain = Objects.requireNonNull(domain, "domain == null").toLowerCase(Locale.ROOT);
        this.selector = Objects.requireNonNull(selector, "selector == null");
        this.keys = Objects.requireNonNull(keys, "keys == null");
    }

    /** A new 2048-bit RSA key for the domain and selector. */
    public static TestDkim generate(String domain, String selector) {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new TestDkim(domain, selector, generator.generateKeyPair());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String domain() {
        return domain;
    }

    public String selector() {
        return selector;
    }

    /** Where the key record is published: {@code <selector>._domainkey.<domain>}. */
    public String recordName() {
        return selector + "._domainkey." + domain;
    }

    /** The key record, {@code v=DKIM1; k=rsa; p=<base64 of the public key>}. */
    public String keyRecord() {
        return "v=DKIM1; k=rsa; p="
                + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    /** The key record split into TXT strings of at most 255 characters, as a 2048-bit key must be published. */
    public List<String> keyRecordStrings() {
        String record = keyRecord();
        var strings = new ArrayList<String>();
        for (int start = 0; start < record.length(); start += MAX_TXT_STRING) {
            strings.add(record.substring(start, Math.min(record.length(), start + MAX_TXT_STRING)));
        }
        return List.copyOf(strings);
    }

    /** Publishes the key record in the test's DNS server, split into several strings. */
    public TestDkim publishIn(TestDnsServer dns) {
        dns.txt(recordName(), keyRecordStrings());
        return this;
    }

    /**
     * The message (CRLF line ends) with a DKIM-Signature field in front, rsa-sha256 and relaxed/relaxed over the
     * named header fields.
     */
    public String sign(String message, List<String> headers) {
        try {
            var signer = new DKIMSigner(
                    "v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + domain + "; s=" + selector + "; h="
                            + String.join(":", headers) + "; bh=; b=;",
                    keys.getPrivate());
            String signature = signer.sign(new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8)));
            return signature + "\r\n" + message;
        } catch (Exception e) {
            throw new IllegalStateException("jDKIM could not sign the message", e);
        }
    }

    /** Signed over From, To, Subject, Date and Message-ID. */
    public String sign(String message) {
        return sign(message, List.of("from", "to", "subject", "date", "message-id"));
    }
}
