package dev.vigil.alerting.outbox.history;

import dev.vigil.alerting.outbox.storage.BodyReader;
import dev.vigil.alerting.outbox.storage.BodyWriter;
import dev.vigil.alerting.outbox.storage.MalformedRecordException;
import dev.vigil.api.alerting.AlertStatus;
import dev.vigil.api.alerting.DeliveryResult;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;

/** The binary form of a {@link HistoryEntry}. Stateless. */
final class HistoryCodec {

    /** The magic number at the start of a history segment: {@code VGHI}. */
    static final int MAGIC = 0x56474849;
    /** The segment format. */
    static final int VERSION = 1;

    private static final DeliveryResult.Outcome[] OUTCOMES = DeliveryResult.Outcome.values();

    private HistoryCodec() {}

    static byte[] encode(HistoryEntry e) {
        return new BodyWriter()
                .writeInstant(e.at())
                .writeString(e.notificationId())
                .writeString(e.receiver())
                .writeString(e.integration())
                .writeString(e.channelType())
                .writeByte(e.status() == AlertStatus.FIRING ? 0 : 1)
                .writeString(e.groupKey())
                .writeStringList(e.alertNames())
                .writeStringList(e.fingerprints())
                .writeInt(e.attempt())
                .writeByte(e.outcome().ordinal())
                .writeString(e.detail())
                .writeLong(e.elapsed().toNanos())
                .toByteArray();
    }

    /** When the entry in {@code body} was recorded, without reading the rest. */
    static Instant at(ByteBuffer body) throws MalformedRecordException {
        return new BodyReader(body.duplicate()).readInstant();
    }

    static HistoryEntry decode(ByteBuffer body) throws MalformedRecordException {
        BodyReader in = new BodyReader(body);
        Instant at = in.readInstant();
        String id = in.readString();
        String receiver = in.readString();
        String integration = in.readString();
        String channelType = in.readString();
        int status = in.readByte();
        if (status > 1) {
            throw new MalformedRecordException("not an alert status: " + status);
        }
        String groupKey = in.readString();
        var alertNames = in.readStringList();
        var fingerprints = in.readStringList();
        int attempt = in.readInt();
        int outcome = in.readByte();
        if (outcome >= OUTCOMES.length) {
            throw new MalformedRecordException("not an outcome: " + outcome);
        }
        String detail = in.readString();
        long elapsedNanos = in.readLong();
        try {
            return new HistoryEntry(at, id, receiver, integration, channelType, status == 0 ? AlertStatus.FIRING : AlertStatus.RESOLVED,
                    groupKey, alertNames, fingerprints, attempt, OUTCOMES[outcome], detail, Duration.ofNanos(elapsedNanos));
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException("not a history entry: " + e.getMessage(), e);
        }
    }
}
