package org.abusedesk.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** docs/openapi.yaml and template.yaml describe the same routes, with the same scopes on the admin routes. */
class OpenApiDocumentTest {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    private final Map<String, Object> paths = paths();

    @Test
    void everyRouteOfTheTemplate_isDocumented_withTheScopesItsAuthorizerDemands() {
        var routes = TestProject.httpRoutes();
        assertThat(routes).isNotEmpty();

        for (var route : routes) {
            var path = mapping(paths.get(route.path()));
            assertThat(path).as(route.path()).isNotEmpty();
            if (route.method().equals("ANY")) {
                assertThat(path.keySet()).as(route.path()).containsAnyElementsOf(METHODS);
                continue;
            }
            var operation = mapping(path.get(route.method().toLowerCase(Locale.ROOT)));
            assertThat(operation).as(route.method() + " " + route.path()).isNotEmpty();
            var documentedScopes = operation.get("security") instanceof List<?> security
                    ? CloudFormationTemplate.map(security.get(0)).get("AdminJwt")
                    : List.of();
            assertThat(documentedScopes)
                    .as(route.method() + " " + route.path())
                    .isEqualTo(route.auth()
                            .map(FunctionDefinition.RouteAuth::scopes)
                            .orElse(List.of()));
        }
    }

    @Test
    void everyDocumentedOperation_isARouteOfTheTemplate() {
        var routes = TestProject.httpRoutes();
        var undocumented = new ArrayList<String>();
        paths.forEach((path, item) -> CloudFormationTemplate.map(item).keySet().stream()
                .filter(METHODS::contains)
                .forEach(method -> {
                    boolean served = routes.stream()
                            .anyMatch(r -> r.path().equals(path)
                                    && (r.method().equals("ANY") || r.method().equalsIgnoreCase(method)));
                    if (!served) {
                        undocumented.add(method + " " + path);
                    }
                }));

        assertThat(undocumented).isEmpty();
    }

    private static Map<String, Object> mapping(Object value) {
        return value == null ? Map.of() : CloudFormationTemplate.map(value);
    }

    private static Map<String, Object> paths() {
        try (Reader reader = Files.newBufferedReader(TestProject.root().resolve("docs/openapi.yaml"))) {
            Map<String, Object> document = new Yaml().load(reader);
            assertThat(document).containsEntry("openapi", "3.1.0");
            return CloudFormationTemplate.map(document.get("paths"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
