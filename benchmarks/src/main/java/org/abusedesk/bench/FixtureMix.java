package org.abusedesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.abusedesk.local.ProjectRoot;

/**
 * The mails the parser benchmarks read, by class: the four folders of the public corpus ({@code ../shared/corpus}
 * beside the project where it is, else the copy in shared's test resources) and the project's own fixtures.
 */
public final class FixtureMix {

    /** The classes, in the order reports list them. */
    public static final List<String> CLASSES = List.of("arf", "bounces", "auto-replies", "inline-forwards", "project");

    private FixtureMix() {}

    /** The files of one class, sorted by name. */
    public static List<Path> files(String fixtureClass) {
        var root = ProjectRoot.find().path();
        Path folder = fixtureClass.equals("project")
                ? root.resolve("shared/src/test/resources/inbound")
                : corpus(root).resolve(fixtureClass);
        try (Stream<Path> files = Files.list(folder)) {
            var found = files.filter(f -> f.getFileName().toString().endsWith(".eml"))
                    .sorted()
                    .toList();
            if (found.isEmpty()) {
                throw new IllegalStateException("no .eml fixture in " + folder);
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every class's files, class by class. */
    public static Map<String, List<Path>> all() {
        var all = new LinkedHashMap<String, List<Path>>();
        CLASSES.forEach(c -> all.put(c, files(c)));
        return all;
    }

    /** The whole mix in one list, class by class. */
    public static List<Path> mix() {
        var mix = new ArrayList<Path>();
        all().values().forEach(mix::addAll);
        return mix;
    }

    public static List<byte[]> read(List<Path> files) {
        return files.stream()
                .map(f -> {
                    try {
                        return Files.readAllBytes(f);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
    }

    static Path corpus(Path root) {
        var beside = root.getParent() == null ? null : root.getParent().resolve("shared/corpus");
        if (beside != null && Files.isDirectory(beside.resolve("arf"))) {
            return beside;
        }
        return root.resolve("shared/src/test/resources/corpus");
    }
}
