package org.abusedesk.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportFileTest {

    @Test
    void eachRecord_startsOnTheLineFastCsvCounts_andSpansOneLineMoreForEachLineBreakInItsFields() {
        String csv = "\uFEFFa,b\r\n" // 1
                + "\"two\r\nlines\",x\r\n" // 2-3
                + "\r\n" // 4, blank
                + "\"a\rb\rc\",d\n" // 5-7
                + "\"\"\n" // 8, one empty field
                + "last,one"; // 9

        try (var file = file(csv)) {
            var records = new ArrayList<CsvRecord>();
            for (var next = file.next(); next.isPresent(); next = file.next()) {
                records.add(next.get());
            }

            assertThat(records).extracting(CsvRecord::getStartingLineNumber).containsExactly(1L, 2L, 5L, 8L, 9L);
            assertThat(records).extracting(ImportFile::lines).containsExactly(1L, 2L, 3L, 1L, 1L);
            assertThat(records.get(0).getFields()).containsExactly("a", "b");
        }
    }

    @Test
    void theLinesOfARecord_areThoseFastCsvCounts() {
        // Each field in quotes, the record ending each way: the next record starts on the line after its last.
        var fields = List.of(
                "a", "a\r\nb", "a\nb\nc", "a\rb\rc", "a\n\rb", "a\r\r\nb", "a\rb\nc", "a\r\"\nb", "\r\"\"\n", "a\r");
        for (String field : fields) {
            String quoted = "\"" + field.replace("\"", "\"\"") + "\"";
            for (String end : List.of("\n", "\r\n", "\r")) {
                try (var file = file("h" + end + quoted + ",x" + end + "next" + end)) {
                    file.next();
                    var record = file.next().orElseThrow();
                    long next = file.next().orElseThrow().getStartingLineNumber();

                    assertThat(record.getStartingLineNumber() + ImportFile.lines(record))
                            .as("%s ending with %s", escaped(field), escaped(end))
                            .isEqualTo(next);
                }
            }
        }
        // In numbers: FastCSV takes an LF after a CR for the end of its line break, characters between or not,
        // until a quote.
        assertThat(lines("a", "b")).isEqualTo(1);
        assertThat(lines("a\r\nb", "c")).isEqualTo(2);
        assertThat(lines("a\rb\nc", "d")).isEqualTo(2);
        assertThat(lines("a\r\"\nb", "d\r")).isEqualTo(4);
    }

    @Test
    void aRecordTheParserCannotGetPast_isUnreadable_fromTheLineAfterTheLastRecordRead() {
        try (var file = file("a,b\n\"x\ny\",z\n\"broken\"!,c\nd,e\n")) {
            assertThat(file.next()).isPresent();
            assertThat(file.next()).isPresent();

            assertThatThrownBy(file::next).isInstanceOfSatisfying(ImportFile.Unreadable.class, e -> {
                assertThat(e.line()).isEqualTo(4);
                // The parser's cause, not its note of the line it started on: the line is ours to say.
                assertThat(e.why()).isNotBlank().doesNotContainIgnoringCase("line");
            });
            assertThat(file.next()).isEmpty();
        }
    }

    @Test
    void aFieldLargerThanAnyValidOne_isUnreadable_notReadToTheEndOfTheFile() {
        try (var file = file("a,b\nc,\"" + "x".repeat(ImportFile.MAX_FIELD_CHARS + 1) + "\"\n")) {
            assertThat(file.next()).isPresent();

            assertThatThrownBy(file::next)
                    .isInstanceOfSatisfying(
                            ImportFile.Unreadable.class,
                            e -> assertThat(e.line()).isEqualTo(2));
        }
    }

    private static long lines(String... fields) {
        return ImportFile.lines(single(String.join(
                ",",
                List.of(fields).stream()
                        .map(f -> "\"" + f.replace("\"", "\"\"") + "\"")
                        .toList())));
    }

    private static String escaped(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n");
    }

    private static CsvRecord single(String csv) {
        try (var file = file(csv)) {
            return file.next().orElseThrow();
        }
    }

    private static ImportFile file(String csv) {
        return new ImportFile(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }
}
