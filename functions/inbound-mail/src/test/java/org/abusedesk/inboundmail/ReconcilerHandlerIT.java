package org.abusedesk.inboundmail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.config.Environment;
import org.abusedesk.inbound.Fixtures;
import org.abusedesk.inbound.StoredComplaint;
import org.abusedesk.local.AwsEndpoint;
import org.abusedesk.local.Stack;
import org.abusedesk.testkit.MotoExtension;
import org.abusedesk.testkit.RecordingCheckpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/** The reconciler wired as in Lambda, each test on a stack of its own: the reconciler sees the whole bucket and table. */
@ExtendWith(MotoExtension.class)
class ReconcilerHandlerIT {

    @Test
    void aMailWhoseEventWasLost_isTakenIn_aLateEventStoresNothingTwice_andTheNextRunTakesNothingIn(AwsEndpoint aws)
            throws IOException {
        // GIVEN a complaint mail with two reported messages in the template's bucket, and no event for it
        var stack = MotoExtension.stack(aws);
        String receiptId = receiptId();
        putMail(stack, receiptId, Fixtures.mail("attached-two-messages.eml"));
        var reconciler = new ReconcilerHandler(
                InboundMailWiring.of(new Environment(reconcilerEnvironment(stack, "0"))), new RecordingCheckpoints());

        // WHEN the reconciler runs, taking in mail of any age
        String report = InboundStack.handle(reconciler, "{}");

        // THEN the mail's two complaints are stored, found by the mail's receipt id
        assertThat(report).startsWith("{\"mailsExamined\":1,\"mailsRedriven\":1,\"complaintsStored\":2,");
        var items = InboundStack.itemsOf(stack, receiptId);
        assertThat(items).hasSize(2);
        assertThat(items).allSatisfy(item -> {
            assertThat(item.get("receiptId").s()).isEqualTo(receiptId);
            assertThat(item.get("state").s()).isEqualTo("RECEIVED");
            assertThat(item.get("channel").s()).isEqualTo("MAIL");
        });

        // ... and WHEN the lost event comes after all, and the reconciler runs again
        InboundStack.handle(
                new InboundMailHandler(
                        InboundMailWiring.of(
                                new Environment(stack.runtimeEnvironment(stack.function("InboundMailFunction")))),
                        new RecordingCheckpoints()),
                event(receiptId));
        String again = InboundStack.handle(reconciler, "{}");

        // THEN the table still holds the two complaints, unchanged, and nothing was taken in again
        assertThat(InboundStack.itemsOf(stack, receiptId)).isEqualTo(items);
        assertThat(again)
                .isEqualTo("{\"mailsExamined\":1,\"mailsRedriven\":0,\"complaintsStored\":0,"
                        + "\"complaintsRequeued\":0,\"failures\":0}");
    }

    @Test
    void theEventAndTheReconciler_takingInTheSameMailAtOnce_storeOneComplaintPerReportedMessage(AwsEndpoint aws)
            throws Exception {
        // GIVEN a mail with two reported messages, its event, and the reconciler's way of taking a mail in
        var stack = MotoExtension.stack(aws);
        String receiptId = receiptId();
        putMail(stack, receiptId, Fixtures.mail("attached-two-messages.eml"));
        var inbound = new InboundMailHandler(
                InboundMailWiring.of(new Environment(stack.runtimeEnvironment(stack.function("InboundMailFunction")))),
                new RecordingCheckpoints());
        var redrive = InboundMailWiring.of(new Environment(reconcilerEnvironment(stack, "0")))
                .receiveMail();
        String event = event(receiptId);

        // WHEN four deliveries of the event and four re-drives of the stored mail start at the same moment
        var start = new CountDownLatch(1);
        var tasks = new ArrayList<Callable<List<ComplaintKey>>>();
        for (int i = 0; i < 4; i++) {
            tasks.add(() -> {
                start.await();
                InboundStack.handle(inbound, event);
                return List.of();
            });
            tasks.add(() -> {
                start.await();
                return redrive.receiveStored(receiptId).stream()
                        .map(StoredComplaint::key)
                        .toList();
            });
        }
        var redrivenKeys = new ArrayList<List<ComplaintKey>>();
        try (var pool = Executors.newFixedThreadPool(tasks.size())) {
            var futures = tasks.stream().map(pool::submit).toList();
            start.countDown();
            for (var future : futures) {
                var keys = future.get();
                if (!keys.isEmpty()) {
                    redrivenKeys.add(keys);
                }
            }
        }

        // THEN the table holds exactly one complaint per reported message, under the keys every path wrote
        var items = InboundStack.itemsOf(stack, receiptId);
        assertThat(items).hasSize(2);
        var stored = items.stream()
                .map(item -> ComplaintKey.of(
                        item.get("mailingId").s(), item.get("complaintId").s()))
                .toList();
        assertThat(redrivenKeys)
                .hasSize(4)
                .allSatisfy(keys -> assertThat(keys).containsExactlyInAnyOrderElementsOf(stored));
    }

    private static Map<String, String> reconcilerEnvironment(Stack stack, String mailAfterMinutes) {
        var environment = new HashMap<>(stack.runtimeEnvironment(stack.function("ReconcilerFunction")));
        environment.put("RECONCILE_MAIL_AFTER_MINUTES", mailAfterMinutes);
        return environment;
    }

    private static String receiptId() {
        return "r" + UUID.randomUUID().toString().replace("-", "");
    }

    private static void putMail(Stack stack, String receiptId, byte[] mail) {
        try (var s3 = stack.aws().s3()) {
            s3.putObject(
                    r -> r.bucket(stack.ref("InboundMailBucket")).key("inbound/" + receiptId),
                    RequestBody.fromBytes(mail));
        }
    }

    /** SES's event for the mail, as the sample event with the mail's receipt id. */
    private static String event(String receiptId) {
        try {
            return InboundMailHandlerTest.event().replace("o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1", receiptId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
