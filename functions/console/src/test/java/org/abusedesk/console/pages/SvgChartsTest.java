package org.abusedesk.console.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class SvgChartsTest {

    private static final Instant FROM = Instant.parse("2026-10-28T10:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void barChart_escapesEveryText_andCarriesNoStyleNorScript() {
        var svg = svg(SvgBarChart.render(
                        "c",
                        "</title><script>alert(1)</script>",
                        "\" onload=\"alert(2)",
                        List.of(new SvgBarChart.Series("<b>Form</b>", "series-form")),
                        List.of(new SvgBarChart.Bar("<i>day</i>", List.of(2L))),
                        1)
                .toString());

        assertThat(svg.select("script, b, i, [style], [onload]")).isEmpty();
        assertThat(svg.selectFirst("title").text()).isEqualTo("</title><script>alert(1)</script>");
        assertThat(svg.selectFirst("desc").text()).isEqualTo("\" onload=\"alert(2)");
        assertThat(svg.select("text.legend").text()).isEqualTo("<b>Form</b>");
        assertThat(svg.selectFirst("svg").attr("aria-labelledby")).isEqualTo("c-title c-desc");
    }

    @Test
    void barChart_stacksTheSeries_inProportionToTheAxisTop() {
        var svg = svg(SvgBarChart.render(
                        "c",
                        "t",
                        "d",
                        List.of(
                                new SvgBarChart.Series("Form", "series-form"),
                                new SvgBarChart.Series("Mail", "series-mail")),
                        List.of(new SvgBarChart.Bar("1", List.of(1L, 3L)), new SvgBarChart.Bar("2", List.of(0L, 0L))),
                        1)
                .toString());

        // the highest bar is 4: the axis goes to 5, over a plot 188 high
        var form = svg.selectFirst("g.bar rect.series-form");
        var mail = svg.selectFirst("g.bar rect.series-mail");
        assertThat(height(form)).isEqualTo(37.6);
        assertThat(height(mail)).isEqualTo(112.8);
        assertThat(Double.parseDouble(mail.attr("y")) + height(mail)).isEqualTo(Double.parseDouble(form.attr("y")));
        assertThat(form.selectFirst("title").text()).isEqualTo("1: Form 1");
        assertThat(svg.select("g.bar").get(1).select("rect")).isEmpty();
    }

    @Test
    void niceCeiling_isTheSmallestOneTwoOrFiveTimesAPowerOfTenAtOrAbove() {
        assertThat(List.of(1L, 2L, 3L, 7L, 11L, 50L, 51L, 999L).stream().map(SvgBarChart::niceCeiling))
                .containsExactly(1L, 2L, 5L, 10L, 20L, 50L, 100L, 1000L);
    }

    @Test
    void lineChart_drawsEachThresholdAsALabelledLine_higherThresholdsHigherUp() {
        var svg = svg(SvgLineChart.render(
                        "r",
                        "Rate",
                        "Rate over 30 days",
                        FROM,
                        TO,
                        List.of(
                                new SvgLineChart.Point(FROM, BigDecimal.ZERO),
                                new SvgLineChart.Point(TO, new BigDecimal("0.2"))),
                        List.of(
                                new SvgLineChart.Threshold(new BigDecimal("0.05"), "WATCH 0.05 %", "threshold-watch"),
                                new SvgLineChart.Threshold(
                                        new BigDecimal("0.3"), "PAUSED <0.3 %>", "threshold-paused")),
                        List.of("28 Oct", "27 Nov"),
                        value -> value + " %")
                .toString());

        var lines = svg.select("line.threshold");
        assertThat(lines).hasSize(2);
        assertThat(Double.parseDouble(lines.get(1).attr("y1")))
                .isLessThan(Double.parseDouble(lines.get(0).attr("y1")));
        assertThat(svg.select("text.threshold-label").eachText()).containsExactly("WATCH 0.05 %", "PAUSED <0.3 %>");
        assertThat(svg.select("g.threshold-paused line.threshold")).hasSize(1);
        // the line runs from the plot's left edge at 0 to its right edge
        assertThat(svg.selectFirst("polyline.rate").attr("points")).startsWith("56.0,248.0 570.0,");
    }

    @Test
    void lineChart_refusesAnEmptySpan() {
        assertThatThrownBy(() -> SvgLineChart.render("r", "t", "d", TO, TO, List.of(), List.of(), List.of(), v -> ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("from must be before to");
    }

    private static Document svg(String markup) {
        return Jsoup.parse(markup, Parser.xmlParser());
    }

    private static double height(Element rect) {
        return Double.parseDouble(rect.attr("height"));
    }
}
