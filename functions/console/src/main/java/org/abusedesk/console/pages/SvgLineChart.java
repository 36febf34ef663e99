package org.abusedesk.console.pages;

import gg.jte.Content;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A line of a rate over time with a horizontal line for each threshold, each labelled in words, drawn on the server
 * as inline SVG. The page shows the same points in a table beside it.
 */
public final class SvgLineChart {

    static final int WIDTH = 720;
    static final int HEIGHT = 280;
    private static final double LEFT = 56;
    private static final double RIGHT = 150;
    private static final double TOP = 16;
    private static final double BOTTOM = 32;

    /** One point of the line. */
    public record Point(Instant at, BigDecimal value) {

        public Point {
            Objects.requireNonNull(at, "at == null");
            Objects.requireNonNull(value, "value == null");
        }
    }

    /** A threshold: its value, its label in words, and the CSS class of its line (which also dashes it). */
    public record Threshold(BigDecimal value, String label, String cssClass) {

        public Threshold {
            Objects.requireNonNull(value, "value == null");
            Objects.requireNonNull(label, "label == null");
            Objects.requireNonNull(cssClass, "cssClass == null");
        }
    }

    private SvgLineChart() {}

    /**
     * @param id unique on the page: the ids of the title and description derive from it
     * @param axisLabels the labels of the time axis at its start, middle and end
     * @param tickLabel how the value axis writes a value
     */
    public static Content render(
            String id,
            String title,
            String description,
            Instant from,
            Instant to,
            List<Point> points,
            List<Threshold> thresholds,
            List<String> axisLabels,
            Function<BigDecimal, String> tickLabel) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        var svg = new Svg(id, WIDTH, HEIGHT, title, description);
        double highest = 0;
        for (var p : points) {
            highest = Math.max(highest, p.value().doubleValue());
        }
        for (var t : thresholds) {
            highest = Math.max(highest, t.value().doubleValue());
        }
        double top = highest <= 0 ? 1 : highest * 1.15;
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double span = to.toEpochMilli() - from.toEpochMilli();

        svg.raw("<g class=\"axis\" aria-hidden=\"true\">");
        svg.raw("<line class=\"grid\" x1=\"" + Svg.number(LEFT) + "\" x2=\"" + Svg.number(LEFT + plotWidth) + "\" y1=\""
                        + Svg.number(TOP + plotHeight) + "\" y2=\"" + Svg.number(TOP + plotHeight) + "\"/>")
                .label(LEFT - 6, TOP + plotHeight + 4, "tick", "end", tickLabel.apply(BigDecimal.ZERO));
        for (int i = 0; i < axisLabels.size(); i++) {
            double x = LEFT + (axisLabels.size() == 1 ? 0 : plotWidth * i / (axisLabels.size() - 1));
            String anchor = i == 0 ? "start" : i == axisLabels.size() - 1 ? "end" : "middle";
            svg.label(x, HEIGHT - 10, "tick", anchor, axisLabels.get(i));
        }
        svg.raw("</g>");

        for (var t : thresholds) {
            double y = TOP + plotHeight - plotHeight * t.value().doubleValue() / top;
            svg.raw("<g class=\"" + t.cssClass() + "\"><line class=\"threshold\" x1=\"" + Svg.number(LEFT) + "\" x2=\""
                            + Svg.number(LEFT + plotWidth) + "\" y1=\"" + Svg.number(y) + "\" y2=\"" + Svg.number(y)
                            + "\"/>")
                    .label(LEFT + plotWidth + 6, y + 4, "threshold-label", "start", t.label())
                    .raw("</g>");
        }

        if (!points.isEmpty()) {
            var line = new StringBuilder();
            for (var p : points) {
                double x = LEFT + plotWidth * Math.clamp((p.at().toEpochMilli() - from.toEpochMilli()) / span, 0, 1);
                double y = TOP + plotHeight - plotHeight * p.value().doubleValue() / top;
                line.append(line.isEmpty() ? "" : " ")
                        .append(Svg.number(x))
                        .append(',')
                        .append(Svg.number(y));
            }
            svg.raw("<polyline class=\"rate\" points=\"" + line + "\"/>");
        }
        return svg.close();
    }
}
