package org.abusedesk.inbound;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.complaint.MailingIdCandidate;

/**
 * Finds the Mailing ID and account of a reported message in the design brief's order of sources, keeping every
 * candidate with its source. A value from a header that a valid DKIM signature of ours covers wins over unsigned
 * ones; otherwise the first source in the order wins.
 */
public final class MailingIdResolver {

    private static final int MAX_CANDIDATES = 20;

    private final ResolutionProfile profile;

    public MailingIdResolver(ResolutionProfile profile) {
        this.profile = Objects.requireNonNull(profile, "profile == null");
    }

    /**
     * @param signedHeaders the lower-case names of the headers that valid DKIM signatures of our domains cover
     */
    public Resolution resolve(ParsedMail mail, ReportedMessage report, Set<String> signedHeaders) {
        var found = new Found(signedHeaders);
        // 1-4: the header sources, first in the message's own headers, then in header lines pasted into a body.
        headers(found, report.headers(), "header:", true);
        headers(found, report.pastedHeaders(), "pasted:", false);
        // 5: links in the reported message's body.
        for (String link : report.links()) {
            for (Pattern pattern : profile.links()) {
                match(pattern, link).ifPresent(m -> found.add(m, Optional.empty(), "body:link", false));
            }
        }
        // 6: what the complainant typed, subject first.
        for (String text : List.of(
                mail.subject(),
                mail.typed(),
                report.forwardedHeaders().first("Subject").orElse(""))) {
            Matcher matcher = profile.typed().matcher(text);
            int seen = 0;
            while (matcher.find() && seen++ < MAX_CANDIDATES) {
                found.add(matcher.group("mailing"), Optional.empty(), "text", false);
            }
        }
        return found.resolution();
    }

    private void headers(Found found, MailHeaders headers, String prefix, boolean canBeSigned) {
        if (headers.isEmpty()) {
            return;
        }
        Optional<String> client = Optional.empty();
        for (String name : profile.accountHeaders()) {
            var value = headers.first(name).flatMap(v -> match(profile.headerValue(), v, "id"));
            if (value.isPresent()) {
                found.account(value.get());
                client = value;
                break;
            }
        }
        for (String name : profile.mailingHeaders()) {
            for (String value : headers.all(name)) {
                var account = client;
                match(profile.headerValue(), value, "id")
                        .ifPresent(m -> found.add(m, account, prefix + name, canBeSigned && found.signed(name)));
            }
        }
        for (String name : profile.feedbackIdHeaders()) {
            for (String value : headers.all(name)) {
                accountAndMailing(profile.feedbackId(), value, prefix + name, canBeSigned && found.signed(name), found);
            }
        }
        for (String value : headers.all("List-Id")) {
            accountAndMailing(
                    profile.listId(), value, prefix + "List-Id", canBeSigned && found.signed("List-Id"), found);
        }
        for (String value : headers.all("List-Unsubscribe")) {
            Matcher matcher = profile.listUnsubscribe().matcher(value);
            if (matcher.find()) {
                found.add(
                        matcher.group("mailing"),
                        Optional.empty(),
                        prefix + "List-Unsubscribe",
                        canBeSigned && found.signed("List-Unsubscribe"));
            }
        }
    }

    private static void accountAndMailing(Pattern pattern, String value, String source, boolean signed, Found found) {
        Matcher matcher = pattern.matcher(value);
        if (matcher.find()) {
            Optional<String> account = pattern.namedGroups().containsKey("account")
                    ? Optional.ofNullable(matcher.group("account"))
                    : Optional.empty();
            account.ifPresent(found::account);
            found.add(matcher.group("mailing"), account, source, signed);
        }
    }

    private static Optional<String> match(Pattern pattern, String value) {
        return match(pattern, value, "mailing");
    }

    private static Optional<String> match(Pattern pattern, String value, String group) {
        Matcher matcher = pattern.matcher(value);
        return matcher.find() ? Optional.ofNullable(matcher.group(group)) : Optional.empty();
    }

    /** The candidates and accounts seen so far. */
    private static final class Found {
        private final Set<String> signedHeaders;
        private final List<MailingIdCandidate> candidates = new ArrayList<>();
        private final Set<String> accounts = new LinkedHashSet<>();

        Found(Set<String> signedHeaders) {
            this.signedHeaders = signedHeaders;
        }

        boolean signed(String header) {
            return signedHeaders.contains(header.toLowerCase(Locale.ROOT));
        }

        void account(String account) {
            accounts.add(account);
        }

        void add(String mailingId, Optional<String> account, String source, boolean signed) {
            if (mailingId == null || mailingId.length() > MailingId.MAX_LENGTH || candidates.size() >= MAX_CANDIDATES) {
                return;
            }
            boolean seen = candidates.stream()
                    .anyMatch(c -> c.mailingId().equals(mailingId) && c.source().equals(source));
            if (!seen) {
                candidates.add(new MailingIdCandidate(mailingId, account, source, signed));
            }
        }

        Resolution resolution() {
            var chosen = candidates.stream()
                    .filter(MailingIdCandidate::dkimSigned)
                    .findFirst()
                    .or(() -> candidates.stream().findFirst());
            var account = chosen.flatMap(MailingIdCandidate::accountId)
                    .or(() -> accounts.stream().findFirst());
            boolean conflict = candidates.stream()
                                    .map(MailingIdCandidate::mailingId)
                                    .distinct()
                                    .count()
                            > 1
                    || accounts.size() > 1;
            return new Resolution(
                    chosen.map(MailingIdCandidate::mailingId),
                    account,
                    chosen.map(MailingIdCandidate::source),
                    candidates,
                    conflict);
        }
    }
}
