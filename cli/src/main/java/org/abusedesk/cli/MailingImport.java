package org.abusedesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import java.io.IOException;
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
import java.util.Optional;
import java.util.function.LongConsumer;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.registration.ImportFile;
import org.abusedesk.registration.ImportMailings;
import org.abusedesk.registration.RejectedRow;
import org.abusedesk.registration.RowError;

/**
 * A registry import file sent to {@code POST /admin/mailings/import} in chunks the API takes (at most {@value
 * #MAX_ROWS} rows and {@value #MAX_BYTES} bytes each, the header repeated in each), and the chunks' reports summed
 * into one for the whole file. Each chunk goes with its line offset, so that the API names each rejected row by its
 * line in the file; a Mailing ID in a row after one stored with it from an earlier chunk is rejected here as the API
 * rejects it within one file, so the first row wins.
 *
 * <p>The file is read twice as a stream: once to count its rows for the progress shown, once to send them. Records
 * are read as the API reads them ({@link ImportFile}), so that a quoted field with line breaks stays in its row and
 * lines are counted alike; blank lines and rows not sent are sent as blank lines, so that one offset fits a chunk.
 */
final class MailingImport {

    /** Rows a chunk holds at most: the API lists every rejected row of a chunk this size. */
    static final int MAX_ROWS = ImportMailings.MAX_REPORTED_ROWS;

