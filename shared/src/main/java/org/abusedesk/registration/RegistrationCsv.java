package org.abusedesk.registration;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.abusedesk.request.InvalidRequestException;

/**
 * An import file's rows, read one at a time (RFC 4180: fields may be quoted, quotes doubled inside, UTF-8, an
 * optional byte order mark). Its header names the columns, in any order: {@value #COLUMNS}.
 */
final class RegistrationCsv implements Closeable {

    static final String COLUMNS = "mailingId,accountId,recipients,sentAt,subject,sender[,optInEvidence]";

    private static final List<String> REQUIRED =
            List.of("mailingId", "accountId", "recipients", "sentAt", "subject", "sender");
    private static final String OPTIONAL = "optInEvidence";
    private static final Pattern RECORD_LINE = Pattern.compile("started in line (\\d+)");

    /** No field of a valid row comes near this; a quote left open is caught here rather than after the whole file. */
    private static final int MAX_FIELD_CHARS = 64 * 1024;

    /** One row: its request, or why it cannot be one. */
    sealed interface Row {
        long line();
    }

    record Fields(long line, RegistrationRequest request) implements Row {}

    record Malformed(long line, Optional<String> mailingId, String reason) implements Row {}

    /** The file cannot be read on from here: the rows after it are lost to the import. */
    record Unreadable(long line, String reason) implements Row {}

    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> records;
    private final Map<String, Integer> columns;
    private long lastLine = 1;
    private boolean broken;

    /** @throws InvalidRequestException naming {@code header} when the file has none, or one that is wrong */
    RegistrationCsv(InputStream csv) {
        this.reader = CsvReader.builder()
                .detectBomHeader(true)
                .skipEmptyLines(true)
                .allowMissingFields(true)
                .allowExtraFields(true)
                .allowExtraCharsAfterClosingQuote(false)
                .maxBufferSize(MAX_FIELD_CHARS)
                .ofCsvRecord(csv, StandardCharsets.UTF_8);
        this.records = reader.iterator();
        try {
            if (!records.hasNext()) {
                throw new InvalidRequestException("header", "is required: " + COLUMNS);
            }
            this.columns = columns(records.next());
        } catch (CsvParseException e) {
            throw new InvalidRequestException("header", "cannot be read: " + cause(e));
        }
    }

    /** The next row, or empty at the end of the file or after an unreadable row. */
    Optional<Row> next() {
        if (broken) {
            return Optional.empty();
        }
        CsvRecord record;
        try {
            if (!records.hasNext()) {
                return Optional.empty();
            }
            record = records.next();
        } catch (CsvParseException e) {
            // The parser cannot find its footing again after this: everything after the row is unread.
            broken = true;
            return Optional.of(new Unreadable(lineOf(e), "the file cannot be read from here on: " + cause(e)));
        }
        lastLine = record.getStartingLineNumber();
        if (record.getFieldCount() != columns.size()) {
            return Optional.of(new Malformed(
                    lastLine,
                    field(record, "mailingId"),
                    "has " + record.getFieldCount() + " fields, the header " + columns.size()));
        }
        return Optional.of(new Fields(
                lastLine,
                new RegistrationRequest(
                        field(record, "mailingId").orElse(null),
                        field(record, "accountId").orElse(null),
                        field(record, "recipients").orElse(null),
                        field(record, "sentAt").orElse(null),
                        field(record, "subject").orElse(null),
                        field(record, "sender").orElse(null),
                        field(record, OPTIONAL).orElse(null))));
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<String> field(CsvRecord record, String column) {
        Integer index = columns.get(column);
        return index == null || index >= record.getFieldCount()
                ? Optional.empty()
                : Optional.of(record.getField(index));
    }

    private static Map<String, Integer> columns(CsvRecord header) {
        var columns = new HashMap<String, Integer>();
        var problems = new ArrayList<String>();
        for (int i = 0; i < header.getFieldCount(); i++) {
            String name = header.getField(i).strip();
            if (!REQUIRED.contains(name) && !OPTIONAL.equals(name)) {
                problems.add("has an unknown column \"" + shortened(name) + "\"");
            } else if (columns.putIfAbsent(name, i) != null) {
                problems.add("names " + name + " twice");
            }
        }
        var missing =
                REQUIRED.stream().filter(name -> !columns.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            problems.add("lacks " + String.join(", ", missing));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("header", String.join("; ", problems) + " (expected " + COLUMNS + ")");
        }
        return Map.copyOf(columns);
    }

    private long lineOf(CsvParseException e) {
        var matcher = RECORD_LINE.matcher(String.valueOf(e.getMessage()));
        return matcher.find() ? Long.parseLong(matcher.group(1)) : lastLine + 1;
    }

    private static String cause(CsvParseException e) {
        Throwable cause = e.getCause() instanceof CsvParseException inner ? inner : e;
        return shortened(String.valueOf(cause.getMessage()));
    }

    private static String shortened(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
