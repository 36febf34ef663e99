package org.abusedesk.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the project directory: {@code abusedesk.root} as the launcher sets it, else the working directory's nearest parent with a template. */
final class ProjectDirectory {

    private ProjectDirectory() {}

    static Path find() {
        String property = System.getProperty("abusedesk.root");
        if (property != null) {
            return Path.of(property).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no template.yaml here or above; pass --project");
    }
}
