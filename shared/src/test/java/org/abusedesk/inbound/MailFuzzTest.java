package org.abusedesk.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzing the parse entry point: every fixture, mutated by a seeded random source (reproducible: the seed is the
 * test's name), is read without an exception, into at least one report, each Mailing ID one the profile allows.
 */
class MailFuzzTest {

    private static final List<byte[]> SEEDS = seeds();
    private static final String[] SPLICES = {
        "\r\n--b\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n",
        "\r\nContent-Type: message/rfc822\r\n\r\n",
        "\r\nContent-Transfer-Encoding: base64\r\n\r\n",
        "=?utf-8?B?",
        "=?x-unknown?Q?=FF=",
        "\r\n\r\n",
        "\r",
        "\u0000",
        "<a href=\"",
        "&#x110000;",
        "{\"xarf_version\":\"4.0\",\"evidence\":[{\"content_type\":\"message/rfc822\",\"payload\":\"!!\"}]}",
        "---------- Forwarded message ---------\r\nFrom: x\r\n",
        "X-Mailing: 14141611\r\n",
    };

    private final MailReader reader = Fixtures.reader();

    static Stream<Integer> seedsToTry() {
        return IntStream.range(0, 400).boxed();
    }

    @ParameterizedTest
    @MethodSource("seedsToTry")
    void mutatedMail_isReadIntoBoundedReports(int seed) {
        var random = new Random(seed);
        byte[] mail = mutate(SEEDS.get(random.nextInt(SEEDS.size())), random);

        var reading = reader.read(mail);

        assertThat(reading.reports()).isNotEmpty().hasSizeLessThanOrEqualTo(InboundLimits.DEFAULT.maxParts());
        reading.reports()
                .forEach(r -> r.resolution()
                        .mailingId()
                        .ifPresent(id -> assertThat(id).matches("[0-9]{1,64}")));
    }

    @ParameterizedTest
    @MethodSource("seedsToTry")
    void randomBytes_areReadIntoOneReport(int seed) {
        var random = new Random(seed);
        byte[] mail = new byte[random.nextInt(4_096)];
        random.nextBytes(mail);

        var reading = reader.read(mail);

        assertThat(reading.reports()).isNotEmpty();
    }

    private static byte[] mutate(byte[] seed, Random random) {
        var mail = new ArrayList<Byte>(seed.length + 256);
        for (byte b : seed) {
            mail.add(b);
        }
        int mutations = 1 + random.nextInt(8);
        for (int m = 0; m < mutations && !mail.isEmpty(); m++) {
            int at = random.nextInt(mail.size());
            switch (random.nextInt(4)) {
                case 0 -> mail.set(at, (byte) random.nextInt(256));
                case 1 ->
                    mail.subList(at, Math.min(mail.size(), at + random.nextInt(200)))
                            .clear();
                case 2 -> {
                    var copy = new ArrayList<>(mail.subList(at, Math.min(mail.size(), at + random.nextInt(400))));
                    mail.addAll(at, copy);
                }
                default -> {
                    byte[] splice = SPLICES[random.nextInt(SPLICES.length)].getBytes(StandardCharsets.UTF_8);
                    for (int i = splice.length - 1; i >= 0; i--) {
                        mail.add(at, splice[i]);
                    }
                }
            }
        }
        byte[] out = new byte[mail.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = mail.get(i);
        }
        return out;
    }

    private static List<byte[]> seeds() {
        var seeds = new ArrayList<byte[]>();
        for (String name : List.of(
                "attached-message.eml",
                "attached-message-base64.eml",
                "forward-of-forward.eml",
                "xarf-attachment.eml",
                "cfbl-report.eml",
                "inline-forward-html.eml",
                "pasted-headers.eml",
                "typed-subject.eml")) {
            seeds.add(Fixtures.mail(name));
        }
        Fixtures.corpus("arf", ".eml").forEach(f -> seeds.add(Fixtures.read(f)));
        Fixtures.corpus("bounces", ".eml").forEach(f -> seeds.add(Fixtures.read(f)));
        return seeds;
    }
}
