package org.abusedesk.testkit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Injects faults into real SDK calls: refuse an operation before it is sent (a throttle or an outage), or lose its
 * answer after it took effect (a crash between two steps).
 */
public final class FaultInjector implements ExecutionInterceptor {

    /** Where the fault strikes. */
    public enum When {
        /** The call never reaches the service. */
        BEFORE,
        /** The call took effect, but the caller dies before it hears so. */
        AFTER
    }

    private record Fault(When when, AtomicInteger remaining) {}

    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    /** Fails the next {@code times} calls of the operation (e.g. "SendEmail", "TransactWriteItems"). */
    public void fail(String operation, When when, int times) {
        faults.put(operation, new Fault(when, new AtomicInteger(times)));
    }

    public void clear() {
        faults.clear();
    }

    /** How many calls of the operation were made, failed ones included. */
    public int calls(String operation) {
        return calls.getOrDefault(operation, new AtomicInteger()).get();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
        strike(operation, When.BEFORE);
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        strike(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), When.AFTER);
    }

    private void strike(String operation, When when) {
        var fault = faults.get(operation);
        if (fault != null && fault.when() == when && fault.remaining().getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw AwsServiceException.builder()
                    .statusCode(when == When.BEFORE ? 400 : 500)
                    .awsErrorDetails(AwsErrorDetails.builder()
                            .errorCode(when == When.BEFORE ? "Throttling" : "InjectedCrash")
                            .errorMessage("injected fault " + when + " " + operation)
                            .build())
                    .message("injected fault " + when + " " + operation)
                    .build();
        }
    }
}
