package org.abusedesk.testkit;

import java.util.concurrent.locks.ReentrantLock;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Lets one SDK request at a time reach the moto server. DynamoDB applies each request atomically; the moto server
 * runs requests on parallel threads without that guarantee (concurrent ADDs on one item can lose an increment).
 * Serialising single requests restores DynamoDB's guarantee while every interleaving between requests, which is
 * what concurrency tests of our code are about, stays possible.
 */
public final class OneRequestAtATime implements ExecutionInterceptor {

    private static final ReentrantLock LOCK = new ReentrantLock(true);

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        LOCK.lock();
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        unlock();
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        unlock();
    }

    private static void unlock() {
        if (LOCK.isHeldByCurrentThread()) {
            LOCK.unlock();
        }
    }
}
