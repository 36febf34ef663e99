package org.abusedesk.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.abusedesk.cases.CaseFixtures;
import org.abusedesk.cases.InMemoryCases;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.complaint.ComplaintState;
import org.abusedesk.complaint.InMemoryComplaints;
import org.abusedesk.complaint.ReceiptVerdicts;
import org.abusedesk.inbound.Fixtures;
import org.abusedesk.inbound.InMemoryRawMails;
import org.abusedesk.inbound.InboundLimits;
import org.abusedesk.inbound.ReceiveMail;
import org.abusedesk.inbound.ReceivedMail;
import org.abusedesk.inbound.StoredComplaint;
import org.abusedesk.intake.IntakeSecret;
import org.abusedesk.metrics.RecordingDeskMetrics;
import org.abusedesk.thread.InMemoryCaseThreads;
import org.abusedesk.thread.ReplyAddress;
import org.abusedesk.thread.ThreadEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReceiveReplyTest {

    private static final Instant NOW = Instant.parse("2026-12-08T10:00:00Z");
    private static final String WORDS = "The address came from our sign-up form on 1 October, confirmed at 10:05.";

    private final InMemoryComplaints complaints = new InMemoryComplaints();
    private final InMemoryCases cases = new InMemoryCases(complaints);
    private final InMemoryCaseThreads threads = new InMemoryCaseThreads();
    private final InMemoryRawMails rawMails = new InMemoryRawMails();
    private final List<ComplaintKey> alerted = new CopyOnWriteArrayList<>();
    private final ReplyAddress replies = new ReplyAddress(
            "abuse@example.com", IntakeSecret.of("the-reply-key-of-this-desk-0123"), Duration.ofDays(180));
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final ReceiveMail receiveMail = new ReceiveMail(
            rawMails,
            Fixtures.reader(),
            complaints,
            new RecordingDeskMetrics(),
            InboundLimits.DEFAULT,
            Duration.ofDays(180),
            Optional.of(new ReceiveReply(replies, threads, cases, (key, entry) -> alerted.add(key), clock)));

    private ComplaintKey waiting;
    private String replyTo;

    @BeforeEach
    void aCaseWaitingForItsCustomer() {
        // A form complaint, notified, whose notice went out yesterday and asked for an answer within 7 days
        var complaint =
                CaseFixtures.form("14141611", NOW.minus(Duration.ofDays(1)), ComplaintState.NOTIFIED, "e@x.example");
        complaints.add(complaint);
        waiting = complaint.key();
        replyTo = notice(waiting, NOW.minus(Duration.ofDays(1)));
        cases.await(waiting, ComplaintState.NOTIFIED, NOW.plus(Duration.ofDays(6)));
    }

    private String notice(ComplaintKey key, Instant at) {
        String id = org.abusedesk.snapstart.Randomness.ulidAt(at).toString();
        threads.add(
                new ThreadEntry(
                        id,
                        key,
                        ThreadEntry.Kind.NOTICE,
                        at,
                        Optional.empty(),
                        "owner@shop.example",
                        "Beschwerde",
                        "Notice",
                        Optional.empty(),
                        Optional.empty(),
                        false),
                NOW.plus(Duration.ofDays(179)));
        return replies.of(id);
    }

    private List<StoredComplaint> mail(String receiptId, String to, String headers, String body) {
        String raw = "From: Shop GmbH <owner@shop.example>\r\nTo: " + to
                + "\r\nSubject: Re: Beschwerde zu Ihrem Mailing 14141611\r\n" + headers
                + "Message-ID: <" + receiptId + "@shop.example>\r\n\r\n" + body + "\r\n";
        rawMails.put(receiptId, raw.getBytes(StandardCharsets.UTF_8));
        return receiveMail.receive(new ReceivedMail(
                receiptId, NOW, Optional.of("owner@shop.example"), ReceiptVerdicts.UNKNOWN, List.of(to)));
    }

    @Test
    void aReplyToTheNotice_goesIntoItsThread_reopensTheCase_andTellsTheTeam_withoutBeingAComplaint() {
        int before = complaints.all().size();

        var stored = mail("ses-reply-1", replyTo, "", WORDS);

        // THEN no complaint is made of it: nothing counted, nothing acknowledged ...
        assertThat(stored).isEmpty();
        assertThat(complaints.all()).hasSize(before);
        // ... the reply is in the thread after the notice, with its words, from the customer ...
        assertThat(threads.of(waiting, NOW))
                .extracting(ThreadEntry::kind)
                .containsExactly(ThreadEntry.Kind.NOTICE, ThreadEntry.Kind.REPLY);
        var reply = threads.of(waiting, NOW).get(1);
        assertThat(reply.text()).contains("sign-up form on 1 October");
        assertThat(reply.counterpart()).isEqualTo("owner@shop.example");
        assertThat(reply.receiptId()).contains("ses-reply-1");
        assertThat(reply.automatic()).isFalse();
        // ... the case is open again, and the processor is asked to tell the team, by the case's key
        assertThat(cases.find(waiting, NOW).orElseThrow().state()).isEqualTo(ComplaintState.NOTIFIED);
        assertThat(alerted).containsExactly(waiting);
        assertThat(threads.hasReceipt("ses-reply-1")).isTrue();
    }

    @Test
    void theSameReplyTakenInTwice_isOneEntry_andOneTeamMail() {
        mail("ses-reply-2", replyTo, "", WORDS);
        receiveMail.receiveStored("ses-reply-2");

        assertThat(threads.of(waiting, NOW)).hasSize(2);
        assertThat(alerted).hasSize(1);
    }

    @Test
    void aStoredReplyWithoutItsEvent_isFoundByItsToField() {
        // GIVEN the reply's notice was lost: the reconciler reads the stored mail, with no envelope recipients
        String raw = "From: owner@shop.example\r\nTo: \"Abuse\" <" + replyTo + ">, other@example.org\r\n"
                + "Subject: Re: Beschwerde\r\n\r\n" + WORDS + "\r\n";
        rawMails.put("ses-reply-3", raw.getBytes(StandardCharsets.UTF_8));

        assertThat(receiveMail.receiveStored("ses-reply-3")).isEmpty();

        assertThat(threads.of(waiting, NOW)).extracting(ThreadEntry::kind).contains(ThreadEntry.Kind.REPLY);
    }

    @Test
    void aForgedLabel_isAnOrdinaryMail_inNoThread() {
        String forged = replyTo.substring(0, replyTo.indexOf('@') - 4) + "0000@example.com";

        var stored = mail("ses-forged", forged, "", WORDS);

        assertThat(stored).isNotEmpty();
        assertThat(threads.of(waiting, NOW)).hasSize(1);
        assertThat(cases.find(waiting, NOW).orElseThrow().state()).isEqualTo(ComplaintState.WAITING_FOR_CUSTOMER);
        assertThat(alerted).isEmpty();
    }

    @Test
    void aLabelOlderThanItsCase_isAnOrdinaryMail() {
        String expired = notice(waiting, NOW.minus(Duration.ofDays(181)));

        assertThat(mail("ses-expired", expired, "", WORDS)).isNotEmpty();
        assertThat(threads.of(waiting, NOW)).extracting(ThreadEntry::kind).doesNotContain(ThreadEntry.Kind.REPLY);
    }

    @Test
    void aReplyToAnotherCasesNotice_goesIntoThatCase_only() {
        var other =
                CaseFixtures.form("14141611", NOW.minus(Duration.ofHours(2)), ComplaintState.NOTIFIED, "f@x.example");
        complaints.add(other);
        String otherReplyTo = notice(other.key(), NOW.minus(Duration.ofHours(1)));

        mail("ses-other", otherReplyTo, "", WORDS);

        assertThat(threads.of(other.key(), NOW)).extracting(ThreadEntry::kind).contains(ThreadEntry.Kind.REPLY);
        assertThat(threads.of(waiting, NOW)).hasSize(1);
    }

    @Test
    void anOutOfOfficeAnswer_isKept_butReopensNothing_andTellsNobody() {
        mail("ses-ooo", replyTo, "Auto-Submitted: auto-replied\r\n", "I am out of the office until Monday.");

        assertThat(threads.of(waiting, NOW).get(1).automatic()).isTrue();
        assertThat(cases.find(waiting, NOW).orElseThrow().state()).isEqualTo(ComplaintState.WAITING_FOR_CUSTOMER);
        assertThat(alerted).isEmpty();
    }

    @Test
    void aFloodToOneValidReplyAddress_keepsTheFirstHundredReplies_andRecordsTheRestAsReceived() {
        // WHEN 105 replies come to the one notice's address
        for (int i = 0; i < ReceiveReply.MAX_REPLIES + 5; i++) {
            assertThat(mail("ses-flood-" + i, replyTo, "", "Reply " + i)).isEmpty();
        }

        // THEN the thread holds the notice and 100 replies; the rest are no complaints, and not read again
        assertThat(threads.of(waiting, NOW)).hasSize(1 + ReceiveReply.MAX_REPLIES);
        assertThat(threads.hasReceipt("ses-flood-104")).isTrue();
        assertThat(complaints.all()).hasSize(1);
    }
}
