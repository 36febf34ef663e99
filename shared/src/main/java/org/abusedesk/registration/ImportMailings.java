package org.abusedesk.registration;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.complaint.MailingIdFormat;
import org.abusedesk.request.InvalidRequestException;

/**
 * The sending platform registers many mailings from a CSV file. The file is read as a stream, a row at a time, so
 * its size is bounded by the time it takes, not by memory; each row is checked as a single registration is, and the
 * valid ones are stored in batches. A bad row, a Mailing ID the file had already, or a row the store refuses is
 * reported with its line and what is wrong with which field, and stops nothing. An import of a mailing already
 * registered keeps its complaint counters and notification state; one that changes nothing writes nothing, so
 * importing a file again is harmless.
 *
 * <p>A large file may be imported in parts, its header repeated in each: with each part's line offset, the lines
 * reported are those of the whole file.
 */
public final class ImportMailings {

    /** Rows read between two batches handed to the registry, and between two progress reports. */
    public static final int BATCH_ROWS = 100;

    /** Rejected rows the report lists; beyond these it counts them only. */
    public static final int MAX_REPORTED_ROWS = 1_000;

    /** The columns an import file's header names, in any order. */
    public static final String COLUMNS = RegistrationCsv.COLUMNS;

    /** The largest line offset: any line of a part after it is still a number every JSON reader holds exactly. */
    public static final long MAX_LINE_OFFSET = 1_000_000_000_000L;

    private final Mailings mailings;
    private final RegistrationValidator validator;

    public ImportMailings(Mailings mailings, MailingIdFormat mailingIdFormat) {
        this.mailings = Objects.requireNonNull(mailings, "mailings == null");
        this.validator = new RegistrationValidator(mailingIdFormat);
    }

    /** Imports a whole file's rows: {@link #importCsv(InputStream, long, ImportProgress)} with no line offset. */
    public ImportReport importCsv(InputStream csv, ImportProgress progress) {
        return importCsv(csv, 0, progress);
    }

    /**
     * Imports the file's rows.
     *
     * @param csv UTF-8, with a header row; see {@link #COLUMNS}
     * @param lineOffset added to every line the report names: for a part of a larger file, the lines of that file
     *     before the part's first row, less the part's own lines before it (its header)
     * @throws InvalidRequestException naming {@code header} when the file has none, or one that is wrong; nothing is
     *     stored then
     * @throws IllegalArgumentException when the line offset is below 0 or above {@link #MAX_LINE_OFFSET}
     */
    public ImportReport importCsv(InputStream csv, long lineOffset, ImportProgress progress) {
        if (lineOffset < 0 || lineOffset > MAX_LINE_OFFSET) {
            throw new IllegalArgumentException("lineOffset must be 0 to " + MAX_LINE_OFFSET + ": " + lineOffset);
        }
        try (var file = new RegistrationCsv(csv, lineOffset)) {
            return new Run(progress).read(file);
        }
    }

    /** One import's tally. */
    private final class Run {

        private final ImportProgress progress;
        /** The line each valid Mailing ID was first seen on: a later row with it is a repetition. */
        private final Map<MailingId, Long> seen = new HashMap<>();

        private final Map<MailingId, Long> batch = new LinkedHashMap<>();
        private final List<Mailing> pending = new ArrayList<>();
        private final List<RejectedRow> rejectedRows = new ArrayList<>();
        private long rows;
        private long written;
        private long unchanged;
        private long rejected;
        private long reported = -1;

        Run(ImportProgress progress) {
            this.progress = Objects.requireNonNull(progress, "progress == null");
        }

        ImportReport read(RegistrationCsv file) {
            boolean complete = true;
            for (var next = file.next(); next.isPresent(); next = file.next()) {
                switch (next.get()) {
                    case RegistrationCsv.Fields row -> {
                        rows++;
                        accept(row);
                    }
                    case RegistrationCsv.Malformed row -> {
                        rows++;
                        reject(new RejectedRow(
                                row.line(),
                                row.mailingId().filter(ImportMailings::readable),
                                RowError.row(row.problem())));
                    }
                    case RegistrationCsv.Unreadable row -> {
                        rows++;
                        complete = false;
                        reject(new RejectedRow(row.line(), Optional.empty(), RowError.row(row.reason())));
                    }
                }
                if (rows % BATCH_ROWS == 0) {
                    store();
                }
            }
            store();
            rejectedRows.sort(Comparator.comparingLong(RejectedRow::line));
            return new ImportReport(rows, written, unchanged, rejected, rejectedRows, complete);
        }

        private void accept(RegistrationCsv.Fields row) {
            Mailing mailing;
            try {
                mailing = validator.validate(row.request());
            } catch (InvalidRequestException e) {
                reject(new RejectedRow(
                        row.line(),
                        Optional.ofNullable(row.request().mailingId())
                                .map(String::strip)
                                .filter(ImportMailings::readable),
                        e.errors().stream().map(RowError::of).toList()));
                return;
            }
            Long first = seen.putIfAbsent(mailing.id(), row.line());
            if (first != null) {
                reject(new RejectedRow(
                        row.line(),
                        Optional.of(mailing.id().value()),
                        RowError.field("mailingId", "is in line " + first + " already")));
                return;
            }
            batch.put(mailing.id(), row.line());
            pending.add(mailing);
        }

        private void store() {
            if (!pending.isEmpty()) {
                var result = mailings.registerAll(pending);
                written += result.written().size();
                unchanged += result.unchanged().size();
                result.failed()
                        .forEach((id, why) -> reject(new RejectedRow(
                                batch.get(id), Optional.of(id.value()), RowError.row("not stored: " + why))));
                pending.clear();
                batch.clear();
            }
            if (rows != reported) {
                progress.rowsDone(rows);
                reported = rows;
            }
        }

        private void reject(RejectedRow row) {
            rejected++;
            if (rejectedRows.size() < MAX_REPORTED_ROWS) {
                rejectedRows.add(row);
            }
        }
    }

    /** Whether a row's Mailing ID can be shown in a report as it is: no line breaks, no more than an ID's length. */
    private static boolean readable(String mailingId) {
        return !mailingId.isBlank()
                && mailingId.length() <= MailingId.MAX_LENGTH
                && mailingId.codePoints().noneMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029);
    }
}
