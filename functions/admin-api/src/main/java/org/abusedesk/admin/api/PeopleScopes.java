package org.abusedesk.admin.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a person's token may do: the user pool grants every scope a client asks for, whatever the person's group, so
 * a person (a token with a {@code username}) gets the write scope only in {@code abuse-desk-write} and the read scope
 * only in one of the groups. A machine client's token (no user) keeps the scopes it was given.
 */
final class PeopleScopes {

    static final String READ_GROUP = "abuse-desk-read";
    static final String WRITE_GROUP = "abuse-desk-write";

    /** Far more than any group list; a longer claim is read as no group at all. */
    private static final int MAX_GROUPS_CLAIM = 4096;

    private PeopleScopes() {}

    static List<String> of(Map<String, String> claims, List<String> scopes) {
        if (claims.get("username") == null) {
            return scopes;
        }
        var groups = groups(claims.getOrDefault("cognito:groups", ""));
        boolean write = groups.contains(WRITE_GROUP);
        boolean read = write || groups.contains(READ_GROUP);
        var kept = new ArrayList<String>();
        for (String scope : scopes) {
            if (scope.equals(Scope.WRITE.claim()) ? write : !scope.equals(Scope.READ.claim()) || read) {
                kept.add(scope);
            }
        }
        return List.copyOf(kept);
    }

    /** The groups of the claim as API Gateway passes it on: {@code [a b]}, {@code [a, b]}, or one name. */
    static List<String> groups(String claim) {
        if (claim.length() > MAX_GROUPS_CLAIM) {
            return List.of();
        }
        var groups = new ArrayList<String>();
        var name = new StringBuilder();
        for (int i = 0; i <= claim.length(); i++) {
            char c = i < claim.length() ? claim.charAt(i) : ' ';
            if (c == '[' || c == ']' || c == ',' || c == ' ' || c == '"') {
                if (!name.isEmpty()) {
                    groups.add(name.toString());
                    name.setLength(0);
                }
            } else {
                name.append(c);
            }
        }
        return List.copyOf(groups);
    }
}
