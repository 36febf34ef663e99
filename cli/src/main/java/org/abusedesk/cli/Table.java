package org.abusedesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Rows under column headers, each column as wide as its widest cell; every cell on one line. */
final class Table {

    private static final String GAP = "  ";

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    Table(List<String> headers) {
        this.headers = List.copyOf(headers);
    }

    /** The JSON objects' fields as columns, named as the API names them. */
    static Table of(List<JsonNode> items, List<String> fields) {
        var table = new Table(fields);
        for (JsonNode item : items) {
            table.add(fields.stream().map(field -> cell(item.get(field))).toList());
        }
        return table;
    }

    void add(List<?> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException(cells.size() + " cells for " + headers.size() + " columns");
        }
        rows.add(cells.stream()
                .map(cell -> cell == null ? "-" : Text.line(String.valueOf(cell)))
                .toList());
    }

    int size() {
        return rows.size();
    }

    void print(PrintWriter out) {
        print(out, "");
    }

    void print(PrintWriter out, String indent) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = width(headers.get(i));
            for (var row : rows) {
                widths[i] = Math.max(widths[i], width(row.get(i)));
            }
        }
        line(out, indent, headers, widths);
        for (var row : rows) {
            line(out, indent, row, widths);
        }
    }

    /** A JSON value as a cell: text as it is, {@code -} for none, a list comma-separated, an object as JSON. */
    static String cell(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "-";
        }
        if (value.isArray()) {
            var parts = new ArrayList<String>();
            value.forEach(element -> parts.add(element.isValueNode() ? element.asText() : element.toString()));
            return String.join(",", parts);
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static void line(PrintWriter out, String indent, List<String> cells, int[] widths) {
        var line = new StringBuilder(indent);
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            line.append(cell);
            if (i < cells.size() - 1) {
                line.append(" ".repeat(widths[i] - width(cell))).append(GAP);
            }
        }
        out.println(line.toString().stripTrailing());
    }

    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }
}
