package org.abusedesk.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
                        new RejectedRow(
                                3, Optional.of("bad id!"), RowError.field("mailingId", "is not a valid Mailing ID")),
                        new RejectedRow(
                                4,
                                Optional.of("14141613"),
                                RowError.field("recipients", "must be a whole number of 0 or more")),
                        new RejectedRow(
                                5,
                                Optional.of("14141614"),
                                RowError.field(
                                        "sentAt",
                                        "must be an ISO-8601 time with its offset, e.g. 2025-11-20T09:30:00Z")),
                        new RejectedRow(6, Optional.of("14141615"), RowError.row("has 5 fields, the header 7")),
                        new RejectedRow(
                                7, Optional.of("14141611"), RowError.field("mailingId", "is in line 2 already")),
                        new RejectedRow(
                                8,
                                Optional.of("14141617"),
                                RowError.field("accountId", "must be a single line without control characters")));
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
    void importCsv_takesEveryOrderOfTheColumns_alike() {
        var columns = List.of("mailingId", "accountId", "recipients", "sentAt", "subject", "sender", "optInEvidence");
        var values = Map.of(
                "mailingId", "14141611",
                "accountId", "121070",
                "recipients", "1000",
                "sentAt", "2025-11-20T09:30:00Z",
                "subject", "\"Herbst, Winter\"",
                "sender", "news@example.com",
                "optInEvidence", "DOI");
        var expected = Mailing.registered(
                new MailingId("14141611"),
                new AccountId("121070"),
                OptionalLong.of(1000),
                Instant.parse("2025-11-20T09:30:00Z"),
                Optional.of("Herbst, Winter"),
                Optional.of("news@example.com"),
                Optional.of("DOI"));
        // Each column first, and the others after it reversed and rotated: every column at every position.
        for (int first = 0; first < columns.size(); first++) {
            var order = new ArrayList<String>(columns);
            java.util.Collections.rotate(order, -first);
            java.util.Collections.reverse(order.subList(1, order.size()));
            var registry = new InMemoryMailings();

            var report = new ImportMailings(registry, MailingIdFormat.DEFAULT)
                    .importCsv(
                            bytes(String.join(",", order) + "\n"
                                    + String.join(
                                            ",", order.stream().map(values::get).toList()) + "\n"),
                            ImportProgress.NONE);

            assertThat(report).as("%s", order).isEqualTo(new ImportReport(1, 1, 0, 0, List.of(), true));
            assertThat(registry.find(new MailingId("14141611"))).as("%s", order).contains(expected);
        }
    }

    @Test
    void importCsv_needsOnlyTheMailingIdAccountAndSendTime_inAnyOrder_asTheJsonApiDoes() {
        var report = importCsv(
                "sentAt,mailingId,accountId\r\n" + "2025-11-20T09:30:00Z,14141611,121070\r\n" + ",14141612,121070\r\n");

        assertThat(report.written()).isEqualTo(1);
        assertThat(mailings.find(new MailingId("14141611")))
                .contains(Mailing.registered(
                        new MailingId("14141611"),
                        new AccountId("121070"),
                        OptionalLong.empty(),
                        Instant.parse("2025-11-20T09:30:00Z"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));
        assertThat(report.rejectedRows())
                .containsExactly(new RejectedRow(3, Optional.of("14141612"), RowError.field("sentAt", "is required")));
    }

    @Test
    void importCsv_withUnknownColumns_namesThem_theFirstThreeOfAHundred() {
        var header = new StringBuilder("mailingId,accountId,sentAt,optin");
        for (int i = 1; i <= 99; i++) {
            header.append(",c").append(i);
        }

        assertThatThrownBy(() -> importCsv("mailingId,accountId,sentAt,optin\n1,2,2025-11-20T09:30:00Z,x\n"))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).errors())
                        .singleElement()
                        .satisfies(error -> assertThat(error.toString())
                                .startsWith("header: has an unknown column \"optin\" (the columns are ")));
        assertThatThrownBy(() -> importCsv(header + "\n"))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).errors())
                        .singleElement()
                        .satisfies(error -> assertThat(error.message())
                                .startsWith("has unknown columns \"optin\", \"c1\", \"c2\" and 97 more (")));
        // A quote left open makes the rest of the file one column: named on one line, cut short.
        assertThatThrownBy(() -> importCsv(
                        "\"mailingId,accountId,sentAt\n" + "14141611,121070,2025-11-20T09:30:00Z\n".repeat(9)))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(
                                ((InvalidRequestException) e).errors().get(0).message())
                        .startsWith("has an unknown column \"mailingId,accountId,sentAt\uFFFD14141611,")
                        .contains("…\" (the columns are ")
                        .doesNotContain("\n")
                        .hasSizeLessThan(200));
        assertThat(mailings.all()).isEmpty();
    }

    @Test
    void importCsv_withALineOffset_reportsEachLineAsTheWholeFilesLine() {
        // GIVEN the part of a file that starts with its line 1001, the header repeated before it
        String part = "mailingId,accountId,sentAt\n"
                + "14141611,121070,2025-11-20T09:30:00Z\n" // line 2 of the part, 1001 of the file
                + "14141612,121070,gestern\n" // 1002
                + "\n" // 1003, blank
                + "14141613,\"zwei\nZeilen\",2025-11-20T09:30:00Z\n" // 1004-1005
                + "14141611,121070,2025-11-21T09:30:00Z\n" // 1006
                + "14141614,121070,2025-11-20T09:30:00Z,x\n" // 1007
                + "14141615,121070,\"offen\nbis zum Ende\n"; // 1008-1009, open to the end

        var report = importMailings.importCsv(bytes(part), 999, ImportProgress.NONE);

        // THEN the lines reported are the file's, the line a repetition names too
        assertThat(report.rejectedRows())
                .extracting(RejectedRow::line, RejectedRow::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1002L, "sentAt: " + RegistrationValidator.NOT_A_TIME),
                        org.assertj.core.groups.Tuple.tuple(
                                1004L, "accountId: must be a single line without control characters"),
                        org.assertj.core.groups.Tuple.tuple(1006L, "mailingId: is in line 1001 already"),
                        org.assertj.core.groups.Tuple.tuple(1007L, "has 4 fields, the header 3"),
                        org.assertj.core.groups.Tuple.tuple(
                                1008L, "sentAt: must be a single line without control characters"));
        assertThat(report.rejectedRows().get(2).errors())
                .containsExactly(RowError.field("mailingId", "is in line 1001 already"));
        assertThat(report.written()).isEqualTo(1);
    }

    @Test
    void importCsv_withALineOffset_reportsTheLineAFileCannotBeReadFrom_asTheWholeFilesLine() {
        String part = "mailingId,accountId,sentAt\n" + "14141611,121070,2025-11-20T09:30:00Z\n" + "\n"
                + "14141612,121070,\"2025\"x\n";

        var report = importMailings.importCsv(bytes(part), 40, ImportProgress.NONE);

        assertThat(report.complete()).isFalse();
        assertThat(report.rejectedRows()).singleElement().satisfies(row -> {
            // The first line not read: the blank one, from which on nothing more could be read.
            assertThat(row.line()).isEqualTo(43);
            assertThat(row.mailingId()).isEmpty();
            assertThat(row.errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEmpty();
                assertThat(error.message()).startsWith("the file cannot be read from here on: ");
            });
        });
    }

    @Test
    void importCsv_refusesALineOffsetBelowZero_orBeyondTheLargest() {
        assertThatThrownBy(() -> importMailings.importCsv(bytes(HEADER), -1, ImportProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> importMailings.importCsv(
                        bytes(HEADER), ImportMailings.MAX_LINE_OFFSET + 1, ImportProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class);
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
                        3,
                        Optional.of("14141612"),
                        RowError.row("not stored: DynamoDB refused it: InternalServerError")));
    }

    @Test
    void importCsv_stopsAtAQuoteThatBreaksTheFile_reportingItsLine_andKeepsWhatCameBefore() {
        var report = importCsv(HEADER + "14141611,121070,1000,2025-11-20T09:30:00Z,A,,\n"
                + "14141612,121070,1000,2025-11-20T09:30:00Z,\"B\"x,,\n"
                + "14141613,121070,1000,2025-11-20T09:30:00Z,C,,\n");

        assertThat(report.complete()).isFalse();
        assertThat(report.written()).isEqualTo(1);
        assertThat(report.rejectedRows()).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(3);
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
    void importCsv_withAWrongHeader_storesNothing_andNamesTheUnknownColumn_theRepeatedOne_andTheMissingOnes() {
        assertThatThrownBy(() ->
                        importCsv("mailingId,account,recipients,subject,subject\n" + "14141611,121070,1000,A,B\n"))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).errors())
                        .containsExactly(
                                new FieldError(
                                        "header",
                                        "has an unknown column \"account\" (the columns are mailingId, accountId and"
                                                + " sentAt; optionally recipients, subject, sender and optInEvidence)"),
                                new FieldError("header", "names subject twice"),
                                new FieldError("header", "lacks accountId, sentAt")));
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
        assertThat(report.rejectedRows().get(999).line()).isEqualTo(1_001);
    }

    private ImportReport importCsv(String csv) {
        return importMailings.importCsv(bytes(csv), ImportProgress.NONE);
    }

    private static ByteArrayInputStream bytes(String csv) {
        return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }
}
