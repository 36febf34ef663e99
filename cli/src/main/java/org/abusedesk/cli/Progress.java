package org.abusedesk.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * How far a long command is, on stderr: at a terminal a bar redrawn in place; otherwise, as in a CI log, a line at
 * every tenth of the way.
 */
final class Progress {

    private static final int BAR = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private final String what;
    private final String unit;
    private final long total;
    private int lastTenth;
    private boolean drawn;

    Progress(PrintWriter err, boolean terminal, String what, String unit, long total) {
        this.err = err;
        this.terminal = terminal;
        this.what = what;
        this.unit = unit;
        this.total = total;
    }

    /** Whether stderr is a terminal to redraw on: there is a console, and (from Java 22 on) it is one. */
    static boolean atTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** {@code done} of the total are done. */
    void update(long done) {
        long clamped = Math.max(0, Math.min(done, total));
        int percent = total == 0 ? 100 : (int) (clamped * 100 / total);
        if (terminal) {
            int filled = percent * BAR / 100;
            err.print(String.format(
                    Locale.ROOT,
                    "\r%s [%s%s] %3d%% %,d/%,d %s",
                    what,
                    "#".repeat(filled),
                    " ".repeat(BAR - filled),
                    percent,
                    clamped,
                    total,
                    unit));
            err.flush();
            drawn = true;
            return;
        }
        int tenth = percent / 10;
        if (tenth > lastTenth) {
            lastTenth = tenth;
            err.println(String.format(Locale.ROOT, "%s: %d%% (%,d/%,d %s)", what, tenth * 10, clamped, total, unit));
            err.flush();
        }
    }

    /** Ends the bar's line, so that what follows starts on a line of its own. */
    void finish() {
        if (terminal && drawn) {
            err.println();
            err.flush();
            drawn = false;
        }
    }
}
