package org.abusedesk.console.pages;

import gg.jte.Content;
import java.util.List;
import java.util.Objects;

/**
 * A bar chart of counts per day, each bar stacked by series (e.g. channel), drawn on the server as inline SVG. The
 * page shows the same numbers in a table beside it: the chart is never the only way to read them.
 */
public final class SvgBarChart {

    static final int WIDTH = 720;
    static final int HEIGHT = 260;
    private static final double LEFT = 48;
    private static final double RIGHT = 12;
    private static final double TOP = 16;
    private static final double BOTTOM = 56;

    /** One series: its name in the legend and the CSS class that fills its part of the bars. */
    public record Series(String name, String cssClass) {

        public Series {
            Objects.requireNonNull(name, "name == null");
            Objects.requireNonNull(cssClass, "cssClass == null");
        }
    }

    /** One bar: its label on the axis and one count per series, in the order of the series. */
    public record Bar(String label, List<Long> counts) {

        public Bar {
            Objects.requireNonNull(label, "label == null");
            counts = List.copyOf(counts);
        }

        long total() {
            return counts.stream().mapToLong(Long::longValue).sum();
        }
    }

    private SvgBarChart() {}

    /**
     * @param id unique on the page: the ids of the title and description derive from it
     * @param labelEvery every how many bars the axis names one
     */
    public static Content render(
            String id, String title, String description, List<Series> series, List<Bar> bars, int labelEvery) {
        var svg = new Svg(id, WIDTH, HEIGHT, title, description);
        long max = Math.max(1, bars.stream().mapToLong(Bar::total).max().orElse(0));
        long top = niceCeiling(max);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        svg.raw("<g class=\"axis\" aria-hidden=\"true\">");
        for (long tick : List.of(0L, top / 2, top)) {
            double y = TOP + plotHeight - plotHeight * tick / top;
            svg.raw("<line class=\"grid\" x1=\"" + Svg.number(LEFT) + "\" x2=\"" + Svg.number(WIDTH - RIGHT)
                            + "\" y1=\"" + Svg.number(y) + "\" y2=\"" + Svg.number(y) + "\"/>")
                    .label(LEFT - 6, y + 4, "tick", "end", Long.toString(tick));
        }
        svg.raw("</g>");
        double slot = bars.isEmpty() ? plotWidth : plotWidth / bars.size();
        double barWidth = Math.max(1, slot * 0.7);
        for (int i = 0; i < bars.size(); i++) {
            var bar = bars.get(i);
            double x = LEFT + slot * i + (slot - barWidth) / 2;
            double base = TOP + plotHeight;
            svg.raw("<g class=\"bar\">");
            for (int s = 0; s < series.size() && s < bar.counts().size(); s++) {
                long count = bar.counts().get(s);
                if (count == 0) {
                    continue;
                }
                double height = plotHeight * count / top;
                base -= height;
                svg.raw("<rect class=\"" + series.get(s).cssClass() + "\" x=\"" + Svg.number(x) + "\" y=\""
                                + Svg.number(base) + "\" width=\"" + Svg.number(barWidth) + "\" height=\""
                                + Svg.number(height) + "\">")
                        .raw("<title>")
                        .text(bar.label() + ": " + series.get(s).name() + " " + count)
                        .raw("</title></rect>");
            }
            svg.raw("</g>");
            if (labelEvery > 0 && (i % labelEvery == 0 || i == bars.size() - 1)) {
                svg.label(x + barWidth / 2, TOP + plotHeight + 16, "tick", "middle", bar.label());
            }
        }
        // The legend names each series in words beside its swatch.
        double legendY = HEIGHT - 14;
        double legendX = LEFT;
        for (var s : series) {
            svg.raw("<rect class=\"" + s.cssClass() + "\" x=\"" + Svg.number(legendX) + "\" y=\""
                            + Svg.number(legendY - 10) + "\" width=\"12\" height=\"12\"/>")
                    .label(legendX + 18, legendY, "legend", "start", s.name());
            legendX += 40 + 8 * s.name().length();
        }
        return svg.close();
    }

    /** The axis' top: the smallest of 1, 2, 5 × 10ⁿ at or above the highest bar, so that its ticks read well. */
    static long niceCeiling(long max) {
        long step = 1;
        while (true) {
            for (long factor : new long[] {1, 2, 5}) {
                if (factor * step >= max) {
                    return factor * step;
                }
            }
            step *= 10;
        }
    }
}
