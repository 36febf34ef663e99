package org.abusedesk.console.pages;

import java.util.Objects;
import org.abusedesk.account.AccountStatus;

/** The step before a status change: what will change, and the button that does it. */
public record StatusConfirmView(Frame f, String accountId, AccountStatus from, AccountStatus to, String reason) {

    public StatusConfirmView {
        Objects.requireNonNull(f, "f == null");
        Objects.requireNonNull(accountId, "accountId == null");
        Objects.requireNonNull(from, "from == null");
        Objects.requireNonNull(to, "to == null");
        Objects.requireNonNull(reason, "reason == null");
    }
}
