package org.abusedesk.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.abusedesk.account.AccountContact;
import org.abusedesk.account.AccountId;
import org.abusedesk.account.InMemoryAccountContacts;
import org.abusedesk.complaint.Language;
import org.abusedesk.request.FieldError;
import org.abusedesk.request.InvalidRequestException;
import org.abusedesk.request.RequestFields;
import org.junit.jupiter.api.Test;

class ImportAccountContactsTest {

    private static final String HEADER = "accountId,contactEmail,contactName,language\r\n";

    private final InMemoryAccountContacts contacts = new InMemoryAccountContacts();
    private final ImportAccountContacts importContacts = new ImportAccountContacts(contacts);

    @Test
    void importCsv_readsRfc4180Quoting_andStoresEachValidRow() {
        var report = importCsv("\uFEFF" + HEADER
                + "121070,owner@shop.example,\"Shop GmbH, \"\"Berlin\"\"\",de\r\n"
                + "\r\n"
                + "121071,abuse@store.example,Store Ltd,EN\r\n");

        assertThat(report).isEqualTo(new ContactImportReport(2, 2, 0, List.of(), true));
        assertThat(contacts.all())
                .isEqualTo(Map.of(
                        new AccountId("121070"),
                        new AccountContact("owner@shop.example", "Shop GmbH, \"Berlin\"", Language.DE),
                        new AccountId("121071"),
                        new AccountContact("abuse@store.example", "Store Ltd", Language.EN)));
    }

    @Test
    void importCsv_takesTheColumnsInAnyOrder() {
        var report =
                importCsv("language,contactName,contactEmail,accountId\n" + "de,Shop GmbH,owner@shop.example,121070\n");

        assertThat(report.written()).isEqualTo(1);
        assertThat(contacts.find(new AccountId("121070")))
                .contains(new AccountContact("owner@shop.example", "Shop GmbH", Language.DE));
    }

    @Test
    void importCsv_reportsEachBadRowByItsLineAndColumn_andStoresTheOthers() {
        var report = importCsv(HEADER
                + "121070,\"a@b.example\r\nBcc: x@y\",Shop GmbH,de\r\n" // lines 2 and 3
                + "121071,Shop <owner@shop.example>,Shop GmbH,de\r\n"
                + "121072,\"a@b.example, c@d.example\",Shop GmbH,de\r\n"
                + "121073,owner@shop.example,\"Shop\nGmbH\",fr\r\n" // lines 6 and 7
                + "121074,owner@shop.example,Shop GmbH,en\r\n"
                + "121074,other@shop.example,Shop GmbH,de\r\n"
                + "121075,owner@shop.example\r\n");

        assertThat(report.rows()).isEqualTo(7);
        assertThat(report.written()).isEqualTo(1);
        assertThat(report.rejected()).isEqualTo(6);
        assertThat(report.complete()).isTrue();
        assertThat(report.rejectedRows())
                .containsExactly(
                        new RejectedContact(
                                2,
                                Optional.of("121070"),
                                RowError.field("contactEmail", RequestFields.NOT_SINGLE_LINE)),
                        new RejectedContact(
                                4,
                                Optional.of("121071"),
                                RowError.field("contactEmail", "must be the address alone, without a display name")),
                        new RejectedContact(
                                5, Optional.of("121072"), RowError.field("contactEmail", "must be one mail address")),
                        new RejectedContact(
                                6,
                                Optional.of("121073"),
                                List.of(
                                        RowError.field("contactName", RequestFields.NOT_SINGLE_LINE),
                                        RowError.field("language", "must be de or en"))),
                        new RejectedContact(
                                9, Optional.of("121074"), RowError.field("accountId", "is in line 8 already")),
                        new RejectedContact(10, Optional.of("121075"), RowError.row("has 2 fields, the header 4")));
        assertThat(contacts.all().keySet()).containsExactly(new AccountId("121074"));
        assertThat(contacts.find(new AccountId("121074")).orElseThrow().email()).isEqualTo("owner@shop.example");
    }

