package org.abusedesk.testkit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * Builds something while {@code System.out} points at a buffer: what keeps that stream, as the metrics adapters do,
 * writes into the buffer for the rest of its life.
 */
public final class Stdout {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    public <T> T whileBuilding(Supplier<T> build) {
        var original = System.out;
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            return build.get();
        } finally {
            System.setOut(original);
        }
    }

    /** The embedded-metric-format lines written into the buffer. */
    public List<String> metricLines() {
        return buffer.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(line -> line.startsWith("{\"_aws\""))
                .toList();
    }
}
