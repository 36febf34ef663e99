package org.abusedesk.console.pages;

import java.util.ArrayList;
import java.util.List;
import org.abusedesk.account.AccountId;
import org.abusedesk.account.ShowAccount;
import org.abusedesk.cases.CaseNotFoundException;
import org.abusedesk.cases.ComplainantRecords;
import org.abusedesk.cases.ViewCase;
import org.abusedesk.complaint.ComplaintId;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.console.ConsoleRequest;
import org.abusedesk.console.ConsoleResponse;
import org.abusedesk.registration.ShowMailing;
import org.abusedesk.request.InvalidRequestException;
import org.abusedesk.suppression.AddressHash;

/**
 * {@code /search?q=}: a case reference ({@code mailingId/complaintId}), a Mailing ID, an account, or a complainant's
 * address. Each is looked up by its key; an address by its hash, never by reading the table through.
 */
final class SearchPage {

    /** The longest query read: an address (254) is the longest thing searched for. */
    static final int MAX_QUERY = 320;

    private final ViewCase viewCase;
    private final ShowMailing showMailing;
    private final ShowAccount showAccount;
    private final ComplainantRecords complainants;

    SearchPage(ConsoleUseCases useCases) {
        this.viewCase = useCases.viewCase();
        this.showMailing = useCases.showMailing();
        this.showAccount = useCases.showAccount();
        this.complainants = useCases.complainants();
    }

    ConsoleResponse show(ConsoleRequest request) {
        var t = PageText.of(request.language());
        String q = request.query("q").orElse("").strip();
        var title = t.get("search.title");
        if (q.length() > MAX_QUERY) {
            var frame = Frame.of(request, t.get("page.error") + ": " + title, "search");
            return Templates.page(
                    400, "search.jte", new SearchView(frame, "", List.of(), t.get("search.tooLong", MAX_QUERY)));
        }
        var hits = q.isEmpty() ? List.<SearchView.Hit>of() : search(t, q);
        var frame = Frame.of(request, title, "search");
        return Templates.page(200, "search.jte", new SearchView(frame, q, hits, ""));
    }

    private List<SearchView.Hit> search(PageText t, String q) {
        var hits = new ArrayList<SearchView.Hit>();
        if (q.indexOf('@') > 0) {
            // Only keys and states: the page names no one, whatever address was typed.
            AddressHash hash;
            try {
                hash = AddressHash.of(q);
            } catch (IllegalArgumentException e) {
                // a domain IDNA cannot read: no address the desk could have stored
                return hits;
            }
            for (var file : complainants.ofComplainant(hash)) {
                var key = file.complaint().key();
                if (file.erasedAt().isPresent()) {
                    continue;
                }
                hits.add(new SearchView.Hit(
                        "complaint", reference(key), Links.aCase(key), t.name("state", file.state())));
            }
            return hits;
        }
        int slash = q.indexOf('/');
        if (slash > 0) {
            try {
                var key =
                        new ComplaintKey(new MailingId(q.substring(0, slash)), new ComplaintId(q.substring(slash + 1)));
                var file = viewCase.view(key).file();
                hits.add(new SearchView.Hit("case", reference(key), Links.aCase(key), t.name("state", file.state())));
            } catch (IllegalArgumentException | CaseNotFoundException e) {
                // no such case: nothing found
            }
            return hits;
        }
        if (q.length() <= MailingId.MAX_LENGTH) {
            try {
                showMailing
                        .show(q)
                        .ifPresent(m ->
                                hits.add(new SearchView.Hit("mailing", m.id().value(), Links.mailing(m.id()), "")));
                if (q.length() <= AccountId.MAX_LENGTH) {
                    showAccount
                            .show(q)
                            .ifPresent(a -> hits.add(new SearchView.Hit(
                                    "account", a.id().value(), Links.account(a.id()), t.name("status", a.status()))));
                }
            } catch (InvalidRequestException e) {
                // a value no mailing and no account can have: nothing found
            }
        }
        return hits;
    }

    private static String reference(ComplaintKey key) {
        return key.mailingId().value() + "/" + key.complaintId().value();
    }
}
