package org.abusedesk.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import java.util.function.IntSupplier;

/**
 * The Lambda context of one invocation outside Lambda: the local stack's, the tests' and the cold-start runner's.
 * The remaining time is asked of a supplier, so that a test can run a function into its timeout without a clock.
 *
 * <p>It refers to no other class of this project: the cold-start runner and the function-zip tests copy it, alone,
 * onto a function's own class path.
 */
public record InvocationContext(String functionName, String awsRequestId, IntSupplier remainingMillis)
        implements Context {

    /** What the tests' invocations are called, where the function's name does not matter. */
    public static final String TEST_FUNCTION = "test";

    public InvocationContext {
        Objects.requireNonNull(functionName, "functionName == null");
        Objects.requireNonNull(awsRequestId, "awsRequestId == null");
        Objects.requireNonNull(remainingMillis, "remainingMillis == null");
    }

    /** A test's invocation with 20 s left whenever the handler asks. */
    public InvocationContext(String awsRequestId) {
        this(TEST_FUNCTION, awsRequestId, () -> 20_000);
    }

    /** A test's invocation whose remaining time the test decides call by call. */
    public InvocationContext(String awsRequestId, IntSupplier remainingMillis) {
        this(TEST_FUNCTION, awsRequestId, remainingMillis);
    }

    /** An invocation starting now, with a new request id, that times out after the function's timeout. */
    public static InvocationContext startingNow(String functionName, int timeoutSeconds) {
        long deadline = System.currentTimeMillis() + timeoutSeconds * 1000L;
        return new InvocationContext(functionName, UUID.randomUUID().toString(), () ->
                (int) Math.max(0, deadline - System.currentTimeMillis()));
    }

    @Override
    public String getAwsRequestId() {
        return awsRequestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:eu-central-1:" + AwsEndpoint.ACCOUNT_ID + ":function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return remainingMillis.getAsInt();
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    /** Writes to standard output, as the Lambda runtime's logger does. */
    @Override
    public LambdaLogger getLogger() {
        return new StandardOutput();
    }

    /** The Lambda logger of standard output. */
    private record StandardOutput() implements LambdaLogger {

        @Override
        public void log(String message) {
            System.out.println(message);
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }
    }
}
