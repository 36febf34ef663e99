package org.abusedesk.cli;

import org.abusedesk.testkit.FaultInjector;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The soak's way into every SDK client of the local stack, the handlers' own included: the SDK loads this class for
 * every client it builds, by the classpath file {@code software/amazon/awssdk/global/handlers/execution.interceptors}
 * of the cli's tests. It does nothing until a soak switches faults on.
 */
public final class SoakFaults implements ExecutionInterceptor {

    static final FaultInjector FAULTS = new FaultInjector();
    private static volatile boolean on;

    static void switchOn(double probability, long seed) {
        FAULTS.failAtRandom(probability, seed);
        on = true;
    }

    static void switchOff() {
        on = false;
        FAULTS.clear();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (on) {
            FAULTS.beforeExecution(context, attributes);
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (on) {
            FAULTS.afterExecution(context, attributes);
        }
    }
}
