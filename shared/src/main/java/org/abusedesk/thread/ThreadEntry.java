package org.abusedesk.thread;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.abusedesk.complaint.ComplaintKey;
import org.abusedesk.people.Actor;

/**
 * One message or note in a case's thread: a notice or follow-up to the sending customer, the customer's reply, a
 * note of the abuse team, or the outcome told to the complainant.
 *
 * @param id a ULID: its time is when the entry was made, and a notice's reply token names it
 * @param actor the person who sent or wrote it; empty when the desk sent it by itself, or for a reply
 * @param counterpart the address it went to or came from; empty for a note
 * @param text what was sent or received, as plain text: it may name people, so it stays off logs and is removed on
 *     erasure
 * @param dueAt until when the customer was asked to answer, for a notice or follow-up that asks
 * @param receiptId the received mail a reply came in, as stored raw
 * @param automatic whether a reply was sent by a machine (an out-of-office): kept, but it reopens nothing
 */
public record ThreadEntry(
        String id,
        ComplaintKey caseKey,
        Kind kind,
        Instant at,
        Optional<Actor> actor,
        String counterpart,
        String subject,
        String text,
        Optional<Instant> dueAt,
        Optional<String> receiptId,
        boolean automatic) {

    /** What an entry is. */
    public enum Kind {
        /** The desk's notice to the customer when a complaint was counted. */
        NOTICE,
        /** A person's message to the customer, from a template or in their own words. */
        FOLLOW_UP,
        /** The customer's answer, by mail to a notice's Reply-To. */
        REPLY,
        /** The abuse team's own note, seen by the team only. */
        NOTE,
        /** What the complainant was told of the outcome. */
        OUTCOME;

        /** Whether the entry went out to the customer, so that a reply may answer it. */
        public boolean toCustomer() {
            return this == NOTICE || this == FOLLOW_UP;
        }
    }

    public static final int MAX_SUBJECT_CHARS = 300;
    public static final int MAX_TEXT_CHARS = 20_000;

    public ThreadEntry {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(caseKey, "caseKey == null");
        Objects.requireNonNull(kind, "kind == null");
        Objects.requireNonNull(at, "at == null");
        Objects.requireNonNull(actor, "actor == null");
        Objects.requireNonNull(counterpart, "counterpart == null");
        Objects.requireNonNull(subject, "subject == null");
        Objects.requireNonNull(text, "text == null");
        Objects.requireNonNull(dueAt, "dueAt == null");
        Objects.requireNonNull(receiptId, "receiptId == null");
        subject = cut(subject, MAX_SUBJECT_CHARS);
        text = cut(text, MAX_TEXT_CHARS);
    }

    /** The entry as it is after an erasure: what, when and who, without the words or the addresses. */
    public ThreadEntry erased() {
        return new ThreadEntry(id, caseKey, kind, at, actor, "", "", "", dueAt, receiptId, automatic);
    }

    private static String cut(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        // Never split a surrogate pair: the cut text must still be valid Unicode.
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end);
    }

    @Override
    public String toString() {
        return "ThreadEntry[" + kind + ", " + id + ", " + caseKey + "]";
    }
}
