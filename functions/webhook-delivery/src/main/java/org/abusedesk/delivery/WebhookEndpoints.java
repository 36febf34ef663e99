package org.abusedesk.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code WebhookEndpoints} parameter, read and checked: a JSON list of {@code {"url", "events", "secretArn"}}. A
 * list with any entry wrong is refused whole, with an error naming the entry, so that a deployment with it fails at
 * the functions' start rather than dropping events at the first delivery.
 */
public final class WebhookEndpoints {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("url", "events", "secretArn");
    private static final Pattern DETAIL_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");
    private static final Pattern SECRET_ARN =
            Pattern.compile("arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:(.+)");
    /** The hosts an {@code http} URL may name when plain HTTP is allowed: this machine's, for the local stack. */
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

    private WebhookEndpoints() {}

    /**
     * The endpoints of the list.
     *
     * @param allowHttp whether an endpoint may be {@code http://} on this machine (the local stack's receivers)
     * @param secretPrefix what each secret's name starts with, the only secrets the delivery function may read
     * @throws IllegalArgumentException naming the entry that is wrong, and how
     */
    public static List<WebhookEndpoint> parse(String json, boolean allowHttp, String secretPrefix) {
        JsonNode root;
        try {
            root = JSON.readTree(json == null || json.isBlank() ? "[]" : json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("WebhookEndpoints is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("WebhookEndpoints is not JSON");
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("WebhookEndpoints must be a JSON list of endpoints");
        }
        var endpoints = new ArrayList<WebhookEndpoint>();
        for (int i = 0; i < root.size(); i++) {
            endpoints.add(endpoint(i, root.get(i), allowHttp, secretPrefix));
        }
        return List.copyOf(endpoints);
    }

    /**
     * The sending platform's evidence endpoint, checked as a webhook endpoint is: https (or http to this machine where
     * allowed), and a Secrets Manager secret to sign with, of the one name its function may read.
     *
     * @throws IllegalArgumentException naming what is wrong with it
     */
    public static WebhookEndpoint evidenceEndpoint(String url, String secretArn, boolean allowHttp, String secretName) {
        var entry = JSON.createObjectNode().put("url", url).put("secretArn", secretArn);
        var checked = url("OptInEvidenceUrl", entry.path("url"), allowHttp);
        return new WebhookEndpoint(checked, Set.of(), secretArn("OptInEvidenceSecretArn", entry, secretName));
    }

    private static WebhookEndpoint endpoint(int index, JsonNode entry, boolean allowHttp, String secretPrefix) {
        String name = "WebhookEndpoints entry " + index;
        if (!entry.isObject()) {
            throw new IllegalArgumentException(name + " is not an object {\"url\", \"events\", \"secretArn\"}");
        }
        entry.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException(
                        name + " has a field \"" + field + "\"; an endpoint has url, events and secretArn");
            }
        });
        var url = url(name, entry.path("url"), allowHttp);
        String named = name + " (" + url.getHost() + ")";
        return new WebhookEndpoint(url, events(named, entry.path("events")), secretArn(named, entry, secretPrefix));
    }

    private static URI url(String name, JsonNode value, boolean allowHttp) {
        if (!value.isTextual()) {
            throw new IllegalArgumentException(name + " has no url");
        }
        URI url;
        try {
            url = new URI(value.asText());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name + ": its url is no URL");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getHost() == null || url.getRawUserInfo() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException(name + ": its url must be https://host/path, without user or fragment");
        }
        boolean local = LOOPBACK.contains(url.getHost().toLowerCase(Locale.ROOT));
        if (scheme.equals("https") || scheme.equals("http") && allowHttp && local) {
            return url;
        }
        throw new IllegalArgumentException(name + " (" + url.getHost() + "): its url must be https"
                + (allowHttp ? ", or http to 127.0.0.1 or localhost" : "")
                + ": the events are signed, not encrypted");
    }

    private static Set<String> events(String name, JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return Set.of();
        }
        if (!value.isArray()) {
            throw new IllegalArgumentException(name + ": its events must be a list of detail types");
        }
        var events = new LinkedHashSet<String>();
        for (var type : value) {
            if (!type.isTextual() || !DETAIL_TYPE.matcher(type.asText()).matches()) {
                throw new IllegalArgumentException(
                        name + ": its events must be detail types such as \"SuppressionAdded\", not " + type);
            }
            events.add(type.asText());
        }
        return events;
    }

    private static String secretArn(String name, JsonNode entry, String secretPrefix) {
        var value = entry.path("secretArn");
        var matcher = value.isTextual() ? SECRET_ARN.matcher(value.asText()) : null;
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException(name + ": its secretArn must be a Secrets Manager secret's ARN");
        }
        if (!matcher.group(1).startsWith(secretPrefix)) {
            throw new IllegalArgumentException(name + ": its secret's name must start with " + secretPrefix
                    + ", the only secrets the delivery function may read");
        }
        return value.asText();
    }
}