    /** Bytes a chunk holds at most, header included: under the API's 1 MB a request. */
    static final int MAX_BYTES = 1_000_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The file's import: as the API reports one file's, each rejected row by its line in the file. */
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
                var item = rows.addObject()
                        .put("line", row.line())
                        .put("mailingId", row.mailingId().orElse(null))
                        .put("reason", row.reason());
                var errors = item.putArray("errors");
                for (var error : row.errors()) {
                    var entry = errors.addObject();
                    error.field().ifPresent(field -> entry.put("field", field));
                    entry.put("message", error.message());
                }
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
                var records = new ImportFile(in)) {
            long count = 0;
            try {
                while (records.next().isPresent()) {
                    count++;
                }
            } catch (ImportFile.Unreadable e) {
                count++;
            }
            return Math.max(0, count - 1);
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
                var records = new ImportFile(in)) {
            return new Run(rowsDone).read(records);
        }
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

        Report read(ImportFile records) {
            Optional<CsvRecord> first;
            try {
                first = records.next();
            } catch (ImportFile.Unreadable e) {
                throw new IllegalArgumentException("header: cannot be read: " + e.why(), e);
            }
            if (first.isEmpty()) {
                // No header that could be read: the API says what it expects.
                header = "";
                chunk = new Chunk();
                send();
                return report();
            }
            header = serialize(first.get());
            headerLines = ImportFile.lines(first.get());
            for (int i = 0; i < first.get().getFieldCount(); i++) {
                if (first.get().getField(i).strip().equals("mailingId")) {
                    mailingIdColumn = i;
                    break;
                }
            }
            chunk = new Chunk();
            while (true) {
                Optional<CsvRecord> next;
                try {
                    next = records.next();
                } catch (ImportFile.Unreadable e) {
                    // As the API: the parser cannot find its footing again, the rows after it are not read.
                    if (chunk.rows > 0) {
                        send();
                    }
                    rows++;
                    handled++;
                    complete = false;
                    reject(new RejectedRow(e.line(), Optional.empty(), RowError.row(e.reason())));
                    rowsDone.accept(handled);
                    return report();
                }
                if (next.isEmpty()) {
                    break;
                }
                add(next.get());
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
                        RowError.row("is larger than the API takes in one request (" + bytes + " bytes)")));
                return;
            }
            long blankLines = chunk.blankLinesBefore(line);
            // A row the lines counted cannot place after the chunk's last (never seen) starts a chunk of its own.
            if (chunk.rows == maxRows || chunk.bytes + blankLines + bytes > maxBytes || blankLines < 0) {
                send();
            }
            // The API rejects a repetition within its chunk; one of a row stored from an earlier chunk is rejected
            // here, in the API's words.
            Long first = mailingId == null ? null : stored.get(mailingId);
            if (first != null) {
                rows++;
                handled++;
                reject(new RejectedRow(
                        line, readable(mailingId), RowError.field("mailingId", "is in line " + first + " already")));
                return;
            }
            chunk.add(text, bytes, line, ImportFile.lines(record), mailingId);
        }

        private void send() {
            var sent = chunk;
            chunk = new Chunk();
            sentOne = true;
            JsonNode report;
            try {
                report = admin.json(
                        Route.IMPORT_MAILINGS,
                        Map.of(),
                        Map.of("lineOffset", Long.toString(sent.lineOffset)),
                        "text/csv; charset=utf-8",
                        sent.body.toString());
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
                var rejectedRow = rejectedRow(row, sent.lineOffset);
                rejectedLines.add(rejectedRow.line());
                rejectedRows.add(rejectedRow);
            }
            trimRejectedRows();
            for (int i = 0; i < sent.lines.size(); i++) {
                String mailingId = sent.mailingIds.get(i);
                if (mailingId != null && !rejectedLines.contains(sent.lines.get(i))) {
                    stored.putIfAbsent(mailingId, sent.lines.get(i));
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

        /**
         * The rows of one request, each on the line of the request that is its line in the file less the chunk's
         * offset: what the file has between two of them (blank lines, rows not sent) is sent as blank lines.
         */
        private final class Chunk {

            private final StringBuilder body = new StringBuilder(header);
            private final int headerBytes = header.getBytes(StandardCharsets.UTF_8).length;
            private final List<Long> lines = new ArrayList<>();
            private final List<String> mailingIds = new ArrayList<>();
            /** The line of the request the next row starts on, blank lines before it not counted. */
            private long nextLine = 1 + headerLines;

            private long lineOffset;
            private long bytes = headerBytes;
            private int rows;

            /** The blank lines a row of the file's line needs before it here; none as the chunk's first row. */
            long blankLinesBefore(long fileLine) {
                return rows == 0 ? 0 : fileLine - lineOffset - nextLine;
            }

            void add(String text, int size, long fileLine, long spans, String mailingId) {
                long blankLines = blankLinesBefore(fileLine);
                if (rows == 0) {
                    lineOffset = fileLine - nextLine;
                }
                body.repeat("\n", Math.toIntExact(blankLines)).append(text);
                nextLine += blankLines + spans;
                bytes += blankLines + size;
                lines.add(fileLine);
                mailingIds.add(mailingId);
                rows++;
            }

            long firstLine() {
                return lines.isEmpty() ? 1 : lines.get(0);
            }
        }
    }

    /** A rejected row of the API's report: its line there already the file's, for the offset it was sent with. */
    private static RejectedRow rejectedRow(JsonNode row, long lineOffset) {
        // An API from before line offsets names the request's line as row: the offset is added to it here.
        long line = row.has("line")
                ? row.path("line").asLong()
                : lineOffset + row.path("row").asLong();
        JsonNode mailingId = row.get("mailingId");
        var errors = new ArrayList<RowError>();
        for (JsonNode error : row.path("errors")) {
            String message = error.path("message").asText("");
            errors.add(
                    error.hasNonNull("field")
                            ? RowError.field(error.get("field").asText(), message)
                            : RowError.row(message));
        }
        if (errors.isEmpty()) {
            errors.add(RowError.row(row.path("reason").asText("")));
        }
        return new RejectedRow(
                line,
                mailingId == null || mailingId.isNull() ? Optional.empty() : Optional.of(mailingId.asText()),
                errors);
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

    private static Optional<String> readable(String mailingId) {
        return mailingId == null
                        || mailingId.isBlank()
                        || mailingId.length() > MailingId.MAX_LENGTH
                        || mailingId.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)
                ? Optional.empty()
                : Optional.of(mailingId);
    }
}
