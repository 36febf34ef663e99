package org.abusedesk.console.pages;

import gg.jte.Content;
import gg.jte.TemplateOutput;
import gg.jte.html.escape.Escape;
import gg.jte.output.StringOutput;
import java.util.Locale;
import java.util.Objects;

/**
 * SVG markup built by the charts, inlined in a page as jte content: every text and attribute value in it is escaped
 * by jte's own HTML escaping, and it carries neither a {@code style} attribute nor a script.
 */
final class Svg implements Content {

    private final StringOutput out = new StringOutput();

    /** Opens the chart's root element, labelled by its title and description. */
    Svg(String id, int width, int height, String title, String description) {
        Objects.requireNonNull(id, "id == null");
        raw("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .raw(width + " " + height)
                .raw("\" aria-labelledby=\"")
                .attribute(id + "-title " + id + "-desc")
                .raw("\"><title id=\"")
                .attribute(id + "-title")
                .raw("\">")
                .text(title)
                .raw("</title><desc id=\"")
                .attribute(id + "-desc")
                .raw("\">")
                .text(description)
                .raw("</desc>");
    }

    /** Markup of the chart's own making: element and attribute names, numbers. Never a value from outside. */
    Svg raw(String markup) {
        out.writeContent(markup);
        return this;
    }

    Svg text(String value) {
        Escape.htmlContent(value, out);
        return this;
    }

    Svg attribute(String value) {
        Escape.htmlAttribute(value, out);
        return this;
    }

    /** A text element at a point, with its class (e.g. the axis' labels) and anchor. */
    Svg label(double x, double y, String cssClass, String anchor, String value) {
        return raw("<text x=\"" + number(x) + "\" y=\"" + number(y) + "\" class=\"" + cssClass + "\" text-anchor=\""
                        + anchor + "\">")
                .text(value)
                .raw("</text>");
    }

    Svg close() {
        return raw("</svg>");
    }

    /** A coordinate to one decimal, with a point whatever the page's language. */
    static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    @Override
    public void writeTo(TemplateOutput output) {
        output.writeContent(out.toString());
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
