package org.abusedesk.inbound;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.abusedesk.local.ProjectRoot;
import org.abusedesk.testkit.MailFixtures;

/** The mail fixtures: this module's own, one per shape, and the public corpus. */
public final class Fixtures {

    /** A newsletter of ours as the recipient got it, with CRLF line ends: the reported message of many tests. */
    static final String NEWSLETTER = String.join(
            "\r\n",
            "From: Newsletter <news@mail.example.com>",
            "To: erika.muster@example.net",
            "Subject: Grosse Rabatte nur heute",
            "Message-ID: <m14141611.r42@mail.example.com>",
            "X-Mailing: 14141611",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "",
            "Jetzt kaufen: https://mail.example.com/c/14141611/x",
            "");

    private Fixtures() {}

    /** A fixture of {@code src/test/resources/inbound}. */
    public static byte[] mail(String name) {
        try (var in = Fixtures.class.getResourceAsStream("/inbound/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] mail(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A complaint that attaches the reported mail as an Outlook .msg file, shaped as Outlook saves one; its
     * transport headers name Mailing ID 14141611 ({@code X-Mailing}) and account 121070 ({@code X-Client}).
     */
    public static byte[] forwardedAsOutlookMessage() {
        return withOutlookAttachment(OutlookFiles.savedByOutlook(
                "Große Rabatte",
                "Received: from mta1.example.com\r\nX-Mailing: 14141611\r\nX-Client: 121070\r\n",
                "Grüße aus dem Shop. Jetzt kaufen!",
                "<html><body><a href=\"https://links.example.com/c?mid=14141611\">kaufen</a></body></html>"));
    }

    /** A complaint with this .msg file attached. */
    static byte[] withOutlookAttachment(byte[] msg) {
        return MailFixtures.forwardedComplaint()
                .saying("Spam attached.")
                .attachingOutlookMessage(msg)
                .bytes();
    }

    /** A complaint that forwards the reported mail as a message/rfc822 attachment with these headers and body. */
    public static byte[] forwardedAsAttachment(String headers, String body) {
        return MailFixtures.forwardedComplaint()
                .saying("See the attachment.")
                .reporting(String.join(
                        "\r\n",
                        "From: news@shop.example.org",
                        "Subject: Angebote",
                        headers,
                        "Content-Type: text/plain",
                        "",
                        body))
                .bytes();
    }

    /**
     * The public corpus: {@code ../shared/corpus} beside the project where it is, else the copy in this module's
     * test resources (every file of it may be copied; the licences lie beside it), so that a clone alone passes.
     */
    static Path corpus() {
        var root = ProjectRoot.find().path();
        var beside = root.getParent() == null ? null : root.getParent().resolve("shared/corpus");
        if (beside != null && Files.isDirectory(beside.resolve("arf"))) {
            return beside;
        }
        return root.resolve("shared/src/test/resources/corpus");
    }

    static List<Path> corpus(String folder, String suffix) {
        try (Stream<Path> files = Files.list(corpus().resolve(folder))) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static MailReader reader() {
        return new MailReader(InboundLimits.DEFAULT, ResolutionProfile.DEFAULT, DkimVerifier.none());
    }
}
