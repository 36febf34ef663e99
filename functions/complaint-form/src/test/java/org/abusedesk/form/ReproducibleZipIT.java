package org.abusedesk.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReproducibleZipIT {

    private static final Path ROOT = Path.of(System.getProperty("abusedesk.root", "../.."))
            .toAbsolutePath()
            .normalize();
    private static final Path ZIP = Path.of("functions", "complaint-form", "target", "complaint-form.zip");

    @Test
    void theSameSources_builtAgainElsewhereAndLater_giveAByteIdenticalFunctionZip(@TempDir Path copy) throws Exception {
        // GIVEN the zip this build packed, and a copy of the sources in another folder, without any build output
        var built = ROOT.resolve(ZIP);
        assertThat(built)
                .as("packed by this build before its integration tests")
                .exists();
        copySources(ROOT, copy);

        // WHEN the copy is built again, offline, from the same repository of dependencies
        var log = copy.resolve("build.log");
        var build = new ProcessBuilder(List.of(
                        copy.resolve("mvnw").toString(),
                        "-B",
                        "-q",
                        "-o",
                        "-Dmaven.repo.local=" + System.getProperty("abusedesk.maven.repository"),
                        "-DskipTests",
                        "-Dspotless.check.skip=true",
                        "-pl",
                        "functions/complaint-form",
                        "-am",
                        "package"))
                .directory(copy.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        build.environment().put("JAVA_HOME", System.getProperty("java.home"));
        var process = build.start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("build finished").isTrue();
        assertThat(process.exitValue()).as(Files.readString(log)).isZero();

        // THEN both zips have the same hash: sam deploy publishes no new version of an unchanged function
        assertThat(sha256(copy.resolve(ZIP))).isEqualTo(sha256(built));
    }

    private static void copySources(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                var name = dir.getFileName().toString();
                if (!dir.equals(from) && (name.equals("target") || name.equals(".git"))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
