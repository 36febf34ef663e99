package org.abusedesk.aws;

import com.amazonaws.services.lambda.runtime.Context;
import org.abusedesk.logging.LogContext;

/**
 * One Lambda invocation's frame: its log context opened with the request id and cleared after, however it ends,
 * since the runtime runs the next invocation on the same thread.
 */
public final class Invocation {

    private Invocation() {}

    /** The work of an invocation that answers. */
    @FunctionalInterface
    public interface Answer<T, E extends Exception> {
        T get() throws E;
    }

    /** The work of an invocation that writes its answer itself. */
    @FunctionalInterface
    public interface Work<E extends Exception> {
        void run() throws E;
    }

    /** Runs {@code answer} in the invocation's log context; {@code context} is null when a test invokes. */
    public static <T, E extends Exception> T answer(Context context, Answer<T, E> answer) throws E {
        LogContext.begin(context == null ? null : context.getAwsRequestId());
        try {
            return answer.get();
        } finally {
            LogContext.end();
        }
    }

    /** Runs {@code work} in the invocation's log context; {@code context} is null when a test invokes. */
    public static <E extends Exception> void run(Context context, Work<E> work) throws E {
        answer(context, () -> {
            work.run();
            return null;
        });
    }
}
