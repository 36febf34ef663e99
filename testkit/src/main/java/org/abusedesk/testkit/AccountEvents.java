package org.abusedesk.testkit;

import org.abusedesk.local.AwsEndpoint;
import org.abusedesk.local.Stack;

/** A queue of the stack's AccountStatusChanged events, as the sending platform would subscribe to them. */
public final class AccountEvents {

    private AccountEvents() {}

    /** Creates a queue and a rule of the stack's event bus that sends it every AccountStatusChanged; its URL. */
    public static String subscribe(Stack stack) {
        try (var sqs = stack.aws().sqs();
                var events = stack.aws().eventBridge()) {
            String queueName = stack.name() + "-account-events";
            String url = sqs.createQueue(r -> r.queueName(queueName)).queueUrl();
            String arn = "arn:aws:sqs:" + stack.aws().region().id() + ":" + AwsEndpoint.ACCOUNT_ID + ":" + queueName;
            String bus = stack.ref("EventBus");
            events.putRule(r ->
                    r.name("to-queue").eventBusName(bus).eventPattern("{\"detail-type\":[\"AccountStatusChanged\"]}"));
            events.putTargets(r -> r.rule("to-queue")
                    .eventBusName(bus)
                    .targets(t -> t.id("queue").arn(arn)));
            return url;
        }
    }
}
