package org.abusedesk.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.local.Stack;
import org.abusedesk.testkit.MotoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MotoExtension.class)
class SqsComplaintQueueIT {

    @Test
    void requeue_putsTheComplaintsKeyOnTheQueue_asThePipeWritesIt(Stack stack) {
        // GIVEN the stack's complaints queue
        String queueUrl = stack.ref("ComplaintsQueue");
        var key = ComplaintKey.of("14141611", "01JBXR2Z9K8Q6V5T4S3R2P1N0M");

        try (var sqs = stack.aws().sqs()) {
            // WHEN a complaint's key is queued again
            new SqsComplaintQueue(sqs, queueUrl).requeue(key);

            // THEN the queue holds one message with the key and nothing else
            var messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10))
                    .messages();
            assertThat(messages)
                    .singleElement()
                    .satisfies(m -> assertThat(m.body())
                            .isEqualTo("{\"mailingId\":\"14141611\",\"complaintId\":\"01JBXR2Z9K8Q6V5T4S3R2P1N0M\"}"));
        }
    }
}
