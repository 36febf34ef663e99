package org.abusedesk.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.local.Stack;
import org.abusedesk.testkit.MotoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The team mail budget in the limits table, against the moto server. */
@ExtendWith(MotoExtension.class)
class DynamoDbTeamMailBudgetIT {

    private static final Instant WINDOW_START = Instant.parse("2026-12-07T10:00:00Z");

    private final DynamoDbTeamMailBudget budget;

    DynamoDbTeamMailBudgetIT(Stack stack) {
        this.budget = new DynamoDbTeamMailBudget(
                stack.aws().dynamoDb(), stack.ref("LimitsTable"), 20, Duration.ofMinutes(15));
    }

    @Test
    void fortyProcessorsAtOnce_spendExactlyTheBudget_andTheNextWindowHasItsOwn() throws Exception {
        var now = WINDOW_START.plusSeconds(30);
        try (var pool = Executors.newFixedThreadPool(8)) {
            var tries = IntStream.range(0, 40)
                    .mapToObj(i -> (Callable<Boolean>) () -> budget.take(now))
                    .toList();
            long taken = pool.invokeAll(tries).stream()
                    .filter(f -> {
                        try {
                            return f.get();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .count();
            assertThat(taken).isEqualTo(20);
        }
        assertThat(budget.take(WINDOW_START.plus(Duration.ofMinutes(15)))).isTrue();
    }

    @Test
    void whatAWindowHeldBack_isDigestedOnce_afterIt_namingTwentyMailingsAndCountingTheRest() {
        var now = WINDOW_START.plus(Duration.ofHours(1)).plusSeconds(10);
        for (int i = 0; i < 30; i++) {
            budget.hold(new MailingId("7000" + i), now);
        }
        budget.hold(new MailingId("70000"), now);

        assertThat(budget.claimDigest(now))
                .as("not before its window has passed")
                .isEmpty();
        var later = now.plus(Duration.ofMinutes(15));
        var digest = budget.claimDigest(later).orElseThrow();
        assertThat(digest.complaints()).isEqualTo(31);
        assertThat(digest.mailingIds()).hasSize(20).contains("70000");
        assertThat(digest.unnamed()).isEqualTo(10);
        assertThat(digest.windowStart()).isEqualTo(WINDOW_START.plus(Duration.ofHours(1)));
        assertThat(budget.claimDigest(later)).as("once").isEmpty();
    }
}
