package org.abusedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private final StringWriter err = new StringWriter();

    @Test
    void atATerminal_theBarIsRedrawnInPlace_andItsLineEndedWhenDone() {
        var progress = new Progress(new PrintWriter(err), true, "import", "rows", 200);

        progress.update(50);
        progress.update(200);
        progress.finish();

        assertThat(err.toString())
                .isEqualTo("\rimport [#######                       ]  25% 50/200 rows"
                        + "\rimport [##############################] 100% 200/200 rows" + System.lineSeparator());
    }

    @Test
    void elsewhere_aLineIsWrittenAtEveryTenthOfTheWay_andNoneBetween() {
        var progress = new Progress(new PrintWriter(err), false, "export", "cases", 1_000);

        for (int done = 0; done <= 1_000; done += 50) {
            progress.update(done);
        }
        progress.update(1_000);
        progress.finish();

        assertThat(err.toString().lines())
                .hasSize(10)
                .startsWith("export: 10% (100/1,000 cases)")
                .endsWith("export: 100% (1,000/1,000 cases)")
                .noneMatch(line -> line.contains("\r"));
    }
}
