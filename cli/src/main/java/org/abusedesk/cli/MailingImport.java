package org.abusedesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.registration.ImportMailings;

/**
 * A registry import file sent to {@code POST /admin/mailings/import} in chunks the API takes (at most {@value
 * #MAX_ROWS} rows and {@value #MAX_BYTES} bytes each, the header repeated in each), and the chunks' reports summed
 * into one for the whole file: each rejected row named by its line in the file, and a Mailing ID in a row after one
 * stored with it from an earlier chunk rejected as the API rejects it within one file, so the first row wins.
 *
 * <p>The file is read twice as a stream: once to count its rows for the progress shown, once to send them. Records
 * are split with the API's own CSV reading, so that a quoted field with line breaks stays in its row.
 */
final class MailingImport {

    /** Rows a chunk holds at most: the API lists every rejected row of a chunk this size. */
    static final int MAX_ROWS = ImportMailings.MAX_REPORTED_ROWS;

    /** Bytes a chunk holds at most, header included: under the API's 1 MB a request. */
    static final int MAX_BYTES = 1_000_000;

    /** As the API's reader: no field of a valid row comes near it. */
    private static final int MAX_FIELD_CHARS = 64 * 1024;

    private static final Pattern RECORD_LINE = Pattern.compile("started in line (\\d+)");
    private static final Pattern REPEATED = Pattern.compile("is in line (\\d+) already");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A row not stored: its line in the file (the header is line 1), its Mailing ID if readable, and why. */
    record RejectedRow(long line, String mailingId, String reason) {}

    /** The file's import: as the API reports one file's, with the file's lines. */
    record Report(
            long rows, long written, long unchanged, long rejected, List<RejectedRow> rejectedRows, boolean complete) {

        Report {
            rejectedRows = List.copyOf(rejectedRows);
        }

        /** Every row is stored. */
        boolean allStored() {
            return rejected == 0 && complete;
        }

        JsonNode json() {
            ObjectNode json = JSON.createObjectNode();
            json.put("rows", rows);
            json.put("written", written);
            json.put("unchanged", unchanged);
            json.put("rejected", rejected);
            var rows = json.putArray("rejectedRows");
            for (var row : rejectedRows) {
                rows.addObject()
                        .put("line", row.line())
                        .put("mailingId", row.mailingId())
                        .put("reason", row.reason());
            }
            json.put("complete", complete);
            return json;
        }
    }

    /** A chunk the API refused, or could not be sent: the report of the chunks before it, which are stored. */
    static final class Stopped extends RuntimeException {

        private final transient Report before;
        private final long line;
        private final AdminApiException cause;

        Stopped(Report before, long line, AdminApiException cause) {
            super(cause.getMessage(), cause);
            this.before = before;
            this.line = line;
            this.cause = cause;
        }

        Report before() {
            return before;
        }

        /** The file's line the refused chunk starts on. */
        long line() {
            return line;
        }

        AdminApiException refusal() {
            return cause;
        }
    }

    private final AdminClient admin;
    private final int maxRows;
    private final int maxBytes;

    MailingImport(AdminClient admin) {
        this(admin, MAX_ROWS, MAX_BYTES);
    }

    MailingImport(AdminClient admin, int maxRows, int maxBytes) {
        this.admin = Objects.requireNonNull(admin, "admin == null");
        if (maxRows < 1 || maxRows > MAX_ROWS) {
            throw new IllegalArgumentException("maxRows must be 1 to " + MAX_ROWS + ": " + maxRows);
        }
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
    }

    /** The file's data rows, the header not counted; a row the parser cannot get past counts and ends it. */
    static long countRows(Path file) throws IOException {
        try (var in = Files.newInputStream(file);
                var reader = reader(in)) {
            long records = 0;
            try {
                for (CsvRecord ignored : reader) {
                    records++;
                }
            } catch (CsvParseException e) {
                records++;
            }
            return Math.max(0, records - 1);
        }
    }

    /**
     * Imports the file.
     *
     * @param rowsDone told the rows handled so far after each chunk
     * @throws Stopped when the API refused a chunk; the chunks before it are stored
     */
    Report run(Path file, LongConsumer rowsDone) throws IOException {
        try (var in = Files.newInputStream(file);
                var reader = reader(in)) {
            return new Run(rowsDone).read(reader.iterator());
        }
    }

    private static CsvReader<CsvRecord> reader(InputStream in) {
        return CsvReader.builder()
                .detectBomHeader(true)
                .skipEmptyLines(true)
                .allowMissingFields(true)
                .allowExtraFields(true)
                .allowExtraCharsAfterClosingQuote(false)
                .maxBufferSize(MAX_FIELD_CHARS)
                .ofCsvRecord(in, StandardCharsets.UTF_8);
    }

