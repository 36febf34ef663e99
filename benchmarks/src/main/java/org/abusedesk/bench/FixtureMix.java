package org.abusedesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.abusedesk.local.ProjectRoot;

/**
 * The mails the parser benchmarks read, by class: the public corpus ({@code ../shared/corpus} beside the project
 * where it is, else the copy in shared's test resources) and the project's own fixtures.
 *
 * <ul>
 *   <li>{@code arf}, {@code bounces}, {@code auto-replies}: the corpus's {@code .eml} files as they are;
 *   <li>{@code inline-forwards}: the corpus holds the forwarded bodies of mail clients ({@code *_body.txt}); each
 *       becomes a plain-text complaint that forwards it inline with a tracking link, as shared's corpus test
 *       builds them;
 *   <li>{@code project}: shared/src/test/resources/inbound, one file per shape the desk reads.
 * </ul>
 */
public final class FixtureMix {

    /** The classes, in the order reports list them. */
    public static final List<String> CLASSES = List.of("arf", "bounces", "auto-replies", "inline-forwards", "project");

    /** One mail of the mix: a name that says where it came from, and its bytes. */
    public record Mail(String name, byte[] bytes) {}

    private FixtureMix() {}

    /** The mails of one class, sorted by file name. */
    public static List<Mail> mails(String fixtureClass) {
        var root = ProjectRoot.find().path();
        if (fixtureClass.equals("project")) {
            return read(list(root.resolve("shared/src/test/resources/inbound"), ".eml"), fixtureClass);
        }
        var folder = corpus(root).resolve(fixtureClass);
        if (fixtureClass.equals("inline-forwards")) {
            return list(folder, "_body.txt").stream()
                    .map(file -> new Mail(
                            fixtureClass + "/" + file.getFileName().toString().replace(".txt", ".eml"),
                            inlineForward(readString(file))))
                    .toList();
        }
        return read(list(folder, ".eml"), fixtureClass);
    }

    /** Every class's mails, class by class. */
    public static Map<String, List<Mail>> all() {
        var all = new LinkedHashMap<String, List<Mail>>();
        CLASSES.forEach(c -> all.put(c, mails(c)));
        return all;
    }

    /** The whole mix in one list, class by class. */
    public static List<Mail> mix() {
        var mix = new ArrayList<Mail>();
        all().values().forEach(mix::addAll);
        return mix;
    }

    /** Writes the mix into the folder, one {@code .eml} file per mail, and returns the files in mix order. */
    public static List<Path> write(Path folder) {
        var files = new ArrayList<Path>();
        try {
            for (var mail : mix()) {
                var file = folder.resolve(mail.name());
                Files.createDirectories(file.getParent());
                Files.write(file, mail.bytes());
                files.add(file.toAbsolutePath());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** A complaint that forwards the client's body inline, with a link to one of our mailings below it. */
    static byte[] inlineForward(String forwardedBody) {
        String body = forwardedBody + "\n\nhttps://links.example.com/c?mid=14141611&l=1\n";
        String mail = String.join(
                        "\r\n",
                        "From: Erika Muster <erika.muster@example.net>",
                        "To: abuse@example.com",
                        "Subject: Fwd: Integer consequat non purus",
                        "MIME-Version: 1.0",
                        "Content-Type: text/plain; charset=utf-8",
                        "Content-Transfer-Encoding: 8bit",
                        "",
                        body.replace("\r\n", "\n").replace("\n", "\r\n"))
                + "\r\n";
        return mail.getBytes(StandardCharsets.UTF_8);
    }

    static Path corpus(Path root) {
        var beside = root.getParent() == null ? null : root.getParent().resolve("shared/corpus");
        if (beside != null && Files.isDirectory(beside.resolve("arf"))) {
            return beside;
        }
        return root.resolve("shared/src/test/resources/corpus");
    }

    private static List<Path> list(Path folder, String suffix) {
        try (Stream<Path> files = Files.list(folder)) {
            var found = files.filter(f -> f.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
            if (found.isEmpty()) {
                throw new IllegalStateException("no " + suffix + " fixture in " + folder);
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Mail> read(List<Path> files, String fixtureClass) {
        return files.stream()
                .map(f -> new Mail(fixtureClass + "/" + f.getFileName(), readBytes(f)))
                .toList();
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readString(Path file) {
        return new String(readBytes(file), StandardCharsets.UTF_8);
    }
}
