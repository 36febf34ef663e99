package org.abusedesk.inbound;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.complaint.MailingIdCandidate;

/**
 * Finds the Mailing ID and account of a reported message in the design brief's order of sources, keeping every
 * candidate with its source. A value from a header instance that a valid DKIM signature of ours covers wins over
 * unsigned ones; otherwise the first source in the order wins. DKIM covers the bottom-most instances of each name its
 * {@code h=} lists: a copy of a signed header added above them is unsigned, and makes the resolution a conflict.
 */
public final class MailingIdResolver {

    private static final int MAX_CANDIDATES = 20;

    private final ResolutionProfile profile;

    public MailingIdResolver(ResolutionProfile profile) {
        this.profile = Objects.requireNonNull(profile, "profile == null");
    }

    /** @param dkim what the signatures of our sending domains on the reported message prove */
    public Resolution resolve(ParsedMail mail, ReportedMessage report, DkimVerifier.Proof dkim) {
        var found = new Found(dkim);
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
        boolean clientSigned = false;
        for (String name : profile.accountHeaders()) {
            var values = headers.all(name);
            var value = values.stream().findFirst().flatMap(v -> match(profile.headerValue(), v, "id"));
            if (value.isPresent()) {
                // Signed only when every instance is: the first one read could otherwise be an unsigned copy.
                clientSigned = canBeSigned && found.allSigned(name, values.size());
                found.account(value.get(), clientSigned);
                client = value;
                break;
            }
        }
        for (String name : profile.mailingHeaders()) {
            var values = headers.all(name);
            for (int i = 0; i < values.size(); i++) {
                var account = client;
                boolean signed = canBeSigned && found.signed(name, i, values.size());
                match(profile.headerValue(), values.get(i), "id")
                        .ifPresent(m -> found.add(m, account, prefix + name, signed));
            }
        }
        for (String name : profile.feedbackIdHeaders()) {
            accountsAndMailings(profile.feedbackId(), headers, name, prefix, canBeSigned, found);
        }
        accountsAndMailings(profile.listId(), headers, "List-Id", prefix, canBeSigned, found);
        var unsubscribes = headers.all("List-Unsubscribe");
        for (int i = 0; i < unsubscribes.size(); i++) {
            Matcher matcher = profile.listUnsubscribe().matcher(unsubscribes.get(i));
            if (matcher.find()) {
                found.add(
                        matcher.group("mailing"),
                        Optional.empty(),
                        prefix + "List-Unsubscribe",
                        canBeSigned && found.signed("List-Unsubscribe", i, unsubscribes.size()));
            }
        }
    }

    private static void accountsAndMailings(
            Pattern pattern, MailHeaders headers, String name, String prefix, boolean canBeSigned, Found found) {
        var values = headers.all(name);
        for (int i = 0; i < values.size(); i++) {
            Matcher matcher = pattern.matcher(values.get(i));
            if (matcher.find()) {
                boolean signed = canBeSigned && found.signed(name, i, values.size());
                Optional<String> account = pattern.namedGroups().containsKey("account")
                        ? Optional.ofNullable(matcher.group("account"))
                        : Optional.empty();
                account.ifPresent(a -> found.account(a, signed));
                found.add(matcher.group("mailing"), account, prefix + name, signed);
            }
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
        private final DkimVerifier.Proof dkim;
        private final List<MailingIdCandidate> candidates = new ArrayList<>();
        private final Set<String> accounts = new LinkedHashSet<>();
        private final Set<String> signedAccounts = new LinkedHashSet<>();
        private boolean unsignedCopy;

        Found(DkimVerifier.Proof dkim) {
            this.dkim = dkim;
        }

        /** Whether instance {@code index} (from the top) of {@code count} is one of the bottom-most ones signed. */
        boolean signed(String header, int index, int count) {
            int signed = dkim.signedInstances(header);
            unsignedCopy |= signed > 0 && count > signed;
            return count - index <= signed;
        }

        boolean allSigned(String header, int count) {
            int signed = dkim.signedInstances(header);
            unsignedCopy |= signed > 0 && count > signed;
            return count > 0 && count <= signed;
        }

        void account(String account, boolean signed) {
            accounts.add(account);
            if (signed) {
                signedAccounts.add(account);
            }
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
            boolean conflict = unsignedCopy
                    || candidates.stream()
                                    .map(MailingIdCandidate::mailingId)
                                    .distinct()
                                    .count()
                            > 1
                    || accounts.size() > 1;
            return new Resolution(
                    chosen.map(MailingIdCandidate::mailingId),
                    account,
                    account.filter(signedAccounts::contains).isPresent() && accounts.size() == 1,
                    chosen.map(MailingIdCandidate::source),
                    candidates,
                    conflict,
                    unsignedCopy);
        }
    }
}
