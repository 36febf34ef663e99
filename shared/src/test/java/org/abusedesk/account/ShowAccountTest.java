package org.abusedesk.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.abusedesk.paging.InvalidCursorException;
import org.abusedesk.paging.PageRequest;
import org.abusedesk.request.FieldError;
import org.abusedesk.request.InvalidRequestException;
import org.junit.jupiter.api.Test;

class ShowAccountTest {

    private static final AccountId ACCOUNT = new AccountId("121070");
    private static final Instant T = Instant.parse("2025-11-20T09:30:00Z");

    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final ShowAccount showAccount = new ShowAccount(accounts);

    @Test
    void show_givesStatusCountersAndTheWholeHistory_oldestFirst() {
        var changes = changeFiveTimes();

        var account = showAccount.show("121070").orElseThrow();

        assertThat(account.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(account.history()).containsExactlyElementsOf(changes);
    }

    @Test
    void history_givesTheChangesNewestFirst_aPageAtATime_untilNoCursorIsLeft() {
        var changes = changeFiveTimes();

        var first = showAccount.history("121070", new PageRequest(Optional.empty(), 2));
        var second = showAccount.history("121070", new PageRequest(first.next(), 2));
        var third = showAccount.history("121070", new PageRequest(second.next(), 2));

        assertThat(first.items()).containsExactly(changes.get(4), changes.get(3));
        assertThat(second.items()).containsExactly(changes.get(2), changes.get(1));
        assertThat(third.items()).containsExactly(changes.get(0));
        assertThat(third.next()).isEmpty();
    }

    @Test
    void history_withACursorOfAnotherAccount_isRefused() {
        changeFiveTimes();
        var cursor = showAccount
                .history("121070", new PageRequest(Optional.empty(), 2))
                .next();

        assertThatThrownBy(() -> showAccount.history("999999", new PageRequest(cursor, 2)))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void show_ofAnAccountNothingNamed_isEmpty_andABlankIdIsRefusedNamingIt() {
        assertThat(showAccount.show("555")).isEmpty();
        assertThatThrownBy(() -> showAccount.show(" "))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).errors())
                        .containsExactly(new FieldError("accountId", "is required")));
    }

    private List<StatusChange> changeFiveTimes() {
        var statuses = List.of(
                AccountStatus.ACTIVE,
                AccountStatus.WATCH,
                AccountStatus.FLAGGED,
                AccountStatus.PAUSED,
                AccountStatus.WATCH,
                AccountStatus.ACTIVE);
        var changes = new ArrayList<StatusChange>();
        for (int i = 0; i < 5; i++) {
            var change = new StatusChange(
                    ACCOUNT,
                    statuses.get(i),
                    statuses.get(i + 1),
                    T.plusSeconds(i),
                    "step " + i,
                    "e.muster",
                    new ComplaintStatistics(0, 0, 0, 0),
                    List.of());
            assertThat(accounts.changeStatus(change)).isTrue();
            changes.add(change);
        }
        return changes;
    }
}
