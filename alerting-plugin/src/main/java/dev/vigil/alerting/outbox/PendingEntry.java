package dev.vigil.alerting.outbox;

import dev.vigil.api.alerting.Notification;
import java.time.Instant;

/** A delivery not settled yet: one notification for one integration. Guarded by the outbox's lock. */
final class PendingEntry {

    final long seq;
    final long parentSeq;
    final Instant enqueuedAt;
    final String receiver;
    final String integration;
    final String channelType;
    final Notification notification;
    int attempts;
    Instant nextAttemptAt;
    /** The segment holding this delivery's newest {@code Enqueued} record. */
    Segment segment;

    PendingEntry(OutboxRecord.Enqueued record, int attempts, Segment segment, Instant nextAttemptAt) {
        this.seq = record.seq();
        this.parentSeq = record.parentSeq();
        this.enqueuedAt = record.enqueuedAt();
        this.receiver = record.receiver();
        this.integration = record.integration();
        this.channelType = record.channelType();
        this.notification = record.notification();
        this.attempts = attempts;
        this.segment = segment;
        this.nextAttemptAt = nextAttemptAt;
    }

    /** A notification that waits for its receiver to be configured before it is split by integration. */
    boolean isPlaceholder() {
        return integration.isEmpty();
    }

    OutboxRecord.Enqueued record() {
        return new OutboxRecord.Enqueued(seq, parentSeq, enqueuedAt, receiver, integration, channelType, attempts, notification);
    }
}
