package org.abusedesk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.abusedesk.local.Stack;

/**
 * What a SnapStart function promises, checked on a stack. Built as the Lambda runtime builds it, with a checkpoint
 * context of the test's, it registers its hooks; its priming before the snapshot stores, queues and mails nothing
 * and counts no metric; after a restore its random sources are new ones, and it handles its first event as ever.
 *
 * @param randomSource what a restore must replace, such as {@code Randomness::secureRandom}
 * @param hooks how many hooks the handlers built register: one for each
 */
public record SnapStartContract(Stack stack, Supplier<?> randomSource, int hooks) {

    /** The test's first event after the restore: handed to the handler, and what it did checked. */
    @FunctionalInterface
    public interface FirstEvent<H> {

        /** The standard output holds what the handler wrote since it was built, its metric lines among it. */
        void handle(H handler, Stdout stdout) throws Exception;
    }

    public SnapStartContract {
        Objects.requireNonNull(stack, "stack == null");
        Objects.requireNonNull(randomSource, "randomSource == null");
        if (hooks < 1) {
            throw new IllegalArgumentException("hooks < 1: " + hooks);
        }
    }

    /** The contract of one handler, registering one hook. */
    public static SnapStartContract of(Stack stack, Supplier<?> randomSource) {
        return new SnapStartContract(stack, randomSource, 1);
    }

    /** The contract of handlers built together on one checkpoint context, registering this many hooks. */
    public SnapStartContract withHooks(int hooks) {
        return new SnapStartContract(stack, randomSource, hooks);
    }

    /**
     * Builds the handler with a recording checkpoint context, takes the snapshot, checks that it changed nothing,
     * restores, checks that the random sources were renewed, and hands the handler its first event.
     */
    public <H> void verify(Function<RecordingCheckpoints, H> build, FirstEvent<H> firstEvent) throws Exception {
        // GIVEN the handler built as the runtime builds it, on an empty stack
        var checkpoints = new RecordingCheckpoints();
        var stdout = new Stdout();
        H handler = stdout.whileBuilding(() -> build.apply(checkpoints));
        var before = StackContents.of(stack);

        // WHEN the snapshot is taken
        checkpoints.checkpoint();

        // THEN the hooks were registered, and their priming stored, queued and mailed nothing, and counted no metric
        assertThat(checkpoints.resources()).as("hooks registered").hasSize(hooks);
        assertThat(before.counts())
                .allSatisfy((id, count) -> assertThat(count).as(id).isZero());
        assertThat(StackContents.of(stack)).as("stack after the priming").isEqualTo(before);
        assertThat(stdout.metricLines()).as("metrics of the priming").isEmpty();

        // WHEN an execution environment is restored from it
        Object snapshotted = randomSource.get();
        checkpoints.restore();

        // THEN its random sources are new ones, and it handles its first event as ever
        assertThat(randomSource.get()).as("random source after the restore").isNotSameAs(snapshotted);
        firstEvent.handle(handler, stdout);
    }
}
