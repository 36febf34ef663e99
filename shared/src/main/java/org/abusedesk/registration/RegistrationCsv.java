package org.abusedesk.registration;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.Closeable;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedSet;
import org.abusedesk.request.FieldError;
import org.abusedesk.request.InvalidRequestException;

/**
 * An import file's rows as registrations, read one at a time from an {@link ImportFile}. Its header names the
 * columns, in any order: {@value #COLUMNS}. A column left out is a field left empty, as the JSON API takes it.
 */
final class RegistrationCsv implements Closeable {

    static final String COLUMNS =
            "mailingId, accountId and sentAt; optionally recipients, subject, sender and optInEvidence";

    private static final List<String> REQUIRED = List.of("mailingId", "accountId", "sentAt");
    private static final List<String> OPTIONAL = List.of("recipients", "subject", "sender", "optInEvidence");

    /** Unknown columns named in an answer: a header of a hundred of them would otherwise fill it. */
    private static final int NAMED_UNKNOWN_COLUMNS = 3;

    /** No column's name is longer; a longer one is shown cut short. */
    private static final int NAME_CHARS = 64;

    /** One row: its request, or why it cannot be one. Its line is the file's, plus the import's offset. */
    sealed interface Row {
        long line();
    }

    record Fields(long line, RegistrationRequest request) implements Row {}

    record Malformed(long line, Optional<String> mailingId, String problem) implements Row {}

    /** The file cannot be read on from here: the rows after it are lost to the import. */
    record Unreadable(long line, String reason) implements Row {}

    private final ImportFile file;
    private final long lineOffset;
    private final Map<String, Integer> columns;

    /** @throws InvalidRequestException naming {@code header} when the file has none, or one that is wrong */
    RegistrationCsv(InputStream csv, long lineOffset) {
        this.file = new ImportFile(csv);
        this.lineOffset = lineOffset;
        try {
            this.columns = columns(
                    file.next().orElseThrow(() -> new InvalidRequestException("header", "is required: " + COLUMNS)));
        } catch (ImportFile.Unreadable e) {
            file.close();
            throw new InvalidRequestException("header", "cannot be read: " + e.why());
        } catch (InvalidRequestException e) {
            file.close();
            throw e;
        }
    }

    /** The next row, or empty at the end of the file or after an unreadable row. */
    Optional<Row> next() {
        CsvRecord record;
        try {
            var next = file.next();
            if (next.isEmpty()) {
                return Optional.empty();
            }
            record = next.get();
        } catch (ImportFile.Unreadable e) {
            return Optional.of(new Unreadable(lineOffset + e.line(), e.reason()));
        }
        long line = lineOffset + record.getStartingLineNumber();
        if (record.getFieldCount() != columns.size()) {
            return Optional.of(new Malformed(
                    line,
                    field(record, "mailingId"),
                    "has " + record.getFieldCount() + " fields, the header " + columns.size()));
        }
        return Optional.of(new Fields(
                line,
                new RegistrationRequest(
                        field(record, "mailingId").orElse(null),
                        field(record, "accountId").orElse(null),
                        field(record, "recipients").orElse(null),
                        field(record, "sentAt").orElse(null),
                        field(record, "subject").orElse(null),
                        field(record, "sender").orElse(null),
                        field(record, "optInEvidence").orElse(null))));
    }

    @Override
    public void close() {
        file.close();
    }

    private Optional<String> field(CsvRecord record, String column) {
        Integer index = columns.get(column);
        return index == null || index >= record.getFieldCount()
                ? Optional.empty()
                : Optional.of(record.getField(index));
    }

    private static Map<String, Integer> columns(CsvRecord header) {
        var columns = new HashMap<String, Integer>();
        var unknown = new LinkedHashSet<String>();
        var twice = new LinkedHashSet<String>();
        for (int i = 0; i < header.getFieldCount(); i++) {
            String name = header.getField(i).strip();
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                unknown.add(name);
            } else if (columns.putIfAbsent(name, i) != null) {
                twice.add(name);
            }
        }
        var errors = new ArrayList<FieldError>();
        if (!unknown.isEmpty()) {
            errors.add(new FieldError("header", unknown(unknown)));
        }
        if (!twice.isEmpty()) {
            errors.add(new FieldError("header", "names " + String.join(", ", twice) + " twice"));
        }
        var missing =
                REQUIRED.stream().filter(name -> !columns.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            errors.add(new FieldError("header", "lacks " + String.join(", ", missing)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return Map.copyOf(columns);
    }

    /** The unknown columns by name, the first few of them, and what the header may name instead. */
    private static String unknown(SequencedSet<String> names) {
        var named = names.stream()
                .limit(NAMED_UNKNOWN_COLUMNS)
                .map(name -> "\"" + printable(name) + "\"")
                .toList();
        return (names.size() == 1 ? "has an unknown column " : "has unknown columns ")
                + String.join(", ", named)
                + (names.size() > NAMED_UNKNOWN_COLUMNS
                        ? " and " + (names.size() - NAMED_UNKNOWN_COLUMNS) + " more"
                        : "")
                + " (the columns are " + COLUMNS + ")";
    }

    /** A column's name as an answer shows it: on one line, cut short. A quote left open makes all after it one. */
    static String printable(String name) {
        var shown = new StringBuilder();
        name.codePoints()
                .limit(NAME_CHARS)
                .forEach(c ->
                        shown.appendCodePoint(Character.isISOControl(c) || c == 0x2028 || c == 0x2029 ? '\uFFFD' : c));
        return name.codePointCount(0, name.length()) > NAME_CHARS ? shown + "…" : shown.toString();
    }
}
