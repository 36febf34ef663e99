package org.abusedesk.delivery;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs one task per message of a batch, all at once on virtual threads, so that a slow one holds up no other. */
final class AllAtOnce {

    /** A message's task: its own HTTP exchange, which may wait. */
    @FunctionalInterface
    interface Task<T> {
        T run(SQSEvent.SQSMessage message) throws InterruptedException;
    }

    private AllAtOnce() {}

    /**
     * Each message's result, in the batch's order.
     *
     * @throws IllegalArgumentException when a message has no id: a failure could not name it, so the batch fails whole
     */
    static <T> List<T> run(SQSEvent event, Task<T> task) {
        for (var message : event.getRecords()) {
            if (message.getMessageId() == null || message.getMessageId().isBlank()) {
                throw new IllegalArgumentException("SQS message without a message id");
            }
        }
        var results = new ArrayList<T>();
        try (var each = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> running = new ArrayList<>();
            for (var message : event.getRecords()) {
                running.add(each.submit(() -> task.run(message)));
            }
            for (var result : running) {
                results.add(result.get());
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a task failed unexpectedly", e.getCause());
        } catch (InterruptedException e) {
            // Lambda stops the environment: the batch comes back whole, each message under its own ID.
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return results;
    }
}
