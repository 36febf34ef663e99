package org.abusedesk.cases;

import static org.abusedesk.cases.CaseFixtures.ERIKA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.abusedesk.account.AccountId;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.InMemoryComplaints;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.complaint.ReceiptVerdicts;
import org.abusedesk.complaint.Verdict;
import org.abusedesk.inbound.DkimVerifier;
import org.abusedesk.inbound.InMemoryRawMails;
import org.abusedesk.inbound.InboundLimits;
import org.abusedesk.inbound.MailReader;
import org.abusedesk.inbound.RawMails;
import org.abusedesk.inbound.ReceiveMail;
import org.abusedesk.inbound.ReceivedMail;
import org.abusedesk.inbound.ResolutionProfile;
import org.abusedesk.metrics.RecordingDeskMetrics;
import org.abusedesk.registration.InMemoryMailings;
import org.abusedesk.registration.Mailing;
import org.abusedesk.testkit.MailFixtures;
import org.junit.jupiter.api.Test;

class ExportCaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A Friday: the CSA answer is due by the end of Tuesday. */
    private static final Instant RECEIVED_AT = Instant.parse("2026-11-27T10:00:00Z");

    private static final Instant NOW = RECEIVED_AT.plus(Duration.ofHours(2));
    private static final AbuseDeskContact DESK = AbuseDeskContact.of("Example ESP GmbH", "abuse@example.com");
    private static final String REPORTED = String.join(
            "\r\n",
            "Return-Path: <bounce-14141611@mail.shop.example.org>",
            "Received: from out7.example.com (out7.example.com [192.0.2.25]) by mx.example.net (Postfix) with ESMTPS"
                    + " id 4XyZ; Thu, 26 Nov 2026 09:00:01 +0100 (CET)",
            "Received: from app.example.com ([198.51.100.9]) by out7.example.com; Thu, 26 Nov 2026 09:00:00 +0100",
            "From: Shop <news@shop.example.org>",
            "To: Erika Muster <erika.muster@example.net>",
            "Subject: =?UTF-8?Q?Angebote_f=C3=BCr_Sie?=",
            "Message-ID: <m1.14141611@shop.example.org>",
            "Date: Thu, 26 Nov 2026 09:00:00 +0100 (CET)",
            "X-Mailing: 14141611",
            "X-Client: 121070",
            "Content-Type: text/plain",
            "",
            "Kaufen Sie jetzt.",
            "");

    private final InMemoryComplaints complaints = new InMemoryComplaints();
    private final InMemoryCases cases = new InMemoryCases(complaints);
    private final InMemoryMailings mailings = new InMemoryMailings();
    private final InMemoryStoredEvidence evidence = new InMemoryStoredEvidence();
    private final ExportCase export = new ExportCase(
            cases,
            mailings,
            evidence,
            InboundLimits.DEFAULT,
            ResolutionProfile.DEFAULT,
            DESK,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void xarf_ofAMailedComplaint_namesTheSendingServerAndSender_withTheReportedMessageAsEvidence() throws Exception {
        // GIVEN a complaint that forwarded the spam as an attachment, stored as the inbound function stores it
        var complaint = received("ses-1", forwardOf(REPORTED), ReceiptVerdicts.UNKNOWN);

        // WHEN it is exported as X-ARF
        String json = export.xarf(complaint.key());

        // THEN it is a valid messaging/spam report of our abuse desk about our server, with the spam attached
        assertThat(XarfSchema.errors(json)).isEmpty();
        var report = (ObjectNode) JSON.readTree(json);
        assertThat(report.get("xarf_version").asText()).isEqualTo("4.0.0");
        assertThat(report.get("report_id").asText())
                .isEqualTo(XarfExport.reportId(complaint.key()).toString());
        assertThat(report.get("timestamp").asText()).isEqualTo("2026-11-26T08:00:00Z");
        assertThat(report.get("reporter"))
                .isEqualTo(JSON.readTree(
                        "{\"org\":\"Example ESP GmbH\",\"contact\":\"abuse@example.com\",\"domain\":\"example.com\"}"));
        assertThat(report.get("sender")).isEqualTo(report.get("reporter"));
        assertThat(report.get("source_identifier").asText()).isEqualTo("192.0.2.25");
        assertThat(report.get("source_port").asInt()).isEqualTo(25);
        assertThat(report.get("category").asText()).isEqualTo("messaging");
        assertThat(report.get("type").asText()).isEqualTo("spam");
        assertThat(report.get("evidence_source").asText()).isEqualTo("user_complaint");
        assertThat(report.get("protocol").asText()).isEqualTo("smtp");
        assertThat(report.get("smtp_from").asText()).isEqualTo("bounce-14141611@mail.shop.example.org");
        assertThat(report.get("subject").asText()).isEqualTo("Angebote für Sie");
        assertThat(report.get("message_id").asText()).isEqualTo("<m1.14141611@shop.example.org>");
        var item = report.get("evidence").get(0);
        byte[] payload = Base64.getDecoder().decode(item.get("payload").asText());
        assertThat(new String(payload, StandardCharsets.UTF_8)).contains("X-Mailing: 14141611", "Kaufen Sie jetzt.");
        assertThat(item.get("content_type").asText()).isEqualTo("message/rfc822");
        assertThat(item.get("hash").asText())
                .isEqualTo("sha256:"
                        + HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256").digest(payload)));
        assertThat(item.get("size").asInt()).isEqualTo(payload.length);
        // what the complaint stored of the complainant appears in no field of the report itself
        report.remove("evidence");
        assertThat(report.toString())
                .doesNotContainIgnoringCase("erika")
                .doesNotContainIgnoringCase("muster")
                .doesNotContain("Das will ich nicht");
    }

    @Test
    void xarf_ofAFormComplaint_takesSenderSubjectTimeAndRecipientsFromTheRegistry_andHasNoEvidence() throws Exception {
        var complaint = CaseFixtures.form("14141611", RECEIVED_AT, ComplaintState.NOTIFIED, ERIKA);
        complaints.add(complaint);
        mailings.register(registration(Optional.of("news@shop.example.org"), Optional.empty()));

        String json = export.xarf(complaint.key());

        assertThat(XarfSchema.errors(json)).isEmpty();
        var report = JSON.readTree(json);
        assertThat(report.get("smtp_from").asText()).isEqualTo("news@shop.example.org");
        assertThat(report.get("source_identifier").asText()).isEqualTo("shop.example.org");
        assertThat(report.get("timestamp").asText()).isEqualTo("2026-11-26T07:30:00Z");
        assertThat(report.get("subject").asText()).isEqualTo("Angebote");
        assertThat(report.get("recipient_count").asInt()).isEqualTo(1000);
        assertThat(report.get("evidence")).isEmpty();
        assertThat(json).doesNotContainIgnoringCase("erika").doesNotContain("angemeldet");
    }

    @Test
    void xarf_ofAQuarantinedMail_leavesTheMailOut() throws Exception {
        var virus = new ReceiptVerdicts(Verdict.PASS, Verdict.FAIL, Verdict.PASS, Verdict.PASS, Verdict.PASS);
        var complaint = received("ses-virus", forwardOf(REPORTED), virus);

        String json = export.xarf(complaint.key());

        assertThat(XarfSchema.errors(json)).isEmpty();
        assertThat(JSON.readTree(json).get("evidence")).isEmpty();
        assertThat(JSON.readTree(json).get("source_identifier").asText()).isEqualTo("192.0.2.25");
    }

    @Test
    void xarf_withoutAnyKnownSender_isRefused_andAMissingCaseIsNotFound() {
        var complaint = CaseFixtures.form("14141611", RECEIVED_AT, ComplaintState.NOTIFIED, ERIKA);
        complaints.add(complaint);

        assertThatThrownBy(() -> export.xarf(complaint.key()))
                .isInstanceOf(CaseNotExportableException.class)
                .hasMessage("case 14141611/" + complaint.id() + " cannot be exported: no sender address: neither the"
                        + " reported message nor the mailing registry names one");
        assertThatThrownBy(() -> export.xarf(
                        ComplaintKey.of("14141611", CaseFixtures.idAt(NOW).value())))
                .isInstanceOf(CaseNotFoundException.class);
    }

    @Test
    void reportId_isTheSameForACase_otherForAnother_andLaidOutAsVersion4() {
        var key = ComplaintKey.of("14141611", "01KB3V9X4E0ZQ6K8N2M5T7R1YH");
        var other = ComplaintKey.of("14141611", "01KB3V9X4E0ZQ6K8N2M5T7R1YJ");

        assertThat(XarfExport.reportId(key)).isEqualTo(XarfExport.reportId(key));
        assertThat(XarfExport.reportId(key)).isNotEqualTo(XarfExport.reportId(other));
        assertThat(XarfExport.reportId(key).version()).isEqualTo(4);
        assertThat(XarfExport.reportId(key).variant()).isEqualTo(2);
    }

    @Test
    void theSchema_refusesWhatAnXarfReportMustNotBe() throws Exception {
        // GIVEN a valid export
        var complaint = received("ses-2", forwardOf(REPORTED), ReceiptVerdicts.UNKNOWN);
        var valid = (ObjectNode) JSON.readTree(export.xarf(complaint.key()));

        // WHEN / THEN the schema finds each fault put into it
        assertThat(XarfSchema.errors(valid.toString())).isEmpty();
        assertThat(XarfSchema.errors(valid.deepCopy().put("xarf_version", "3").toString()))
                .isNotEmpty();
        assertThat(XarfSchema.errors(without(valid, "smtp_from"))).isNotEmpty();
        assertThat(XarfSchema.errors(without(valid, "source_port"))).isNotEmpty();
        assertThat(XarfSchema.errors(
                        valid.deepCopy().put("smtp_from", "not an address").toString()))
                .isNotEmpty();
        assertThat(XarfSchema.errors(valid.deepCopy()
                        .put("report_id", "01KB3V9X4E0ZQ6K8N2M5T7R1YH")
                        .toString()))
                .isNotEmpty();
        assertThat(XarfSchema.errors(valid.deepCopy().put("complainant", ERIKA).toString()))
                .isNotEmpty();
        var brokenEvidence = valid.deepCopy();
        ((ObjectNode) brokenEvidence.get("evidence").get(0)).put("payload", "not base64!\n");
        assertThat(XarfSchema.errors(brokenEvidence.toString())).isNotEmpty();
    }

    @Test
    void csaBundle_ofAMailedComplaint_givesTheCase_theOriginalHeaders_theOptInEvidence_andTheDeadline()
            throws Exception {
        // GIVEN a mailed complaint of a registered mailing whose opt-in evidence the platform gave
        var complaint = received("ses-3", forwardOf(REPORTED), ReceiptVerdicts.UNKNOWN);
        cases.attribute(complaint.key(), new AccountId("121070"));
        mailings.register(registration(
                Optional.of("news@shop.example.org"),
                Optional.of("Double opt-in: confirmed 2026-01-05 10:12 from 203.0.113.7, form /newsletter")));

        // WHEN the CSA evidence bundle is made
        var bundle = JSON.readTree(export.csaBundle(complaint.key()));

        // THEN it holds the case, the reported message's header as sent, the evidence and the deadline
        assertThat(bundle.get("kind").asText()).isEqualTo("csa-evidence-bundle");
        assertThat(bundle.get("generatedAt").asText()).isEqualTo(NOW.toString());
        assertThat(bundle.at("/deadline/lastWorkingDay").asText()).isEqualTo("2026-12-01");
        assertThat(bundle.at("/deadline/endsAt").asText()).isEqualTo("2026-12-02T00:00:00+01:00");
        assertThat(bundle.at("/complaint/complaintId").asText())
                .isEqualTo(complaint.id().value());
        assertThat(bundle.at("/complaint/account").asText()).isEqualTo("121070");
        assertThat(bundle.at("/complaint/complainant/email").asText()).isEqualTo(ERIKA);
        assertThat(bundle.at("/complaint/provenance/receiptId").asText()).isEqualTo("ses-3");
        assertThat(bundle.at("/complaint/provenance/mailingIdSource").asText()).isEqualTo("header:X-Mailing");
        assertThat(bundle.at("/reportedMessage/headersFrom").asText()).isEqualTo("MESSAGE");
        assertThat(names(bundle.at("/reportedMessage/headers")))
                .containsExactly(
                        "Return-Path",
                        "Received",
                        "Received",
                        "From",
                        "To",
                        "Subject",
                        "Message-ID",
                        "Date",
                        "X-Mailing",
                        "X-Client",
                        "Content-Type");
        assertThat(bundle.at("/reportedMessage/headers/5/value").asText())
                .isEqualTo("=?UTF-8?Q?Angebote_f=C3=BCr_Sie?=");
        assertThat(bundle.at("/mailing/registered").asBoolean()).isTrue();
        assertThat(bundle.at("/mailing/optInEvidence").asText())
                .isEqualTo("Double opt-in: confirmed 2026-01-05 10:12 from 203.0.113.7, form /newsletter");
    }

    @Test
    void csaBundle_ofAFormComplaintOnAnUnregisteredMailing_saysThereIsNoHeaderAndNoOptInEvidence() throws Exception {
        var complaint =
                CaseFixtures.form("14141699", Instant.parse("2026-11-28T10:00:00Z"), ComplaintState.NOTIFIED, ERIKA);
        complaints.add(complaint);

        var bundle = JSON.readTree(export.csaBundle(complaint.key()));

        assertThat(bundle.at("/reportedMessage/headersFrom").asText()).isEqualTo("NONE");
        assertThat(bundle.at("/reportedMessage/headers")).isEmpty();
        assertThat(bundle.at("/mailing/registered").asBoolean()).isFalse();
        assertThat(bundle.at("/mailing").has("optInEvidence")).isTrue();
        assertThat(bundle.at("/mailing/optInEvidence").isNull()).isTrue();
        assertThat(bundle.at("/deadline/lastWorkingDay").asText()).isEqualTo("2026-12-01");
        assertThat(bundle.at("/complaint/message").asText()).isEqualTo("Ich habe mich nie angemeldet.");
    }

    /** A complaint from a stored mail, as the inbound function stores it, with the mail kept as its evidence. */
    private Complaint received(String receiptId, byte[] mail, ReceiptVerdicts verdicts) {
        var location = "memory://" + receiptId;
        evidence.put(location, mail);
        var receive = new ReceiveMail(
                new InMemoryRawMails(),
                new MailReader(InboundLimits.DEFAULT, ResolutionProfile.DEFAULT, DkimVerifier.none()),
                complaints,
                new RecordingDeskMetrics(),
                InboundLimits.DEFAULT,
                Duration.ofDays(180));
        var found = receive.complaints(
                new ReceivedMail(receiptId, RECEIVED_AT, Optional.empty(), verdicts),
                new RawMails.RawMail(mail, false, location, RECEIVED_AT));
        assertThat(found).hasSize(1);
        var complaint = found.get(0).withState(ComplaintState.NOTIFIED);
        complaints.add(complaint);
        return complaint;
    }

    private static byte[] forwardOf(String reported) {
        return MailFixtures.forwardedComplaint()
                .saying("Das will ich nicht.")
                .reporting(reported)
                .bytes();
    }

    private static Mailing registration(Optional<String> sender, Optional<String> optInEvidence) {
        return Mailing.registered(
                new MailingId("14141611"),
                new AccountId("121070"),
                OptionalLong.of(1000),
                Instant.parse("2026-11-26T07:30:00Z"),
                Optional.of("Angebote"),
                sender,
                optInEvidence);
    }

    private static String without(ObjectNode report, String field) {
        var copy = report.deepCopy();
        copy.remove(field);
        return copy.toString();
    }

    private static List<String> names(JsonNode headers) {
        var names = new ArrayList<String>();
        headers.forEach(h -> names.add(h.get("name").asText()));
        return names;
    }
}
