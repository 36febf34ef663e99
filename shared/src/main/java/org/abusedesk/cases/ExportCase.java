package org.abusedesk.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.MailProvenance;
import org.abusedesk.inbound.InboundLimits;
import org.abusedesk.inbound.MailParser;
import org.abusedesk.inbound.ResolutionProfile;
import org.abusedesk.registration.Mailings;
import org.abusedesk.thread.CaseThreads;

/**
 * Exports one case: as an X-ARF v4 report, or as the evidence bundle that answers the Certified Senders Alliance.
 * The reported message is read again from the stored raw mail with the inbound function's own parser.
 */
public final class ExportCase {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CaseFiles files;
    private final Mailings mailings;
    private final StoredEvidence evidence;
    private final MailParser parser;
    private final long maxBytes;
    private final AbuseDeskContact desk;
    private final Clock clock;
    private final Optional<CaseThreads> threads;

    public ExportCase(
            CaseFiles files,
            Mailings mailings,
            StoredEvidence evidence,
            InboundLimits limits,
            ResolutionProfile profile,
            AbuseDeskContact desk,
            Clock clock) {
        this(files, mailings, evidence, limits, profile, desk, clock, Optional.empty());
    }

    /** Exports whose CSA bundle carries the case's thread with the sending customer. */
    public ExportCase(
            CaseFiles files,
            Mailings mailings,
            StoredEvidence evidence,
            InboundLimits limits,
            ResolutionProfile profile,
            AbuseDeskContact desk,
            Clock clock,
            CaseThreads threads) {
        this(files, mailings, evidence, limits, profile, desk, clock, Optional.of(threads));
    }

    private ExportCase(
            CaseFiles files,
            Mailings mailings,
            StoredEvidence evidence,
            InboundLimits limits,
            ResolutionProfile profile,
            AbuseDeskContact desk,
            Clock clock,
            Optional<CaseThreads> threads) {
        this.threads = Objects.requireNonNull(threads, "threads == null");
        this.files = Objects.requireNonNull(files, "files == null");
        this.mailings = Objects.requireNonNull(mailings, "mailings == null");
        this.evidence = Objects.requireNonNull(evidence, "evidence == null");
        this.parser = new MailParser(limits, profile);
        this.maxBytes = limits.maxBytes();
        this.desk = Objects.requireNonNull(desk, "desk == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /**
     * The case as an X-ARF v4 JSON report.
     *
     * @throws CaseNotFoundException when there is no such case
     * @throws CaseNotExportableException when no sender address is known
     */
    public String xarf(ComplaintKey key) {
        var file = find(key);
        return json(XarfExport.report(file, mailings.find(key.mailingId()), original(file), desk));
    }

    /**
     * The CSA evidence bundle of the case, as JSON.
     *
     * @throws CaseNotFoundException when there is no such case
     */
    public String csaBundle(ComplaintKey key) {
        var file = find(key);
        var now = clock.instant();
        return json(CsaEvidenceBundle.of(
                file,
                mailings.find(key.mailingId()),
                original(file),
                AnswerDeadline.csa(file.complaint().receivedAt()),
                threads.map(t -> t.of(key, now)).orElse(List.of()),
                now));
    }

    private CaseFile find(ComplaintKey key) {
        return files.find(key, clock.instant()).orElseThrow(() -> new CaseNotFoundException(key));
    }

    /** The reported message of a mailed case, parsed again from its stored raw mail; none without stored mail. */
    private Optional<ReportedOriginal> original(CaseFile file) {
        var provenance = file.complaint().attribution().provenance();
        var location = provenance.flatMap(MailProvenance::evidence);
        if (location.isEmpty()) {
            return Optional.empty();
        }
        int part = provenance.get().part();
        return evidence.read(location.get(), maxBytes)
                .map(parser::parse)
                .filter(mail -> part < mail.reports().size())
                .map(mail -> ReportedOriginal.of(mail.reports().get(part)));
    }

    private static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always writes", e);
        }
    }
}