    @Test
    void importCsv_aRowOfTenThousandColumns_isRejectedByItsFieldCount_withoutNamingItsFields() {
        String row = "121070," + "x,".repeat(9_998) + "de";

        var report = importCsv(HEADER + row + "\n" + "121071,owner@shop.example,Shop GmbH,de\n");

        assertThat(report.rejectedRows())
                .containsExactly(
                        new RejectedContact(2, Optional.of("121070"), RowError.row("has 10000 fields, the header 4")));
        assertThat(contacts.all().keySet()).containsExactly(new AccountId("121071"));
    }

    @Test
    void importCsv_aHeaderOfTenThousandColumns_isRefused_namingTheFirstThreeUnknownOnes() {
        String header = HEADER.strip() + ",c," + String.join(",", columns(9_995)) + "\n";

        assertThatThrownBy(() -> importCsv(header + "121070,owner@shop.example,Shop GmbH,de\n"))
                .isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e).errors())
                .isEqualTo(List.of(new FieldError(
                        "header",
                        "has unknown columns \"c\", \"c0\", \"c1\" and 9993 more (the columns are accountId,"
                                + " contactEmail, contactName and language)")));
        assertThat(contacts.all()).isEmpty();
    }

    @Test
    void importCsv_readsAtMostTenThousandRows_andReportsTheFirstOneNotRead() {
        var csv = new StringBuilder(HEADER);
        for (int i = 0; i < ImportAccountContacts.MAX_ROWS + 5; i++) {
            csv.append(i).append(",owner@shop.example,Shop GmbH,de\n");
        }

        var report = importCsv(csv.toString());

        assertThat(report.written()).isEqualTo(ImportAccountContacts.MAX_ROWS);
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.complete()).isFalse();
        assertThat(report.rejectedRows().get(0).line()).isEqualTo(ImportAccountContacts.MAX_ROWS + 2);
        assertThat(report.rejectedRows().get(0).reason()).startsWith("an import takes at most 10000 rows");
        assertThat(contacts.all()).hasSize(ImportAccountContacts.MAX_ROWS);
    }

    @Test
    void importCsv_stopsAtAQuoteThatBreaksTheFile_reportingItsLine_andKeepsWhatCameBefore() {
        var report = importCsv(HEADER
                + "121070,owner@shop.example,Shop GmbH,de\n"
                + "121071,owner@shop.example,\"Shop GmbH,de\n"
                + "x".repeat(ImportFile.MAX_FIELD_CHARS + 10));

        assertThat(report.written()).isEqualTo(1);
        assertThat(report.complete()).isFalse();
        assertThat(report.rejectedRows()).hasSize(1);
        assertThat(report.rejectedRows().get(0).line()).isEqualTo(3);
        assertThat(report.rejectedRows().get(0).reason()).startsWith("the file cannot be read from here on");
    }

    @Test
    void importCsv_withoutAHeader_orWithAWrongOne_storesNothing() {
        assertThatThrownBy(() -> importCsv(""))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("invalid request: header: is required: accountId, contactEmail, contactName and language");
        assertThatThrownBy(() -> importCsv("accountId,contactEmail,contactEmail\n121070,a@b.example,a@b.example\n"))
                .isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e).errors())
                .isEqualTo(List.of(
                        new FieldError("header", "names contactEmail twice"),
                        new FieldError("header", "lacks contactName, language")));
        assertThat(contacts.all()).isEmpty();
    }

    @Test
    void importCsv_again_storesTheSameContacts() {
        String csv = HEADER + "121070,owner@shop.example,Shop GmbH,de\n";
        importCsv(csv);

        var report = importCsv(csv);

        assertThat(report).isEqualTo(new ContactImportReport(1, 1, 0, List.of(), true));
        assertThat(contacts.all()).hasSize(1);
    }

    private static List<String> columns(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> "c" + i).toList();
    }

    private ContactImportReport importCsv(String csv) {
        return importContacts.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }
}
