package org.abusedesk.logging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;

/**
 * The log lines written while it is open, exactly as the desk's log configuration lays them out on stdout: its
 * {@code stdout} appender's JSON layout, copied to a buffer.
 */
public final class CapturedLog implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoggerContext context;
    private final WriterAppender appender;
    private final StringWriter buffer = new StringWriter();

    private CapturedLog() {
        this.context = (LoggerContext) LogManager.getContext(false);
        var configuration = context.getConfiguration();
        var layout = configuration.getAppender("stdout").getLayout();
        this.appender = WriterAppender.newBuilder()
                .setName("captured-" + System.identityHashCode(this))
                .setTarget(buffer)
                .setLayout(layout)
                .build();
        appender.start();
        configuration.getRootLogger().addAppender(appender, null, null);
        context.updateLoggers();
    }

    public static CapturedLog start() {
        return new CapturedLog();
    }

    /** Everything written, as it would appear on stdout. */
    public String text() {
        synchronized (buffer) {
            return buffer.toString();
        }
    }

    /** Each line, read as the JSON object it must be. */
    public List<JsonNode> lines() {
        var lines = new ArrayList<JsonNode>();
        for (String line : text().split("\\R")) {
            if (!line.isBlank()) {
                try {
                    lines.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException("not a JSON line: " + line, e);
                }
            }
        }
        return lines;
    }

    @Override
    public void close() {
        context.getConfiguration().getRootLogger().removeAppender(appender.getName());
        context.updateLoggers();
        appender.stop();
    }
}
