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
            var report = importCsv(registry, call.body());
            reports.add(report);
            return new AdminApi.Response(200, json(report));
        });
    }

    /** The use case's report for a whole file, as one request would give it. */
    static ImportReport importCsv(Mailings registry, String csv) {
        return new ImportMailings(registry, MailingIdFormat.DEFAULT)
                .importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), ImportProgress.NONE);
    }

    static String json(ImportReport report) {
        return report(report, "row").toString();
    }

    /** The report of a whole file with the lines named "line", as the command line reports it. */
    static JsonNode asCommandLineReports(ImportReport report) {
        return report(report, "line");
    }

    /** The report as JSON, each rejected row's number under the given name. */
    private static ObjectNode report(ImportReport report, String rowName) {
        var json = JSON.createObjectNode();
        json.put("rows", report.rows());
        json.put("written", report.written());
        json.put("unchanged", report.unchanged());
        json.put("rejected", report.rejected());
        var rows = json.putArray("rejectedRows");
        report.rejectedRows()
                .forEach(row -> rows.addObject()
                        .put(rowName, row.line())
                        .put("mailingId", row.mailingId().orElse(null))
                        .put("reason", row.reason()));
        json.put("complete", report.complete());
        return json;
    }
}
