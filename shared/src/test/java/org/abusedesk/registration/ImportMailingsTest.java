package org.abusedesk.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.abusedesk.account.AccountId;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.complaint.MailingIdFormat;
import org.abusedesk.request.FieldError;
import org.abusedesk.request.InvalidRequestException;
import org.junit.jupiter.api.Test;

class ImportMailingsTest {

    private static final String HEADER = "mailingId,accountId,recipients,sentAt,subject,sender,optInEvidence\r\n";

    private final InMemoryMailings mailings = new InMemoryMailings();
    private final ImportMailings importMailings = new ImportMailings(mailings, MailingIdFormat.DEFAULT);

    @Test
    void importCsv_readsRfc4180Quoting_andStoresEachValidRow() {
        var report = importCsv("\uFEFF" + HEADER
                + "14141611,121070,1000,2025-11-20T09:30:00Z,\"Herbst, \"\"Winter\"\" und mehr\",news@example.com,"
                + "https://optin.example.com/p/1\r\n"
                + "\r\n"
                + "14141612,121070,,2025-11-21T09:30:00+01:00,,,\r\n");

        assertThat(report).isEqualTo(new ImportReport(2, 2, 0, 0, List.of(), true));
        assertThat(mailings.find(new MailingId("14141611")))
                .contains(Mailing.registered(
                        new MailingId("14141611"),
                        new AccountId("121070"),
                        OptionalLong.of(1000),
                        Instant.parse("2025-11-20T09:30:00Z"),
                        Optional.of("Herbst, \"Winter\" und mehr"),
                        Optional.of("news@example.com"),
                        Optional.of("https://optin.example.com/p/1")));
        assertThat(mailings.find(new MailingId("14141612")).orElseThrow().recipients())
                .isEmpty();
    }

    @Test
    void importCsv_reportsEachBadRowByItsLine_andStoresTheOthers() {
        var report = importCsv(HEADER
                + "14141611,121070,1000,2025-11-20T09:30:00Z,A,a@example.com,\n" // line 2
                + "bad id!,121070,1000,2025-11-20T09:30:00Z,B,b@example.com,\n" // line 3
                + "14141613,121070,-1,2025-11-20T09:30:00Z,C,c@example.com,\n" // line 4
                + "14141614,121070,1000,yesterday,D,d@example.com,\n" // line 5
                + "14141615,121070,1000,2025-11-20T09:30:00Z,E\n" // line 6
                + "14141611,121071,5,2025-11-20T09:30:00Z,F,f@example.com,\n" // line 7
                + "14141617,\"two\nlines\",5,2025-11-20T09:30:00Z,G,g@example.com,\n" // lines 8-9
                + "14141618,121070,1000,2025-11-20T09:30:00Z,H,h@example.com,\n"); // line 10

        assertThat(report.rows()).isEqualTo(8);
        assertThat(report.written()).isEqualTo(2);
        assertThat(report.rejected()).isEqualTo(6);
        assertThat(report.complete()).isTrue();
        assertThat(report.rejectedRows())
                .containsExactly(
                        new RejectedRow(3, Optional.of("bad id!"), "mailingId: is not a valid Mailing ID"),
                        new RejectedRow(4, Optional.of("14141613"), "recipients: must be a whole number of 0 or more"),
                        new RejectedRow(
                                5,
                                Optional.of("14141614"),
                                "sentAt: must be an ISO-8601 time with its offset, e.g. 2025-11-20T09:30:00Z"),
                        new RejectedRow(6, Optional.of("14141615"), "has 5 fields, the header 7"),
                        new RejectedRow(7, Optional.of("14141611"), "mailingId: is in line 2 already"),
                        new RejectedRow(
                                8,
                                Optional.of("14141617"),
                                "accountId: must be a single line without control characters"));
        assertThat(mailings.all()).extracting(m -> m.id().value()).containsExactlyInAnyOrder("14141611", "14141618");
        assertThat(mailings.find(new MailingId("14141611")).orElseThrow().accountId())
                .isEqualTo(new AccountId("121070"));
    }

    @Test
    void importCsv_takesTheColumnsInAnyOrder_andWithoutOptInEvidence() {
        var report = importCsv("sender,subject,sentAt,recipients,accountId,mailingId\n"
                + "news@example.com,Hallo,2025-11-20T09:30:00Z,10,121070,14141611\n");

        assertThat(report.written()).isEqualTo(1);
        var mailing = mailings.find(new MailingId("14141611")).orElseThrow();
        assertThat(mailing.sender()).contains("news@example.com");
        assertThat(mailing.recipients()).hasValue(10);
        assertThat(mailing.optInEvidence()).isEmpty();
    }

