package dev.vigil.alerting.outbox;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.outbox.storage.BodyReader;
import dev.vigil.alerting.outbox.storage.BodyWriter;
import dev.vigil.alerting.outbox.storage.MalformedRecordException;
import dev.vigil.api.alerting.Notification;
import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * What the outbox log holds. A delivery is {@link Enqueued} once (or again, unchanged but for its attempt count,
 * when compaction carries it into a newer segment), may gain {@link Attempted} marks, and ends with one
 * {@link Settled}. Records refer to each other by the delivery's sequence number.
 */
sealed interface OutboxRecord permits OutboxRecord.Enqueued, OutboxRecord.Attempted, OutboxRecord.Settled {

    /** The magic number at the start of an outbox segment: {@code VGOB}. */
    int MAGIC = 0x56474f42;
    /** The segment format. */
    int VERSION = 1;

    /** The delivery this record is about. */
    long seq();

    /**
     * One notification to be delivered to one channel integration of its receiver.
     *
     * @param seq the delivery's number, unique in the outbox and increasing in submission order
     * @param parentSeq for a delivery made when a notification for a then unknown receiver was resolved, the
     *     number of that placeholder; else {@code -1}
     * @param enqueuedAt when the notification was first written
     * @param receiver the receiver's name
     * @param integration the integration's name within the receiver; {@code ""} for a placeholder that waits
     *     for the receiver to be configured
     * @param channelType the integration's channel type when written; {@code ""} for a placeholder
     * @param attempts attempts made before this record was written
     * @param notification what to deliver
     */
    record Enqueued(long seq, long parentSeq, Instant enqueuedAt, String receiver, String integration, String channelType,
            int attempts, Notification notification) implements OutboxRecord {

        public Enqueued {
            requireNonNull(enqueuedAt, "enqueuedAt is null");
            requireNonNull(receiver, "receiver is null");
            requireNonNull(integration, "integration is null");
            requireNonNull(channelType, "channelType is null");
            requireNonNull(notification, "notification is null");
        }
    }

    /**
     * An attempt that will be repeated. Written without forcing: losing it in a crash only resets the attempt count.
     *
     * @param seq the delivery
     * @param attempts attempts made so far
     * @param at when the last one ended
     */
    record Attempted(long seq, int attempts, Instant at) implements OutboxRecord {

        public Attempted {
            requireNonNull(at, "at is null");
        }
    }

    /**
     * The delivery is over. Forced to disk before the delivery is considered done.
     *
     * @param seq the delivery
     * @param settlement how it ended
     * @param at when
     * @param attempts attempts made
     * @param detail the last attempt's detail or why it was given up, never a secret
     */
    record Settled(long seq, Settlement settlement, Instant at, int attempts, String detail) implements OutboxRecord {

        public Settled {
            requireNonNull(settlement, "settlement is null");
            requireNonNull(at, "at is null");
            requireNonNull(detail, "detail is null");
        }
    }

    /** How a delivery ended. */
    enum Settlement {
        /** The channel accepted it. */
        DELIVERED,
        /** The channel refused it for good, or its receiver stayed unconfigured past the grace period. */
        FAILED,
        /** A placeholder replaced by one delivery per integration once its receiver was configured. */
        EXPANDED
    }

    /** The record as a log body. */
    static byte[] encode(OutboxRecord record) {
        BodyWriter out = new BodyWriter();
        if (record instanceof Enqueued e) {
            out.writeByte(1).writeLong(e.seq()).writeLong(e.parentSeq()).writeInstant(e.enqueuedAt()).writeString(e.receiver())
                    .writeString(e.integration()).writeString(e.channelType()).writeInt(e.attempts());
            NotificationCodec.write(out, e.notification());
        } else if (record instanceof Attempted a) {
            out.writeByte(2).writeLong(a.seq()).writeInt(a.attempts()).writeInstant(a.at());
        } else if (record instanceof Settled s) {
            out.writeByte(3).writeLong(s.seq()).writeByte(s.settlement().ordinal()).writeInstant(s.at()).writeInt(s.attempts())
                    .writeString(s.detail());
        }
        return out.toByteArray();
    }

    /** Reads a log body back. */
    static OutboxRecord decode(ByteBuffer body) throws MalformedRecordException {
        BodyReader in = new BodyReader(body);
        int type = in.readByte();
        OutboxRecord record;
        switch (type) {
            case 1:
                record = new Enqueued(in.readLong(), in.readLong(), in.readInstant(), in.readString(), in.readString(), in.readString(),
                        in.readInt(), NotificationCodec.read(in));
                break;
            case 2:
                record = new Attempted(in.readLong(), in.readInt(), in.readInstant());
                break;
            case 3:
                long seq = in.readLong();
                int settlement = in.readByte();
                if (settlement >= Settlement.values().length) {
                    throw new MalformedRecordException("not a settlement: " + settlement);
                }
                record = new Settled(seq, Settlement.values()[settlement], in.readInstant(), in.readInt(), in.readString());
                break;
            default:
                throw new MalformedRecordException("not an outbox record type: " + type);
        }
        if (in.remaining() != 0) {
            throw new MalformedRecordException(in.remaining() + " bytes left after a record of type " + type);
        }
        return record;
    }
}
