package org.abusedesk.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.abusedesk.account.AccountId;
import org.abusedesk.account.ChangeAccountStatus;
import org.abusedesk.account.ComplaintRatePolicy;
import org.abusedesk.account.ComplaintStatistics;
import org.abusedesk.account.StatusChangeRequest;
import org.abusedesk.account.Thresholds;
import org.junit.jupiter.api.Test;

class EscalateAccountTest {

    private final InMemoryDesk desk = new InMemoryDesk();
    private final EscalateAccount escalate = new EscalateAccount(
            desk.accounts, desk.mailings, desk.complaints, new ComplaintRatePolicy(Thresholds.DEFAULTS), desk.metrics);

    @Test
    void aPersonsStatusChange_recordsTheStatisticsOfTheAccountsMailings_withoutAComplaintToStartFrom() {
        // GIVEN two complaints on a mailing to 1,000 recipients, and three on one without a recipient count
        desk.register("14141611", "121070", 1000L);
        desk.register("14141612", "121070", null);
        for (String address : new String[] {"a@example.net", "b@example.net"}) {
            desk.processComplaint.process(desk.receive("14141611", address));
        }
        for (String address : new String[] {"c@example.net", "d@example.net", "e@example.net"}) {
            desk.processComplaint.process(desk.receive("14141612", address));
        }
        desk.clock.advance(Duration.ofHours(1));

        // WHEN a person puts the account on watch
        var change = new ChangeAccountStatus(desk.accounts, escalate::statistics, desk.clock)
                .change(new StatusChangeRequest("121070", "WATCH", "ACTIVE", "new sender, watching", "e.muster"));

        // THEN the change records the rate over the counted mailing and the busiest uncounted one's day
        assertThat(change.statistics()).isEqualTo(new ComplaintStatistics(2, 0, 1000, 3));
        assertThat(desk.accounts.find(new AccountId("121070")).orElseThrow().history())
                .last()
                .isEqualTo(change);
    }
}
