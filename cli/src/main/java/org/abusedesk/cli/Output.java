package org.abusedesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a command prints: aligned {@code name: value} lines and tables with column headers for a person, or JSON
 * with {@code --json}, on stdout only.
 */
final class Output {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean json;
    private final PrintWriter out;
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final Map<String, List<Map<String, Object>>> lists = new LinkedHashMap<>();

    Output(boolean json) {
        this(json, new PrintWriter(System.out, true, StandardCharsets.UTF_8));
    }

    Output(boolean json, PrintWriter out) {
        this.json = json;
        this.out = out;
    }

    void field(String name, Object value) {
        fields.put(name, value);
    }

    void row(String list, Map<String, Object> row) {
        lists.computeIfAbsent(list, k -> new ArrayList<>()).add(new LinkedHashMap<>(row));
    }

    void list(String list) {
        lists.computeIfAbsent(list, k -> new ArrayList<>());
    }

    /** The fields, then each list as its size and a table of its rows. */
    void print() {
        if (json) {
            var all = new LinkedHashMap<String, Object>(fields);
            all.putAll(lists);
            try {
                out.println(JSON.writeValueAsString(all));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            out.flush();
            return;
        }
        var names = new LinkedHashMap<String, String>();
        fields.forEach((name, value) -> names.put(name, value == null ? "-" : String.valueOf(value)));
        fields(out, names);
        lists.forEach((name, rows) -> {
            out.println(name + ": " + rows.size());
            if (!rows.isEmpty()) {
                var table = new Table(new ArrayList<>(rows.get(0).keySet()));
                rows.forEach(row -> table.add(new ArrayList<>(row.values())));
                table.print(out, "  ");
            }
        });
        out.flush();
    }

    /** One object of the API's: as it is with {@code --json}, else as aligned {@code name: value} lines. */
    static void show(PrintWriter out, boolean json, JsonNode object) {
        if (json) {
            json(out, object);
        } else {
            object(out, object);
        }
    }

    /** The API's JSON, indented: valid JSON and nothing else. */
    static void json(PrintWriter out, JsonNode body) {
        try {
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A JSON object as aligned {@code name: value} lines; a nested object's fields as {@code outer.inner}, a list of
     * objects' as {@code outer.0.inner}; a value of many lines goes on under its first.
     */
    static void object(PrintWriter out, JsonNode object) {
        var names = new LinkedHashMap<String, String>();
        flatten("", object, names);
        fields(out, names);
    }

    /** Aligned {@code name: value} lines; each further line of a value starts under the value's first. */
    static void fields(PrintWriter out, Map<String, String> fields) {
        int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0) + 1;
        fields.forEach((name, value) -> {
            var lines = Text.lines(value).split("\n", -1);
            out.printf("%-" + width + "s %s%n", Text.line(name) + ":", lines[0]);
            for (int i = 1; i < lines.length; i++) {
                out.println(" ".repeat(width + 1) + lines[i]);
            }
        });
    }

    private static void flatten(String prefix, JsonNode value, Map<String, String> into) {
        if (value.isObject() && !value.isEmpty()) {
            value.properties()
                    .forEach(entry ->
                            flatten(prefix + (prefix.isEmpty() ? "" : ".") + entry.getKey(), entry.getValue(), into));
        } else if (value.isArray() && !value.isEmpty() && !allValues(value)) {
            for (int i = 0; i < value.size(); i++) {
                flatten(prefix + "." + i, value.get(i), into);
            }
        } else {
            into.put(prefix, Table.cell(value));
        }
    }

    private static boolean allValues(JsonNode array) {
        for (JsonNode element : array) {
            if (!element.isValueNode()) {
                return false;
            }
        }
        return true;
    }
}
