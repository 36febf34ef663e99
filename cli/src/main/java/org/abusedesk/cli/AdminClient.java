package org.abusedesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The commands' side of the admin API: JSON in and out, a refusal thrown as {@link AdminApiException}. */
final class AdminClient {

    /** Items of a listing and the cursor of the page after them, {@code null} at the end. */
    record Listing(List<JsonNode> items, String next) {

        Listing {
            items = List.copyOf(items);
        }

        /** As the API's page: {@code {"items":[...],"next":...}}. */
        JsonNode json() {
            var page = JSON.createObjectNode();
            page.putArray("items").addAll(items);
            page.put("next", next);
            return page;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AdminApi api;

    AdminClient(AdminApi api) {
        this.api = Objects.requireNonNull(api, "api == null");
    }

    /** The route's answer as text, when it is a success. */
    String text(Route route, Map<String, String> path, Map<String, String> query, String contentType, String body) {
        AdminApi.Response response;
        try {
            response = api.call(route, path, query, contentType, body);
        } catch (IOException e) {
            throw AdminApiException.unreachable(route, e);
        }
        if (!response.ok()) {
            throw AdminApiException.refused(route, response);
        }
        return response.body();
    }

    JsonNode get(Route route, Map<String, String> path, Map<String, String> query) {
        return json(route, path, query, null, null);
    }

    /** The route's answer as JSON, when it is a success. */
    JsonNode json(Route route, Map<String, String> path, Map<String, String> query, String contentType, String body) {
        String text = text(route, path, query, contentType, body);
        try {
            JsonNode json = JSON.readTree(text);
            if (json != null && !json.isMissingNode()) {
                return json;
            }
        } catch (IOException e) {
            // told below
        }
        throw AdminApiException.notJson(route, new AdminApi.Response(200, text));
    }

    /** Sends the body as JSON; {@code null} values are sent as {@code null}. */
    JsonNode send(Route route, Map<String, String> path, Map<String, ?> body) {
        try {
            return json(route, path, Map.of(), "application/json", JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A listing from {@code cursor} on: one page, or with {@code all} every page to the end.
     *
     * @param query the listing's filters; {@code limit} and {@code cursor} are added
     */
    Listing list(Route route, Map<String, String> path, Map<String, String> query, Paging paging) {
        var items = new ArrayList<JsonNode>();
        var seen = new HashSet<String>();
        String cursor = paging.cursor;
        while (true) {
            var pageQuery = new LinkedHashMap<>(query);
            pageQuery.put("limit", paging.limit == null ? null : paging.limit.toString());
            pageQuery.put("cursor", cursor);
            JsonNode page = get(route, path, pageQuery);
            page.path("items").forEach(items::add);
            JsonNode next = page.get("next");
            cursor = next == null || next.isNull() || next.asText().isEmpty() ? null : next.asText();
            if (!paging.all || cursor == null) {
                return new Listing(items, cursor);
            }
            if (!seen.add(cursor)) {
                throw AdminApiException.inconsistent(route, "the same next page twice, cursor " + Text.line(cursor));
            }
        }
    }
}
