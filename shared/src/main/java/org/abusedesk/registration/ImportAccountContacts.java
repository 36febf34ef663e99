package org.abusedesk.registration;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.account.AccountContactEntry;
import org.abusedesk.account.AccountContactRequest;
import org.abusedesk.account.AccountContacts;
import org.abusedesk.account.AccountId;
import org.abusedesk.account.ContactValidator;
import org.abusedesk.request.FieldError;
import org.abusedesk.request.InvalidRequestException;

/**
 * The sending platform sets the contacts of many accounts from a CSV file with the header {@value #COLUMNS}, in any
 * order. The file is read a row at a time; each row is checked as a single contact is, and a valid one is stored at
 * once. A bad row, an account the file had already, or a row beyond {@link #MAX_ROWS} is reported with its line and
 * what is wrong with which column, and stops nothing before it. Setting a contact again with the same values changes
 * nothing, so importing a file again is harmless, also after a store's failure half-way.
 */
public final class ImportAccountContacts {

    /** The rows one import takes, as many as a mailing import's request holds; larger files go in several. */
    public static final int MAX_ROWS = 10_000;

    public static final String COLUMNS = "accountId, contactEmail, contactName and language";

    private static final List<String> HEADER = List.of("accountId", "contactEmail", "contactName", "language");

    /** The validator's field names as the file's columns call them. */
    private static final Map<String, String> COLUMN_OF =
            Map.of("accountId", "accountId", "email", "contactEmail", "name", "contactName", "language", "language");

    /** Unknown columns named in an answer: a header of thousands of them would otherwise fill it. */
    private static final int NAMED_UNKNOWN_COLUMNS = 3;

    private final AccountContacts contacts;

    public ImportAccountContacts(AccountContacts contacts) {
        this.contacts = Objects.requireNonNull(contacts, "contacts == null");
    }

    /**
     * Imports the file's rows.
     *
     * @param csv UTF-8, with a header row; see {@link #COLUMNS}
     * @throws InvalidRequestException naming {@code header} when the file has none, or one that is wrong; nothing is
     *     stored then
     */
    public ContactImportReport importCsv(InputStream csv) {
        try (var file = new ImportFile(csv)) {
            Map<String, Integer> columns;
            try {
                columns = columns(file.next()
                        .orElseThrow(() -> new InvalidRequestException("header", "is required: " + COLUMNS)));
            } catch (ImportFile.Unreadable e) {
                throw new InvalidRequestException("header", "cannot be read: " + e.why());
            }
            return new Run(columns).read(file);
        }
    }

    /** One import's tally. */
    private final class Run {

        private final Map<String, Integer> columns;
        /** The line each account was first seen on: a later row for it is a repetition. */
        private final Map<AccountId, Long> seen = new HashMap<>();

        private final List<RejectedContact> rejectedRows = new ArrayList<>();
        private long rows;
        private long written;
        private long rejected;

        Run(Map<String, Integer> columns) {
            this.columns = columns;
        }

        ContactImportReport read(ImportFile file) {
            while (true) {
                CsvRecord record;
                try {
                    var next = file.next();
                    if (next.isEmpty()) {
                        return report(true);
                    }
                    record = next.get();
                } catch (ImportFile.Unreadable e) {
                    rows++;
                    reject(new RejectedContact(e.line(), Optional.empty(), RowError.row(e.reason())));
                    return report(false);
                }
                rows++;
                if (rows > MAX_ROWS) {
                    reject(
                            new RejectedContact(
                                    record.getStartingLineNumber(),
                                    Optional.empty(),
                                    RowError.row(
                                            "an import takes at most " + MAX_ROWS
                                                    + " rows; this one and those after it were not read: import them in another file")));
                    return report(false);
                }
                accept(record);
            }
        }

        private void accept(CsvRecord record) {
            long line = record.getStartingLineNumber();
            Optional<String> accountId =
                    field(record, "accountId").map(String::strip).filter(Run::readable);
            if (record.getFieldCount() != columns.size()) {
                reject(new RejectedContact(
                        line,
                        accountId,
                        RowError.row("has " + record.getFieldCount() + " fields, the header " + columns.size())));
                return;
            }
            var request = new AccountContactRequest(
                    field(record, "accountId").orElse(null),
                    field(record, "contactEmail").orElse(null),
                    field(record, "contactName").orElse(null),
                    field(record, "language").orElse(null));
            AccountContactEntry entry;
            try {
                entry = ContactValidator.validate(request);
            } catch (InvalidRequestException e) {
                reject(new RejectedContact(
                        line,
                        accountId,
                        e.errors().stream()
                                .map(error -> RowError.field(
                                        COLUMN_OF.getOrDefault(error.field(), error.field()), error.message()))
                                .toList()));
                return;
            }
            Long first = seen.putIfAbsent(entry.accountId(), line);
            if (first != null) {
                reject(new RejectedContact(
                        line,
                        Optional.of(entry.accountId().value()),
                        RowError.field("accountId", "is in line " + first + " already")));
                return;
            }
            contacts.put(entry.accountId(), entry.contact());
            written++;
        }

        private Optional<String> field(CsvRecord record, String column) {
            Integer index = columns.get(column);
            return index == null || index >= record.getFieldCount()
                    ? Optional.empty()
                    : Optional.of(record.getField(index));
        }

        private void reject(RejectedContact row) {
            rejected++;
            if (rejectedRows.size() < ImportMailings.MAX_REPORTED_ROWS) {
                rejectedRows.add(row);
            }
        }

        private ContactImportReport report(boolean complete) {
            return new ContactImportReport(rows, written, rejected, rejectedRows, complete);
        }

        /** Whether a row's account can be shown in a report as it is: one line, no longer than an account id. */
        private static boolean readable(String accountId) {
            return !accountId.isBlank()
                    && accountId.length() <= AccountId.MAX_LENGTH
                    && accountId.codePoints().noneMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029);
        }
    }

    private static Map<String, Integer> columns(CsvRecord header) {
        var columns = new HashMap<String, Integer>();
        var unknown = new LinkedHashSet<String>();
        var twice = new LinkedHashSet<String>();
        for (int i = 0; i < header.getFieldCount(); i++) {
            String name = header.getField(i).strip();
            if (!HEADER.contains(name)) {
                unknown.add(name);
            } else if (columns.putIfAbsent(name, i) != null) {
                twice.add(name);
            }
        }
        var errors = new ArrayList<FieldError>();
        if (!unknown.isEmpty()) {
            var named = unknown.stream()
                    .limit(NAMED_UNKNOWN_COLUMNS)
                    .map(name -> "\"" + RegistrationCsv.printable(name) + "\"")
                    .toList();
            errors.add(new FieldError(
                    "header",
                    (unknown.size() == 1 ? "has an unknown column " : "has unknown columns ")
                            + String.join(", ", named)
                            + (unknown.size() > NAMED_UNKNOWN_COLUMNS
                                    ? " and " + (unknown.size() - NAMED_UNKNOWN_COLUMNS) + " more"
                                    : "")
                            + " (the columns are " + COLUMNS + ")"));
        }
        if (!twice.isEmpty()) {
            errors.add(new FieldError("header", "names " + String.join(", ", twice) + " twice"));
        }
        var missing = HEADER.stream().filter(name -> !columns.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            errors.add(new FieldError("header", "lacks " + String.join(", ", missing)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return Map.copyOf(columns);
    }
}
