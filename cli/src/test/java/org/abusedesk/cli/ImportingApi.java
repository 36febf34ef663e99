package org.abusedesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.abusedesk.account.AccountId;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.complaint.MailingIdFormat;
import org.abusedesk.registration.BulkRegistration;
import org.abusedesk.registration.ImportMailings;
import org.abusedesk.registration.ImportProgress;
import org.abusedesk.registration.ImportReport;
import org.abusedesk.registration.Mailing;
import org.abusedesk.registration.Mailings;

/**
 * {@code POST /admin/mailings/import} as the API answers it: the registry's own import use case over a registry in
 * memory, its report as the route's JSON; with the API's limits on a request checked.
 */
final class ImportingApi {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The registry in memory. */
    static final class Registry implements Mailings {

        final Map<MailingId, Mailing> mailings = new HashMap<>();

        @Override
        public void register(Mailing mailing) {
            mailings.put(mailing.id(), mailing.registration());
        }

        @Override
        public BulkRegistration registerAll(List<Mailing> batch) {
            var written = new HashSet<MailingId>();
            var unchanged = new HashSet<MailingId>();
            for (var mailing : batch) {
                if (mailing.registration().equals(mailings.get(mailing.id()))) {
                    unchanged.add(mailing.id());
                } else {
                    mailings.put(mailing.id(), mailing.registration());
                    written.add(mailing.id());
                }
            }
            return new BulkRegistration(written, unchanged, Map.of());
        }

        @Override
        public Optional<Mailing> find(MailingId id) {
            return Optional.ofNullable(mailings.get(id));
        }

        @Override
        public List<Mailing> sentBy(AccountId accountId, Instant since) {
            return List.of();
        }
    }

    final Registry registry = new Registry();
    /** The bodies of the requests, in order. */
    final List<String> requests = new ArrayList<>();
    /** The line offsets the requests were sent with, in order. */
    final List<Long> lineOffsets = new ArrayList<>();
    /** The reports of the requests, in order. */
    final List<ImportReport> reports = new ArrayList<>();
    /** The request (counted from 1) the API refuses as too large, or 0. */
    int refuse;

    /** Answers the import route of the fake. */
    FakeAdminApi api() {
        return new FakeAdminApi().on(Route.IMPORT_MAILINGS, call -> {
            requests.add(call.body());
            if (call.body().getBytes(StandardCharsets.UTF_8).length > 1_048_576 || requests.size() == refuse) {
                return new AdminApi.Response(413, "{\"errors\":[{\"message\":\"the body is larger than 1 MB\"}]}");
            }
            long lineOffset = Long.parseLong(call.query().getOrDefault("lineOffset", "0"));
            lineOffsets.add(lineOffset);
            var report = importCsv(registry, call.body(), lineOffset);
            reports.add(report);
            return new AdminApi.Response(200, json(report));
        });
    }

    /** The use case's report for a whole file, as one request would give it. */
    static ImportReport importCsv(Mailings registry, String csv) {
        return importCsv(registry, csv, 0);
    }

    static ImportReport importCsv(Mailings registry, String csv, long lineOffset) {
        return new ImportMailings(registry, MailingIdFormat.DEFAULT)
                .importCsv(
                        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                        lineOffset,
                        ImportProgress.NONE);
    }

    /** The report as the route answers it: each rejected row by its line and errors, and as row and reason. */
    static String json(ImportReport report) {
        var json = report(report);
        for (JsonNode row : json.get("rejectedRows")) {
            ((ObjectNode) row).put("row", row.get("line").asLong());
        }
        return json.toString();
    }

    /** The report of a whole file as the command line reports it. */
    static JsonNode asCommandLineReports(ImportReport report) {
        return report(report);
    }

    /** The report in the command line's own rendering of it, which the route's answer shares field for field. */
    private static ObjectNode report(ImportReport report) {
        return (ObjectNode) new MailingImport.Report(
                        report.rows(),
                        report.written(),
                        report.unchanged(),
                        report.rejected(),
                        report.rejectedRows(),
                        report.complete())
                .json();
    }
}