    @Test
    void importCsv_again_writesNothing_andCountsEveryRowUnchanged() {
        String csv = HEADER + "14141611,121070,1000,2025-11-20T09:30:00Z,A,a@example.com,proof\n"
                + "14141612,121070,1000,2025-11-20T09:30:00Z,B,b@example.com,\n";
        importCsv(csv);
        mailings.count(new MailingId("14141611"), false);

        var again = importCsv(csv);

        assertThat(again).isEqualTo(new ImportReport(2, 0, 2, 0, List.of(), true));
        assertThat(mailings.find(new MailingId("14141611")).orElseThrow().complaints())
                .isEqualTo(1);
    }

    @Test
    void importCsv_reportsARowTheStoreRefused_withItsLine() {
        mailings.failNextRegistration(new MailingId("14141612"), "DynamoDB refused it: InternalServerError");

        var report = importCsv(HEADER + "14141611,121070,1000,2025-11-20T09:30:00Z,A,,\n"
                + "14141612,121070,1000,2025-11-20T09:30:00Z,B,,\n");

        assertThat(report.written()).isEqualTo(1);
        assertThat(report.rejectedRows())
                .containsExactly(new RejectedRow(
                        3, Optional.of("14141612"), "not stored: DynamoDB refused it: InternalServerError"));
    }

    @Test
    void importCsv_stopsAtAQuoteThatBreaksTheFile_reportingItsLine_andKeepsWhatCameBefore() {
        var report = importCsv(HEADER + "14141611,121070,1000,2025-11-20T09:30:00Z,A,,\n"
                + "14141612,121070,1000,2025-11-20T09:30:00Z,\"B\"x,,\n"
                + "14141613,121070,1000,2025-11-20T09:30:00Z,C,,\n");

        assertThat(report.complete()).isFalse();
        assertThat(report.written()).isEqualTo(1);
        assertThat(report.rejectedRows()).singleElement().satisfies(row -> {
            assertThat(row.row()).isEqualTo(3);
            assertThat(row.reason())
                    .isEqualTo(
                            "the file cannot be read from here on: Unexpected character after closing quote: 'x' (0x78)");
        });
        assertThat(mailings.all()).extracting(m -> m.id().value()).containsExactly("14141611");
    }

    @Test
    void importCsv_tellsTheProgressEveryHundredRows_andAtTheEnd() {
        var csv = new StringBuilder(HEADER);
        for (int i = 0; i < 250; i++) {
            csv.append(10_000_000 + i).append(",121070,1000,2025-11-20T09:30:00Z,S,,\n");
        }
        var done = new ArrayList<Long>();

        var report = importMailings.importCsv(
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), done::add);

        assertThat(report.written()).isEqualTo(250);
        assertThat(done).containsExactly(100L, 200L, 250L);
    }

    @Test
    void importCsv_withAWrongHeader_storesNothing_andNamesTheHeader() {
        assertThatThrownBy(() -> importCsv("mailingId,account,recipients,sentAt,subject,subject\n"
                        + "14141611,121070,1000,2025-11-20T09:30:00Z,A,B\n"))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).errors())
                        .containsExactly(new FieldError(
                                "header",
                                "has an unknown column \"account\"; names subject twice; lacks accountId, sender"
                                        + " (expected mailingId,accountId,recipients,sentAt,subject,sender"
                                        + "[,optInEvidence])")));
        assertThatThrownBy(() -> importCsv(""))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).errors())
                        .extracting(FieldError::field)
                        .containsExactly("header"));
        assertThat(mailings.all()).isEmpty();
    }

    @Test
    void importCsv_listsTheFirstThousandRejectedRows_andCountsTheRest() {
        var csv = new StringBuilder(HEADER);
        for (int i = 0; i < 1_200; i++) {
            csv.append("bad id,121070,1000,2025-11-20T09:30:00Z,S,,\n");
        }

        var report = importCsv(csv.toString());

        assertThat(report.rejected()).isEqualTo(1_200);
        assertThat(report.rejectedRows()).hasSize(ImportMailings.MAX_REPORTED_ROWS);
        assertThat(report.rejectedRows().get(999).row()).isEqualTo(1_001);
    }

    private ImportReport importCsv(String csv) {
        return importMailings.importCsv(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), ImportProgress.NONE);
    }
}
