package org.abusedesk.testkit;

import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
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

    private record Fault(When when, AtomicInteger remaining, String errorCode, int statusCode) {}

    /** Faults struck at random, each call with the same probability; a seeded source repeats a run. */
    private record Chaos(double probability, Random random) {}

    private static final ExecutionAttribute<Integer> CALL_NUMBER =
            new ExecutionAttribute<>("FaultInjectorCallsToCrash");

    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> struck = new ConcurrentHashMap<>();
    private final java.util.List<String> sequence = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Chaos chaos;
    private final AtomicInteger untilCrash = new AtomicInteger();
    private volatile When crashWhen = When.AFTER;
    private volatile String crashCode = "InjectedCrash";

    /** Fails the next {@code times} calls of the operation (e.g. "SendEmail", "TransactWriteItems"). */
    public void fail(String operation, When when, int times) {
        fail(operation, when, times, when == When.BEFORE ? "Throttling" : "InjectedCrash");
    }

    /**
     * Fails the next {@code times} calls of the operation with the service's own error code, as the SDK reports it
     * once its retries are spent (e.g. "ProvisionedThroughputExceededException", "TooManyRequestsException").
     */
    public void fail(String operation, When when, int times, String errorCode) {
        faults.put(operation, new Fault(when, new AtomicInteger(times), errorCode, when == When.BEFORE ? 400 : 500));
    }

    /**
     * From now on, fails any call with the given probability, before it is sent or after it took effect, at
     * random; until {@link #clear()}.
     */
    public void failAtRandom(double probability, long seed) {
        chaos = new Chaos(probability, new Random(seed));
    }

    /**
     * Fails the {@code n}-th call from now, whatever its operation: {@link When#AFTER} kills the work between that
     * step and the next, {@link When#BEFORE} just before it.
     */
    public void failCall(int n, When when) {
        failCall(n, when, when == When.BEFORE ? "Throttling" : "InjectedCrash");
    }

    /** Fails the {@code n}-th call from now, whatever its operation, with the service's own error code. */
    public void failCall(int n, When when, String errorCode) {
        crashWhen = when;
        crashCode = errorCode;
        untilCrash.set(n);
    }

    public void clear() {
        faults.clear();
        chaos = null;
        untilCrash.set(0);
    }

    /** Every operation called so far. */
    public java.util.Set<String> operations() {
        return java.util.Set.copyOf(calls.keySet());
    }

    /** Every call so far, by its operation, in the order they were made: failed ones included. */
    public java.util.List<String> sequence() {
        return java.util.List.copyOf(sequence);
    }

    /** How many calls were made in all, failed ones included. */
    public int calls() {
        return calls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** How many faults were struck in all, planned and random. */
    public int struck() {
        return struck.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** How many calls of the operation were made, failed ones included. */
    public int calls(String operation) {
        return calls.getOrDefault(operation, new AtomicInteger()).get();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
        sequence.add(operation);
        attributes.putAttribute(CALL_NUMBER, untilCrash.getAndUpdate(n -> Math.max(0, n - 1)));
        strike(operation, When.BEFORE, attributes);
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        strike(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), When.AFTER, attributes);
    }

    private void strike(String operation, When when, ExecutionAttributes attributes) {
        if (crashWhen == when && Integer.valueOf(1).equals(attributes.getAttribute(CALL_NUMBER))) {
            throw fault(operation, when, crashCode, 500);
        }
        var fault = faults.get(operation);
        if (fault != null && fault.when() == when && fault.remaining().getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw fault(operation, when, fault.errorCode(), fault.statusCode());
        }
        var random = chaos;
        if (random != null) {
            boolean strikes;
            synchronized (random.random()) {
                strikes = random.random().nextDouble() < random.probability() / 2;
            }
            if (strikes) {
                throw fault(operation, when, when == When.BEFORE ? "Throttling" : "InjectedCrash", 500);
            }
        }
    }

    private AwsServiceException fault(String operation, When when, String errorCode, int statusCode) {
        struck.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
        return AwsServiceException.builder()
                .statusCode(statusCode)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(errorCode)
                        .errorMessage("injected fault " + when + " " + operation)
                        .build())
                .message("injected fault " + when + " " + operation)
                .build();
    }
}