    /** One import's tally. */
    private final class Run {

        private final LongConsumer rowsDone;
        /** The line of the row each Mailing ID was stored from: a later row with it is a repetition. */
        private final Map<String, Long> stored = new HashMap<>();

        private final List<RejectedRow> rejectedRows = new ArrayList<>();
        private String header;
        private long headerLines;
        private int mailingIdColumn = -1;
        private Chunk chunk;
        private boolean sentOne;
        private long handled;
        private long rows;
        private long written;
        private long unchanged;
        private long rejected;
        private boolean complete = true;

        Run(LongConsumer rowsDone) {
            this.rowsDone = rowsDone;
        }

        Report read(CloseableIterator<CsvRecord> records) {
            CsvRecord first;
            try {
                first = records.hasNext() ? records.next() : null;
            } catch (CsvParseException e) {
                throw new IllegalArgumentException("header: cannot be read: " + cause(e), e);
            }
            if (first == null) {
                // No header that could be read: the API says what it expects.
                header = "";
                headerLines = 1;
                chunk = new Chunk();
                send();
                return report();
            }
            header = serialize(first);
            headerLines = 1 + lineBreaks(header);
            for (int i = 0; i < first.getFieldCount(); i++) {
                if (first.getField(i).strip().equals("mailingId")) {
                    mailingIdColumn = i;
                    break;
                }
            }
            chunk = new Chunk();
            long lastLine = first.getStartingLineNumber();
            while (true) {
                CsvRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (CsvParseException e) {
                    // As the API: the parser cannot find its footing again, the rows after it are not read.
                    if (chunk.rows > 0) {
                        send();
                    }
                    rows++;
                    handled++;
                    complete = false;
                    reject(new RejectedRow(
                            lineOf(e, lastLine), null, "the file cannot be read from here on: " + cause(e)));
                    rowsDone.accept(handled);
                    return report();
                }
                lastLine = record.getStartingLineNumber();
                add(record);
            }
            if (chunk.rows > 0 || !sentOne) {
                send();
            }
            return report();
        }

        private void add(CsvRecord record) {
            String text = serialize(record);
            int bytes = text.getBytes(StandardCharsets.UTF_8).length;
            long line = record.getStartingLineNumber();
            String mailingId = mailingIdColumn >= 0 && mailingIdColumn < record.getFieldCount()
                    ? record.getField(mailingIdColumn).strip()
                    : null;
            if (chunk.headerBytes + bytes > maxBytes) {
                rows++;
                handled++;
                reject(new RejectedRow(
                        line,
                        readable(mailingId),
                        "is larger than the API takes in one request (" + bytes + " bytes)"));
                return;
            }
            if (chunk.rows == maxRows || chunk.bytes + bytes > maxBytes) {
                send();
            }
            // The API rejects a repetition within its chunk; one of a row stored from an earlier chunk is rejected
            // here, in the API's words.
            Long first = mailingId == null ? null : stored.get(mailingId);
            if (first != null) {
                rows++;
                handled++;
                reject(new RejectedRow(line, readable(mailingId), "mailingId: is in line " + first + " already"));
                return;
            }
            chunk.add(text, bytes, line, mailingId);
        }

        private void send() {
            var sent = chunk;
            chunk = new Chunk();
            sentOne = true;
            JsonNode report;
            try {
                report = admin.json(
                        Route.IMPORT_MAILINGS, Map.of(), Map.of(), "text/csv; charset=utf-8", sent.body.toString());
            } catch (AdminApiException e) {
                throw new Stopped(report(), sent.firstLine(), e);
            }
            rows += report.path("rows").asLong();
            written += report.path("written").asLong();
            unchanged += report.path("unchanged").asLong();
            rejected += report.path("rejected").asLong();
            complete &= report.path("complete").asBoolean(true);
            var rejectedLines = new HashSet<Long>();
            for (JsonNode row : report.path("rejectedRows")) {
                long chunkLine = row.path("row").asLong();
                rejectedLines.add(chunkLine);
                JsonNode mailingId = row.get("mailingId");
                rejectedRows.add(new RejectedRow(
                        sent.fileLine(chunkLine),
                        mailingId == null || mailingId.isNull() ? null : mailingId.asText(),
                        sent.reason(row.path("reason").asText(""))));
            }
            trimRejectedRows();
            for (int i = 0; i < sent.chunkLines.size(); i++) {
                String mailingId = sent.mailingIds.get(i);
                if (mailingId != null && !rejectedLines.contains(sent.chunkLines.get(i))) {
                    stored.putIfAbsent(mailingId, sent.fileLines.get(i));
                }
            }
            handled += sent.rows;
            rowsDone.accept(handled);
        }

