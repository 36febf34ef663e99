package org.abusedesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.abusedesk.inbound.MailReader;

/**
 * The Java side of the parser comparison: reads the files the list names (one path a line) into memory, reads
 * every mail {@code warm-up} times over, then times {@code loops} passes of our full parse, classify and resolve
 * ({@link MailReader}, DKIM aside) over them. The Node and Python peers do the same with the same list and counts.
 *
 * <p>Arguments: list file, loops, warm-up passes. Prints {@code messages seconds messages-per-second}. With
 * {@code --write-mix FOLDER LIST} instead, writes every mail of {@link FixtureMix} into the folder as a file and
 * their paths, class by class, into the list.
 */
public final class ParserPeers {

    private ParserPeers() {}

    public static void main(String[] args) throws IOException {
        if (args[0].equals("--write-mix")) {
            var files = FixtureMix.write(Path.of(args[1]));
            Files.write(Path.of(args[2]), files.stream().map(Path::toString).toList());
            return;
        }
        var files = Files.readAllLines(Path.of(args[0])).stream()
                .filter(line -> !line.isBlank())
                .map(Path::of)
                .toList();
        int loops = Integer.parseInt(args[1]);
        int warmUp = Integer.parseInt(args[2]);
        List<byte[]> mails = files.stream()
                .map(file -> {
                    try {
                        return Files.readAllBytes(file);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .toList();
        MailReader reader = MailReadingBenchmark.reader();
        long sink = 0;
        for (int i = 0; i < warmUp; i++) {
            for (byte[] mail : mails) {
                sink += reader.read(mail).reports().size();
            }
        }
        long start = System.nanoTime();
        for (int i = 0; i < loops; i++) {
            for (byte[] mail : mails) {
                sink += reader.read(mail).reports().size();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long messages = (long) loops * mails.size();
        System.out.printf(Locale.ROOT, "%d %.3f %.1f%n", messages, seconds, messages / seconds);
        if (sink < 0) {
            System.out.println(sink);
        }
    }
}
