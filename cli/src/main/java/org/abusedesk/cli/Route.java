package org.abusedesk.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The admin API's routes, each its method and path template as the HTTP API declares it. */
enum Route {
    MAILING("GET", "/admin/mailings/{mailingId}"),
    PUT_MAILING("PUT", "/admin/mailings/{mailingId}"),
    MAILING_COMPLAINTS("GET", "/admin/mailings/{mailingId}/complaints"),
    IMPORT_MAILINGS("POST", "/admin/mailings/import"),
    COMPLAINTS("GET", "/admin/complaints"),
    COMPLAINT("GET", "/admin/complaints/{mailingId}/{complaintId}"),
    XARF("GET", "/admin/complaints/{mailingId}/{complaintId}/xarf"),
    CSA("GET", "/admin/complaints/{mailingId}/{complaintId}/csa"),
    RESOLVE("POST", "/admin/complaints/{mailingId}/{complaintId}/resolve"),
    DISMISS("POST", "/admin/complaints/{mailingId}/{complaintId}/dismiss"),
    ACCOUNT("GET", "/admin/accounts/{accountId}"),
    ACCOUNT_COMPLAINTS("GET", "/admin/accounts/{accountId}/complaints"),
    ACCOUNT_HISTORY("GET", "/admin/accounts/{accountId}/history"),
    ACCOUNT_STATUS("PUT", "/admin/accounts/{accountId}/status"),
    ACCOUNT_CONTACT("PUT", "/admin/accounts/{accountId}/contact"),
    IMPORT_CONTACTS("POST", "/admin/accounts/contacts"),
    SUPPRESSIONS("GET", "/admin/accounts/{accountId}/suppressions"),
    ERASURES("POST", "/admin/erasures");

    private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)}");

    private final String method;
    private final String path;

    Route(String method, String path) {
        this.method = method;
        this.path = path;
    }

    String method() {
        return method;
    }

    String path() {
        return path;
    }

    /** The scope a token needs for the route: reading, or changing (which includes reading). */
    String scope() {
        return method.equals("GET") ? "abuse-desk/read" : "abuse-desk/write";
    }

    /** API Gateway's route key, e.g. {@code GET /admin/mailings/{mailingId}}. */
    String key() {
        return method + " " + path;
    }

    /** The path with each parameter put in by {@code encode}; a parameter missing is an error. */
    String expand(Map<String, String> parameters, UnaryOperator<String> encode) {
        Matcher matcher = PARAMETER.matcher(path);
        var expanded = new StringBuilder();
        while (matcher.find()) {
            String value = parameters.get(matcher.group(1));
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException(key() + " needs " + matcher.group(1));
            }
            matcher.appendReplacement(expanded, Matcher.quoteReplacement(encode.apply(value)));
        }
        matcher.appendTail(expanded);
        return expanded.toString();
    }

    /** The path parameters by name: the values given for the template's parameters, in their order. */
    Map<String, String> parameters(String... values) {
        Matcher matcher = PARAMETER.matcher(path);
        var parameters = new LinkedHashMap<String, String>();
        int i = 0;
        while (matcher.find()) {
            if (i >= values.length) {
                throw new IllegalArgumentException(key() + " needs " + matcher.group(1));
            }
            parameters.put(matcher.group(1), values[i++]);
        }
        return parameters;
    }

    @Override
    public String toString() {
        return key();
    }
}
