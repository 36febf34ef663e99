package org.abusedesk.aws;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Throttles BatchWriteItem as DynamoDB does under load, which moto never does: of the next calls, each sends only
 * its first few requests and answers the others as UnprocessedItems, unwritten.
 */
final class UnprocessedWrites implements ExecutionInterceptor {

    private static final ExecutionAttribute<Map<String, List<WriteRequest>>> HELD_BACK =
            new ExecutionAttribute<>("heldBack");

    private final AtomicInteger throttledCalls = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private final int processedPerCall;
    private volatile Runnable meanwhile = () -> {};

    /** The next {@code calls} BatchWriteItem calls write {@code processedPerCall} requests each, at most. */
    UnprocessedWrites(int calls, int processedPerCall) {
        this.throttledCalls.set(calls);
        this.processedPerCall = processedPerCall;
    }

    /** Runs once, while the first throttled call is answered: what another writer does in between. */
    void meanwhile(Runnable action) {
        this.meanwhile = action;
    }

    int calls() {
        return calls.get();
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        if (!(context.request() instanceof BatchWriteItemRequest request)) {
            return context.request();
        }
        calls.incrementAndGet();
        if (throttledCalls.getAndUpdate(n -> Math.max(0, n - 1)) == 0) {
            return request;
        }
        var sent = new HashMap<String, List<WriteRequest>>();
        var heldBack = new HashMap<String, List<WriteRequest>>();
        request.requestItems().forEach((table, writes) -> {
            int keep = Math.min(processedPerCall, writes.size());
            sent.put(table, new ArrayList<>(writes.subList(0, keep)));
            if (keep < writes.size()) {
                heldBack.put(table, new ArrayList<>(writes.subList(keep, writes.size())));
            }
        });
        attributes.putAttribute(HELD_BACK, heldBack);
        return request.toBuilder().requestItems(sent).build();
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        var heldBack = attributes.getAttribute(HELD_BACK);
        if (heldBack == null || !(context.response() instanceof BatchWriteItemResponse response)) {
            return context.response();
        }
        var action = meanwhile;
        meanwhile = () -> {};
        action.run();
        return response.toBuilder().unprocessedItems(heldBack).build();
    }
}