        private void reject(RejectedRow row) {
            rejected++;
            rejectedRows.add(row);
            trimRejectedRows();
        }

        /** Keeps the rejected rows of the lowest lines the API would list; the count goes on. */
        private void trimRejectedRows() {
            if (rejectedRows.size() > 2 * ImportMailings.MAX_REPORTED_ROWS) {
                rejectedRows.sort(Comparator.comparingLong(RejectedRow::line));
                rejectedRows
                        .subList(ImportMailings.MAX_REPORTED_ROWS, rejectedRows.size())
                        .clear();
            }
        }

        private Report report() {
            var sorted = new ArrayList<>(rejectedRows);
            sorted.sort(Comparator.comparingLong(RejectedRow::line));
            var listed = sorted.subList(0, Math.min(sorted.size(), ImportMailings.MAX_REPORTED_ROWS));
            return new Report(rows, written, unchanged, rejected, listed, complete);
        }

        /** The rows of one request, each with the line it starts on in the chunk and in the file. */
        private final class Chunk {

            private final StringBuilder body = new StringBuilder(header);
            private final int headerBytes = header.getBytes(StandardCharsets.UTF_8).length;
            private final List<Long> chunkLines = new ArrayList<>();
            private final List<Long> fileLines = new ArrayList<>();
            private final List<String> mailingIds = new ArrayList<>();
            private final TreeMap<Long, Long> lines = new TreeMap<>();
            private long nextLine = 1 + headerLines;
            private long bytes = headerBytes;
            private int rows;

            void add(String text, int size, long fileLine, String mailingId) {
                body.append(text);
                chunkLines.add(nextLine);
                fileLines.add(fileLine);
                mailingIds.add(mailingId);
                lines.put(nextLine, fileLine);
                nextLine += 1 + lineBreaks(text);
                bytes += size;
                rows++;
            }

            long firstLine() {
                return fileLines.isEmpty() ? 1 : fileLines.get(0);
            }

            /** The file's line of a chunk's line: of the row starting on it, or of the last before it. */
            long fileLine(long chunkLine) {
                var row = lines.floorEntry(chunkLine);
                return row == null ? chunkLine : row.getValue() + (chunkLine - row.getKey());
            }

            /** The API's reason, a line of the chunk it names put as the file's. */
            String reason(String reason) {
                Matcher matcher = REPEATED.matcher(reason);
                var mapped = new StringBuilder();
                while (matcher.find()) {
                    long line = fileLine(Long.parseLong(matcher.group(1)));
                    matcher.appendReplacement(mapped, "is in line " + line + " already");
                }
                matcher.appendTail(mapped);
                return mapped.toString();
            }
        }
    }

    /** The record as CSV ending with a line feed; a record of one empty field quoted, so that it is no empty line. */
    static String serialize(CsvRecord record) {
        var text = new StringWriter();
        boolean emptyLine = record.getFieldCount() == 1 && record.getField(0).isEmpty();
        var writer = CsvWriter.builder()
                .lineDelimiter(LineDelimiter.LF)
                .quoteStrategy(emptyLine ? QuoteStrategies.EMPTY : QuoteStrategies.REQUIRED)
                .bufferSize(0)
                .build(text);
        writer.writeRecord(record.getFields());
        return text.toString();
    }

    /** The line breaks within a record's text, its final one not counted: as the API's reader counts lines. */
    static long lineBreaks(String text) {
        long breaks = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                breaks++;
            }
        }
        return Math.max(0, breaks - 1);
    }

    private static long lineOf(CsvParseException e, long lastLine) {
        var matcher = RECORD_LINE.matcher(String.valueOf(e.getMessage()));
        return matcher.find() ? Long.parseLong(matcher.group(1)) : lastLine + 1;
    }

    private static String cause(CsvParseException e) {
        Throwable cause = e.getCause() instanceof CsvParseException inner ? inner : e;
        String message = String.valueOf(cause.getMessage());
        return message.length() <= 200 ? message : message.substring(0, 200) + "…";
    }

    private static String readable(String mailingId) {
        return mailingId == null
                        || mailingId.isBlank()
                        || mailingId.length() > MailingId.MAX_LENGTH
                        || mailingId.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)
                ? null
                : mailingId;
    }
}
