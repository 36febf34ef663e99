package org.abusedesk.suppression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import org.abusedesk.account.AccountId;
import org.abusedesk.account.InMemoryAccounts;
import org.abusedesk.paging.InvalidCursorException;
import org.abusedesk.paging.PageRequest;
import org.abusedesk.request.FieldError;
import org.abusedesk.request.InvalidRequestException;
import org.junit.jupiter.api.Test;

class ListSuppressionsTest {

    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final ListSuppressions listSuppressions = new ListSuppressions(accounts);

    @Test
    void list_givesEverySuppressionOfTheAccountOnce_acrossPages() {
        var account = new AccountId("121070");
        for (String person : new String[] {"a", "b", "c"}) {
            accounts.count(
                    account,
                    false,
                    Optional.of(new Suppression(
                            account,
                            AddressHash.of(person + "@example.net"),
                            Instant.parse("2025-11-20T09:30:00Z"),
                            "01KB3V9X4E0ZQ6K8N2M5T7R1Y" + person.toUpperCase())));
        }

        var hashes = new ArrayList<AddressHash>();
        var page = listSuppressions.list("121070", new PageRequest(Optional.empty(), 2));
        page.items().forEach(s -> hashes.add(s.addressHash()));
        page = listSuppressions.list("121070", new PageRequest(page.next(), 2));
        page.items().forEach(s -> hashes.add(s.addressHash()));

        assertThat(page.next()).isEmpty();
        assertThat(hashes)
                .containsExactlyInAnyOrder(
                        AddressHash.of("a@example.net"),
                        AddressHash.of("b@example.net"),
                        AddressHash.of("c@example.net"));
    }

    @Test
    void list_refusesABlankAccount_andACursorOfAnotherListing() {
        assertThatThrownBy(() -> listSuppressions.list("", PageRequest.first()))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).errors())
                        .containsExactly(new FieldError("accountId", "is required")));
        assertThatThrownBy(() -> listSuppressions.list("121070", new PageRequest(Optional.of("bm90IG91cnM"), 2)))
                .isInstanceOf(InvalidCursorException.class);
    }
}
