package org.abusedesk.console.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.abusedesk.account.AccountId;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.MailingId;

/** The console's addresses, each built in one place, every value in them percent-encoded. */
public final class Links {

    /** Where the HTTP API serves the console. */
    public static final String BASE = "/console";

    private Links() {}

    public static String overview() {
        // No trailing slash: the API's routes are /console and /console/{proxy+}, which takes no empty rest.
        return BASE;
    }

    public static String queue() {
        return BASE + "/cases";
    }

    public static String search() {
        return BASE + "/search";
    }

    public static String importMailings() {
        return BASE + "/import";
    }

    /** Where the sign-out form posts: the gate ends the session here and at the provider. */
    public static String signOut() {
        return BASE + "/signout";
    }

    public static String erase() {
        return BASE + "/erase";
    }

    public static String aCase(ComplaintKey key) {
        return BASE + "/cases/" + segment(key.mailingId().value()) + "/"
                + segment(key.complaintId().value());
    }

    /** A case's action or download: {@code raw}, {@code xarf}, {@code csa}, {@code resolve}, {@code dismiss}. */
    public static String aCase(ComplaintKey key, String action) {
        return aCase(key) + "/" + action;
    }

    public static String account(AccountId id) {
        return account(id.value());
    }

    public static String account(String id) {
        return BASE + "/accounts/" + segment(id);
    }

    /** The account's page with its chart over {@code days}. */
    public static String account(String id, int days) {
        return account(id) + "?days=" + days;
    }

    /** The queue of the cases counted against an account. */
    public static String casesOfAccount(String id) {
        return queue() + "?account=" + query(id);
    }

    public static String accountStatus(String id) {
        return account(id) + "/status";
    }

    public static String accountContact(String id) {
        return account(id) + "/contact";
    }

    public static String mailing(MailingId id) {
        return mailing(id.value());
    }

    public static String mailing(String id) {
        return BASE + "/mailings/" + segment(id);
    }

    /** A path below the console, as the request named it. */
    static String path(String path) {
        return BASE + (path.startsWith("/") ? path : "/" + path);
    }

    /** The same page with other query values: {@code null} drops a parameter. */
    public static String with(String path, Map<String, String> query, Map<String, String> changes) {
        var all = new TreeMap<>(query);
        changes.forEach((name, value) -> {
            if (value == null) {
                all.remove(name);
            } else {
                all.put(name, value);
            }
        });
        var url = new StringBuilder(BASE).append(path.startsWith("/") ? path : "/" + path);
        char separator = '?';
        for (var entry : all.entrySet()) {
            url.append(separator).append(query(entry.getKey())).append('=').append(query(entry.getValue()));
            separator = '&';
        }
        return url.toString();
    }

    /** A path segment, percent-encoded (a space as {@code %20}, never {@code +}). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
