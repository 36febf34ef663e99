package org.abusedesk.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's top directory, where {@code template.yaml}, {@code events/} and {@code tools/} are. */
public record ProjectRoot(Path path) {

    /** From the {@code abusedesk.root} system property the build sets, else the nearest parent holding the template. */
    public static ProjectRoot find() {
        String property = System.getProperty("abusedesk.root");
        if (property != null && isProjectRoot(Path.of(property))) {
            return new ProjectRoot(Path.of(property).toAbsolutePath());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (isProjectRoot(dir)) {
                return new ProjectRoot(dir);
            }
        }
        throw new IllegalStateException(
                "no project root (template.yaml and mvnw) above " + Path.of("").toAbsolutePath());
    }

    public Path resolve(String relative) {
        return path.resolve(relative);
    }

    private static boolean isProjectRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("template.yaml")) && Files.isRegularFile(dir.resolve("mvnw"));
    }
}
