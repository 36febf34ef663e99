package org.abusedesk.local;

import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Lets one DynamoDB request at a time reach a moto server on this machine, as DynamoDB's isolation of requests
 * would. The moto server runs requests on parallel threads, and a transaction that fails its conditions puts back a
 * copy of its tables taken when it began: every write another request made meanwhile is undone, and the table's
 * stream with it. Requests to other hosts, and to other services, pass untouched. ("DynamoDb" names both the
 * tables' and the streams' service.)
 *
 * <p>Every SDK client of a process with the local stack on its classpath gets this interceptor, the handlers' own
 * clients included, through the SDK's global interceptor list.
 */
public final class MotoDynamoDbIsolation implements ExecutionInterceptor {

    private static final ReentrantLock LOCK = new ReentrantLock(true);
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        if (service != null
                && service.startsWith("DynamoDb")
                && LOOPBACK.contains(context.httpRequest().host())) {
            LOCK.lock();
        }
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
