package org.abusedesk.registration;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Optional;

/**
 * A registry import file read a record at a time, as RFC 4180 has it: fields may be quoted, quotes doubled inside,
 * UTF-8 with an optional byte order mark; blank lines are skipped. Each record starts on the line FastCSV counted for
 * it. The admin API reads an import with it, and the command line the file it sends in parts, so that both count the
 * same lines.
 */
public final class ImportFile implements Closeable {

    /** No field of a valid row comes near this; a quote left open is caught here rather than after the whole file. */
    public static final int MAX_FIELD_CHARS = 64 * 1024;

    /** The parser could not read past a record: nothing from {@link #line()} on was read. */
    public static final class Unreadable extends RuntimeException {

        private final long line;
        private final String why;

        Unreadable(long line, String why) {
            super("line " + line + ": " + why);
            this.line = line;
            this.why = why;
        }

        /** The first line not read: the broken record starts on it, or after blank lines that do. */
        public long line() {
            return line;
        }

        /** The parser's words for what broke, shortened. */
        public String why() {
            return why;
        }

        /** What a report says of the row it breaks on, in the admin API's words and the command line's alike. */
        public String reason() {
            return "the file cannot be read from here on: " + why;
        }
    }

    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> records;
    private long nextLine = 1;
    private boolean broken;

    public ImportFile(InputStream csv) {
        this.reader = CsvReader.builder()
                .detectBomHeader(true)
                .skipEmptyLines(true)
                .allowMissingFields(true)
                .allowExtraFields(true)
                .allowExtraCharsAfterClosingQuote(false)
                .maxBufferSize(MAX_FIELD_CHARS)
                .ofCsvRecord(csv, StandardCharsets.UTF_8);
        this.records = reader.iterator();
    }

    /**
     * The next record, or empty at the end of the file and after an unreadable one.
     *
     * @throws Unreadable when the parser cannot get past the next record: it cannot find its footing again after it
     */
    public Optional<CsvRecord> next() {
        if (broken) {
            return Optional.empty();
        }
        try {
            if (!records.hasNext()) {
                return Optional.empty();
            }
            var record = records.next();
            nextLine = record.getStartingLineNumber() + lines(record);
            return Optional.of(record);
        } catch (CsvParseException e) {
            broken = true;
            throw new Unreadable(nextLine, why(e));
        }
    }

    /**
     * The lines a record spans, as FastCSV counts them: one, and one more for each CR within its quoted fields, and
     * for each LF that does not end a CR's line break. FastCSV takes an LF for the end of the last CR's line break even
     * with other characters between them, until a quote; so must whatever counts lines alike.
     */
    public static long lines(CsvRecord record) {
        long lines = 1;
        for (String field : record.getFields()) {
            // Every quoted field starts with its quote, and a quote in its text was doubled: both end a line break.
            boolean afterCr = false;
            for (int i = 0; i < field.length(); i++) {
                switch (field.charAt(i)) {
                    case '\r' -> {
                        lines++;
                        afterCr = true;
                    }
                    case '\n' -> {
                        if (afterCr) {
                            afterCr = false;
                        } else {
                            lines++;
                        }
                    }
                    case '"' -> afterCr = false;
                    default -> {
                        // any other character leaves a CR's line break open
                    }
                }
            }
        }
        return lines;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String why(CsvParseException e) {
        // FastCSV wraps the cause (an open quote, a character after a closing one) in a note of where it was.
        Throwable cause = e.getCause() instanceof CsvParseException inner ? inner : e;
        return shortened(String.valueOf(cause.getMessage()));
    }

    private static String shortened(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
