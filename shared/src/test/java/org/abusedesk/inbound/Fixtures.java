package org.abusedesk.inbound;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.abusedesk.local.ProjectRoot;

/** The mail fixtures: this module's own, one per shape, and the public corpus. */
public final class Fixtures {

    private Fixtures() {}

    /** A fixture of {@code src/test/resources/inbound}. */
    static byte[] mail(String name) {
        try (var in = Fixtures.class.getResourceAsStream("/inbound/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] mail(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A complaint that forwards the reported mail as a message/rfc822 attachment with these headers and body. */
    public static byte[] forwardedAsAttachment(String headers, String body) {
        return mail(
                "From: Erika Muster <erika.muster@example.net>",
                "To: abuse@example.com",
                "Subject: Spam",
                "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"b\"",
                "",
                "--b",
                "Content-Type: text/plain",
                "",
                "See the attachment.",
                "--b",
                "Content-Type: message/rfc822",
                "",
                "From: news@shop.example.org",
                "Subject: Angebote",
                headers,
                "Content-Type: text/plain",
                "",
                body,
                "--b--");
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

    static MailReader reader() {
        return new MailReader(InboundLimits.DEFAULT, ResolutionProfile.DEFAULT, DkimVerifier.none());
    }
}
