package org.abusedesk.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.abusedesk.intake.MutableClock;
import org.abusedesk.paging.Page;
import org.abusedesk.paging.PageRequest;
import org.abusedesk.request.FieldError;
import org.abusedesk.request.InvalidRequestException;
import org.junit.jupiter.api.Test;

class ChangeAccountStatusTest {

    private static final AccountId ACCOUNT = new AccountId("121070");
    private static final Instant NOW = Instant.parse("2025-11-20T09:30:00Z");
    private static final ComplaintStatistics STATISTICS = new ComplaintStatistics(4, 1, 2_000, 0);

    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final ChangeAccountStatus changeStatus =
            new ChangeAccountStatus(accounts, (id, now) -> STATISTICS, new MutableClock(NOW));

    @Test
    void change_liftsAPausedAccountBackToActive_recordingWhoWhenWhyAndFromWhat() {
        // GIVEN an account the desk paused automatically
        escalate(AccountStatus.ACTIVE, AccountStatus.PAUSED);

        // WHEN a person lifts the pause
        var change = changeStatus.change(
                new StatusChangeRequest("121070", "ACTIVE", "PAUSED", "list cleaned, confirmed by phone", "e.muster"));

        // THEN the account is ACTIVE, and its history ends with the person's change, whole
        assertThat(change)
                .isEqualTo(new StatusChange(
                        ACCOUNT,
                        AccountStatus.PAUSED,
                        AccountStatus.ACTIVE,
                        NOW,
                        "list cleaned, confirmed by phone",
                        "e.muster",
                        STATISTICS,
                        List.of()));
        var account = accounts.find(ACCOUNT).orElseThrow();
        assertThat(account.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(account.history()).last().isEqualTo(change);
    }

    @Test
    void change_ofAnAccountNoComplaintNamedYet_startsFromActive_andNeedsNoExpectedStatus() {
        var change = changeStatus.change(
                new StatusChangeRequest(" 121070 ", "flagged", null, " known spammer at another ESP ", "e.muster"));

        assertThat(change.from()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(change.to()).isEqualTo(AccountStatus.FLAGGED);
        assertThat(change.reason()).isEqualTo("known spammer at another ESP");
        assertThat(accounts.status(ACCOUNT)).isEqualTo(AccountStatus.FLAGGED);
    }

    @Test
    void change_withABlankReason_isRefusedNamingTheReason_andChangesNothing() {
        escalate(AccountStatus.ACTIVE, AccountStatus.WATCH);

        assertThatThrownBy(() ->
                        changeStatus.change(new StatusChangeRequest("121070", "ACTIVE", "WATCH", "  ", "e.muster")))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).errors())
                        .containsExactly(new FieldError("reason", "is required")));
        assertThat(accounts.status(ACCOUNT)).isEqualTo(AccountStatus.WATCH);
        assertThat(accounts.find(ACCOUNT).orElseThrow().history()).hasSize(1);
    }

    @Test
    void change_toAStatusThatDoesNotExist_isRefusedNamingTheStatus() {
        assertThatThrownBy(() ->
                        changeStatus.change(new StatusChangeRequest("121070", "SUSPENDED", null, "abuse", "e.muster")))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).errors())
                        .containsExactly(new FieldError("status", "must be one of ACTIVE, WATCH, FLAGGED, PAUSED")));
        assertThat(accounts.find(ACCOUNT)).isEmpty();
    }

    @Test
    void change_namesEveryFieldThatIsWrong_atOnce() {
        assertThatThrownBy(() -> changeStatus.change(
                        new StatusChangeRequest(null, null, "SOMETIMES", "two\nlines", "x".repeat(201))))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).errors())
                        .containsExactly(
                                new FieldError("accountId", "is required"),
                                new FieldError("status", "is required"),
                                new FieldError("expectedStatus", "must be one of ACTIVE, WATCH, FLAGGED, PAUSED"),
                                new FieldError("reason", "must be a single line without control characters"),
                                new FieldError("changedBy", "must be at most 200 characters")));
    }

    @Test
    void change_inTheNameOfTheDesksAutomaticEscalation_isRefused() {
        assertThatThrownBy(() ->
                        changeStatus.change(new StatusChangeRequest("121070", "PAUSED", null, "by hand", "Abuse-Desk")))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).errors())
                        .containsExactly(
                                new FieldError("changedBy", "is reserved for the desk's automatic escalations")));
    }

    @Test
    void change_toTheStatusTheAccountHasAlready_isRefused_andRecordsNothing() {
        escalate(AccountStatus.ACTIVE, AccountStatus.FLAGGED);

        assertThatThrownBy(() ->
                        changeStatus.change(new StatusChangeRequest("121070", "FLAGGED", null, "again", "e.muster")))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).errors())
                        .containsExactly(new FieldError("status", "is the account's status already")));
        assertThat(accounts.find(ACCOUNT).orElseThrow().history()).hasSize(1);
    }

    @Test
    void change_fromAStatusTheAccountHasLeftMeanwhile_isAConflict_andChangesNothing() {
        // GIVEN a person saw the account at WATCH, and the desk escalated it to PAUSED since
        escalate(AccountStatus.ACTIVE, AccountStatus.PAUSED);

        // WHEN the person lifts what they saw
        assertThatThrownBy(() -> changeStatus.change(
                        new StatusChangeRequest("121070", "ACTIVE", "WATCH", "false alarm", "e.muster")))
                // THEN the change is refused, naming what the account is now; the pause stands
                .isInstanceOf(StatusConflictException.class)
                .hasMessage(
                        "account 121070 is PAUSED, not WATCH: it changed meanwhile; look at it again and decide anew")
                .satisfies(
                        e -> assertThat(((StatusConflictException) e).actual()).isEqualTo(AccountStatus.PAUSED));
        assertThat(accounts.status(ACCOUNT)).isEqualTo(AccountStatus.PAUSED);
    }

    @Test
    void change_thatLosesTheRaceToAnEscalation_isAConflict_andTheEscalationStands() {
        // GIVEN accounts where an escalation to PAUSED lands between the person's read and write
        var racing = new EscalatingBeforeWrite(accounts);
        var change = new ChangeAccountStatus(racing, (id, now) -> STATISTICS, new MutableClock(NOW));

        // WHEN a person flags the account, which they saw ACTIVE
        assertThatThrownBy(() -> change.change(
                        new StatusChangeRequest("121070", "FLAGGED", "ACTIVE", "complaints by phone", "e.muster")))
                // THEN the conditional write fails, and the person learns the account is PAUSED now
                .isInstanceOf(StatusConflictException.class)
                .satisfies(e -> {
                    var conflict = (StatusConflictException) e;
                    assertThat(conflict.expected()).isEqualTo(AccountStatus.ACTIVE);
                    assertThat(conflict.actual()).isEqualTo(AccountStatus.PAUSED);
                });
        assertThat(accounts.find(ACCOUNT).orElseThrow().history())
                .extracting(StatusChange::changedBy)
                .containsExactly(StatusChange.AUTOMATIC);
    }

    private void escalate(AccountStatus from, AccountStatus to) {
        assertThat(accounts.changeStatus(new StatusChange(
                        ACCOUNT,
                        from,
                        to,
                        NOW.minusSeconds(3600),
                        "rate",
                        StatusChange.AUTOMATIC,
                        STATISTICS,
                        List.of("01KB3V9X4E0ZQ6K8N2M5T7R1YH"))))
                .isTrue();
    }

    /** Accounts at which the desk escalates to PAUSED just before a person's change is written. */
    private record EscalatingBeforeWrite(InMemoryAccounts accounts) implements Accounts {

        @Override
        public boolean changeStatus(StatusChange change) {
            accounts.changeStatus(new StatusChange(
                    change.accountId(),
                    change.from(),
                    AccountStatus.PAUSED,
                    change.at(),
                    "rate",
                    StatusChange.AUTOMATIC,
                    change.statistics(),
                    List.of()));
            return accounts.changeStatus(change);
        }

        @Override
        public Optional<Account> find(AccountId id) {
            return accounts.find(id);
        }

        @Override
        public AccountStatus status(AccountId id) {
            return accounts.status(id);
        }

        @Override
        public Page<StatusChange> history(AccountId id, PageRequest page) {
            return accounts.history(id, page);
        }

        @Override
        public List<StatusChange> unannouncedEscalations(AccountId id) {
            return accounts.unannouncedEscalations(id);
        }

        @Override
        public void markAnnounced(StatusChange change) {
            accounts.markAnnounced(change);
        }
    }
}
