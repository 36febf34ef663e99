package org.abusedesk.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/configuration.md lists exactly the template's parameters, with their defaults and the variables they set. */
class ConfigurationPageTest {

    private static final String PAGE = "docs/configuration.md";

    /** A cell's names in backticks: parameters, variables. */
    private static final Pattern NAME = Pattern.compile("`([A-Za-z][A-Za-z0-9_]*)`");

    /** A default cell: one literal in backticks, or the word for an empty default. */
    private static final Pattern LITERAL = Pattern.compile("`([^`]*)`");

    private static final String EMPTY = "empty";

    private final CloudFormationTemplate template = TestProject.template();

    private final List<String> page = page();

    @Test
    void thePage_namesEveryParameterOfTheTemplate_andNoOther() {
        var documented = new ArrayList<String>();
        parameterRows(page).forEach(row -> documented.add(row.name()));
        var missing = new TreeSet<>(parameters().keySet());
        missing.removeAll(documented);
        var unknown = new TreeSet<>(documented);
        unknown.removeAll(parameters().keySet());

        assertThat(documented).as("parameters named twice on " + PAGE).doesNotHaveDuplicates();
        assertThat(missing)
                .as("parameters of the template missing from " + PAGE)
                .isEmpty();
        assertThat(unknown)
                .as("parameters on " + PAGE + " the template does not have")
                .isEmpty();
    }

    @Test
    void everyDefaultOnThePage_isTheTemplates() {
        var parameters = parameters();
        var differing = new TreeMap<String, String>();
        for (var row : parameterRows(page)) {
            var parameter = CloudFormationTemplate.map(parameters.getOrDefault(row.name(), Map.of()));
            String expected = String.valueOf(parameter.get("Default"));
            if (parameter.containsKey("Default") && !expected.equals(row.defaultValue())) {
                differing.put(row.name(), "page " + shown(row.defaultValue()) + ", template " + shown(expected));
            }
        }

        assertThat(differing).as("defaults on " + PAGE).isEmpty();
    }

    @Test
    void everyParameter_namesTheVariablesTheTemplateSetsFromIt() {
        var setFrom = new TreeMap<String, Set<String>>();
        parameters().keySet().forEach(name -> setFrom.put(name, new TreeSet<>()));
        for (var variable : variables()) {
            if (variable.getValue() instanceof Map<?, ?> reference && reference.get("Ref") instanceof String name) {
                setFrom.computeIfPresent(name, (parameter, set) -> {
                    set.add(variable.getKey());
                    return set;
                });
            }
        }
        var differing = new TreeMap<String, String>();
        for (var row : parameterRows(page)) {
            var expected = setFrom.getOrDefault(row.name(), Set.of());
            if (!row.variables().equals(expected)) {
                differing.put(row.name(), "page " + row.variables() + ", template " + expected);
            }
        }

        assertThat(differing).as("variables beside their parameter on " + PAGE).isEmpty();
    }

    @Test
    void everyVariableOfTheFunctions_isOnThePage() {
        var named = new TreeSet<String>();
        page.forEach(line -> NAME.matcher(line).results().forEach(m -> named.add(m.group(1))));
        var missing = new TreeSet<String>();
        variables().forEach(variable -> missing.add(variable.getKey()));
        missing.removeAll(named);

        assertThat(missing)
                .as("environment variables of the functions missing from " + PAGE)
                .isEmpty();
    }

    @Test
    void aRowThatIsNotOneParameterWithALiteralDefault_isRefused() {
        var bad = List.of(
                "| parameter | default | environment | what it does |",
                "|---|---|---|---|",
                "| `WatchRatePercent` / `WatchMinComplaints` | `0.05` / `3` | — | two in one row |");

        assertThatThrownBy(() -> parameterRows(bad))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("line 3");
    }

    /** One row of a table headed {@code parameter | default | environment | ...}. */
    private record ParameterRow(String name, String defaultValue, Set<String> variables) {}

    private static List<ParameterRow> parameterRows(List<String> lines) {
        var rows = new ArrayList<ParameterRow>();
        boolean inParameterTable = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("|")) {
                inParameterTable = false;
                continue;
            }
            var cells = cells(line);
            boolean header = i + 1 < lines.size() && lines.get(i + 1).strip().startsWith("|---");
            if (header) {
                inParameterTable = cells.size() >= 3
                        && cells.get(0).equals("parameter")
                        && cells.get(1).equals("default")
                        && cells.get(2).equals("environment");
                i++;
                continue;
            }
            if (inParameterTable) {
                rows.add(row(cells, i + 1));
            }
        }
        return rows;
    }

    private static ParameterRow row(List<String> cells, int lineNumber) {
        var name = LITERAL.matcher(cells.get(0));
        var literal = LITERAL.matcher(cells.get(1));
        boolean oneName = name.matches() && NAME.matcher(cells.get(0)).matches();
        String defaultValue = cells.get(1).equals(EMPTY) ? "" : literal.matches() ? literal.group(1) : null;
        if (!oneName || defaultValue == null) {
            throw new AssertionError(PAGE + " line " + lineNumber
                    + ": a parameter row names one parameter in backticks and its default in backticks (or \""
                    + EMPTY + "\"), found " + cells);
        }
        var variables = new TreeSet<String>();
        NAME.matcher(cells.get(2)).results().forEach(m -> variables.add(m.group(1)));
        return new ParameterRow(name.group(1), defaultValue.replace("\\|", "|"), variables);
    }

    /** A table row's cells, split at pipes a backslash does not escape. */
    private static List<String> cells(String row) {
        String inner = row.substring(1, row.endsWith("|") ? row.length() - 1 : row.length());
        return List.of(inner.split("(?<!\\\\)\\|", -1)).stream()
                .map(String::strip)
                .toList();
    }

    private Map<String, Object> parameters() {
        return template.section("Parameters");
    }

    /** Every environment variable of every function, globals included, with its value as the template writes it. */
    private List<Map.Entry<String, Object>> variables() {
        var variables = new ArrayList<Map.Entry<String, Object>>();
        var environments = new ArrayList<Object>();
        environments.add(template.functionGlobals().get("Environment"));
        template.resources().values().stream()
                .filter(resource -> resource.type().equals("AWS::Serverless::Function"))
                .forEach(function -> environments.add(function.properties().get("Environment")));
        for (var environment : environments) {
            if (environment != null) {
                variables.addAll(CloudFormationTemplate.map(
                                CloudFormationTemplate.map(environment).getOrDefault("Variables", Map.of()))
                        .entrySet());
            }
        }
        return variables;
    }

    private static String shown(String value) {
        return value.isEmpty() ? EMPTY : "`" + value + "`";
    }

    private static List<String> page() {
        try {
            return Files.readAllLines(TestProject.root().resolve(PAGE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
