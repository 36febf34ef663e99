package org.abusedesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a command prints: aligned "name: value" lines for a person, or one JSON object with {@code --json}. */
final class Output {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean json;
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final Map<String, List<Map<String, Object>>> lists = new LinkedHashMap<>();

    Output(boolean json) {
        this.json = json;
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

    void print() {
        if (json) {
            var all = new LinkedHashMap<String, Object>(fields);
            all.putAll(lists);
            try {
                System.out.println(JSON.writeValueAsString(all));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0) + 1;
        fields.forEach(
                (name, value) -> System.out.printf("%-" + width + "s %s%n", name + ":", value == null ? "-" : value));
        lists.forEach((name, rows) -> {
            System.out.println(name + ": " + rows.size());
            rows.forEach(row -> System.out.println("  "
                    + String.join(
                            "  ", row.values().stream().map(String::valueOf).toList())));
        });
    }
}
