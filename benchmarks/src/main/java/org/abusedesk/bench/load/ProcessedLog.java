package org.abusedesk.bench.load;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/**
 * When the processor finished each complaint, from its own log line ({@code complaint processed: mailingId={}
 * complaintId={} outcome={}}): the load run's clock on the processor, without polling the tables.
 */
final class ProcessedLog extends AbstractAppender {

    private static final Pattern PROCESSED =
            Pattern.compile("complaint processed: mailingId=\\S+ complaintId=(\\S+) outcome=(\\S+)");

    private static final String PROCESSOR = "org.abusedesk.processor.ComplaintProcessorHandler";

    /** Complaint id to the nano time of its first "processed" line. */
    final Map<String, Long> processedAt = new ConcurrentHashMap<>();

    /** Complaint ids counted more than once: never, unless the desk double-counts. */
    final Map<String, Integer> again = new ConcurrentHashMap<>();

    private ProcessedLog() {
        super("processed-log", null, null, true, Property.EMPTY_ARRAY);
    }

    /** Listens to the processor's logger of the running log4j configuration. */
    static ProcessedLog attach() {
        var context = (LoggerContext) LogManager.getContext(false);
        var appender = new ProcessedLog();
        appender.start();
        var configuration = context.getConfiguration();
        configuration.addAppender(appender);
        configuration.getRootLogger().addAppender(appender, null, null);
        context.updateLoggers();
        return appender;
    }

    @Override
    public void append(LogEvent event) {
        if (!PROCESSOR.equals(event.getLoggerName())) {
            return;
        }
        var line = PROCESSED.matcher(event.getMessage().getFormattedMessage());
        if (!line.lookingAt()) {
            return;
        }
        String complaintId = line.group(1);
        String outcome = line.group(2);
        if (!outcome.equals("NOTIFIED") && !outcome.equals("DEFERRED")) {
            return;
        }
        if (processedAt.putIfAbsent(complaintId, System.nanoTime()) != null) {
            again.merge(complaintId, 1, Integer::sum);
        }
    }
}
