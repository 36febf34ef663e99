package org.abusedesk.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Where and how the Mailing ID and the sending account are read from a reported message, in the design brief's
 * order: (1) the mailing and account headers, (2) Feedback-ID headers, (3) List-Id, (4) List-Unsubscribe,
 * (5) links in the body, (6) what the complainant typed. Every pattern names its groups {@code mailing} and, where
 * the source has one, {@code account}.
 */
public record ResolutionProfile(
        List<String> mailingHeaders,
        List<String> accountHeaders,
        Pattern headerValue,
        List<String> feedbackIdHeaders,
        Pattern feedbackId,
        Pattern listId,
        Pattern listUnsubscribe,
        List<Pattern> links,
        Pattern typed) {

    private static final String ID = "[0-9]{1,64}";

    /** The defaults of the design brief; IDs are digits, so that other senders' List-Ids and links never match. */
    public static final ResolutionProfile DEFAULT = new ResolutionProfile(
            List.of("X-Mailing-ID", "X-Mailing"),
            List.of("X-Client"),
            Pattern.compile("^\\s*<?(?<id>" + ID + ")>?\\s*$"),
            List.of("Feedback-ID", "CFBL-Feedback-ID"),
            Pattern.compile("^\\s*(?<account>" + ID + "):(?<mailing>" + ID + "):[^:\\s]{0,200}:[^:\\s]{0,200}\\s*$"),
            Pattern.compile("(?<mailing>" + ID + ")\\.(?<account>" + ID
                    + ")\\.[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){0,20}"),
            Pattern.compile("[?&](?:amp;)?mid=(?<mailing>" + ID + ")(?![0-9A-Za-z_-])"),
            List.of(
                    Pattern.compile("[?&](?:amp;)?mid=(?<mailing>" + ID + ")(?![0-9A-Za-z_-])"),
                    Pattern.compile("/m/(?<mailing>" + ID + ")/")),
            Pattern.compile("(?i)\\bmailing[ -]?id\\s{0,5}[:#]?\\s{0,5}(?<mailing>" + ID + ")(?![0-9])"));

    private static final ObjectMapper JSON = new ObjectMapper();

    public ResolutionProfile {
        mailingHeaders = List.copyOf(mailingHeaders);
        accountHeaders = List.copyOf(accountHeaders);
        Objects.requireNonNull(headerValue, "headerValue == null");
        feedbackIdHeaders = List.copyOf(feedbackIdHeaders);
        Objects.requireNonNull(feedbackId, "feedbackId == null");
        Objects.requireNonNull(listId, "listId == null");
        Objects.requireNonNull(listUnsubscribe, "listUnsubscribe == null");
        links = List.copyOf(links);
        Objects.requireNonNull(typed, "typed == null");
        requireGroup("headerValue", headerValue, "id");
        requireGroup("feedbackId", feedbackId, "mailing");
        requireGroup("listId", listId, "mailing");
        requireGroup("listUnsubscribe", listUnsubscribe, "mailing");
        links.forEach(p -> requireGroup("links", p, "mailing"));
        requireGroup("typed", typed, "mailing");
    }

    /** Every header name the profile reads; pasted header lines of these names are evidence too. */
    public Set<String> headerNames() {
        var names = new LinkedHashSet<String>();
        names.addAll(mailingHeaders);
        names.addAll(accountHeaders);
        names.addAll(feedbackIdHeaders);
        names.add("List-Id");
        names.add("List-Unsubscribe");
        return names;
    }

    /**
     * The defaults with what the JSON object overrides: {@code mailingHeaders}, {@code accountHeaders},
     * {@code feedbackIdHeaders} (arrays of names), {@code headerValue}, {@code feedbackId}, {@code listId},
     * {@code listUnsubscribe}, {@code typed} (patterns) and {@code links} (an array of patterns).
     *
     * @throws IllegalArgumentException naming the key whose value is wrong
     */
    public static ResolutionProfile fromJson(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("resolution profile is not JSON", e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("resolution profile must be a JSON object");
        }
        var known = Set.of(
                "mailingHeaders",
                "accountHeaders",
                "headerValue",
                "feedbackIdHeaders",
                "feedbackId",
                "listId",
                "listUnsubscribe",
                "links",
                "typed");
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("resolution profile has no setting " + name);
            }
        });
        var d = DEFAULT;
        return new ResolutionProfile(
                names(node, "mailingHeaders", d.mailingHeaders),
                names(node, "accountHeaders", d.accountHeaders),
                pattern(node, "headerValue", d.headerValue),
                names(node, "feedbackIdHeaders", d.feedbackIdHeaders),
                pattern(node, "feedbackId", d.feedbackId),
                pattern(node, "listId", d.listId),
                pattern(node, "listUnsubscribe", d.listUnsubscribe),
                patterns(node, "links", d.links),
                pattern(node, "typed", d.typed));
    }

    private static List<String> names(JsonNode node, String key, List<String> fallback) {
        if (!node.has(key)) {
            return fallback;
        }
        var names = new ArrayList<String>();
        node.get(key).forEach(n -> names.add(n.asText()));
        return names;
    }

    private static Pattern pattern(JsonNode node, String key, Pattern fallback) {
        if (!node.has(key)) {
            return fallback;
        }
        try {
            return Pattern.compile(node.get(key).asText());
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("resolution profile " + key + " is not a pattern", e);
        }
    }

    private static List<Pattern> patterns(JsonNode node, String key, List<Pattern> fallback) {
        if (!node.has(key)) {
            return fallback;
        }
        var patterns = new ArrayList<Pattern>();
        for (JsonNode value : node.get(key)) {
            try {
                patterns.add(Pattern.compile(value.asText()));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("resolution profile " + key + " is not a pattern", e);
            }
        }
        return patterns;
    }

    private static void requireGroup(String key, Pattern pattern, String group) {
        if (!pattern.namedGroups().containsKey(group)) {
            throw new IllegalArgumentException("resolution profile " + key + " has no group named " + group);
        }
    }
}
