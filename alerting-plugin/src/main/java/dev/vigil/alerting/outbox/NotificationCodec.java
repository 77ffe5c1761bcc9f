package dev.vigil.alerting.outbox;

import dev.vigil.alerting.outbox.storage.BodyReader;
import dev.vigil.alerting.outbox.storage.BodyWriter;
import dev.vigil.alerting.outbox.storage.MalformedRecordException;
import dev.vigil.api.alerting.Alert;
import dev.vigil.api.alerting.AlertStatus;
import dev.vigil.api.alerting.Notification;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of a {@link Notification} inside outbox records. Every field is kept, so the notification
 * delivered after a restart is equal to the one submitted. Stateless.
 */
final class NotificationCodec {

    private NotificationCodec() {}

    static void write(BodyWriter out, Notification n) {
        out.writeString(n.id()).writeString(n.receiver()).writeByte(status(n.status()));
        out.writeInt(n.alerts().size());
        for (Alert alert : n.alerts()) {
            out.writeByte(status(alert.status()))
                    .writeStringMap(alert.labels())
                    .writeStringMap(alert.annotations())
                    .writeInstant(alert.startsAt())
                    .writeOptionalInstant(alert.endsAt())
                    .writeString(alert.generatorUrl())
                    .writeString(alert.fingerprint());
        }
        out.writeStringMap(n.groupLabels())
                .writeStringMap(n.commonLabels())
                .writeStringMap(n.commonAnnotations())
                .writeString(n.externalUrl())
                .writeString(n.groupKey())
                .writeInt(n.truncatedAlerts())
                .writeInstant(n.createdAt());
    }

    static Notification read(BodyReader in) throws MalformedRecordException {
        String id = in.readString();
        String receiver = in.readString();
        AlertStatus status = status(in.readByte());
        int count = in.readCount();
        List<Alert> alerts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            alerts.add(new Alert(status(in.readByte()), in.readStringMap(), in.readStringMap(), in.readInstant(),
                    in.readOptionalInstant(), in.readString(), in.readString()));
        }
        try {
            return new Notification(id, receiver, status, alerts, in.readStringMap(), in.readStringMap(), in.readStringMap(),
                    in.readString(), in.readString(), in.readInt(), in.readInstant());
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException("not a notification: " + e.getMessage(), e);
        }
    }

    private static int status(AlertStatus status) {
        return status == AlertStatus.FIRING ? 0 : 1;
    }

    private static AlertStatus status(int code) throws MalformedRecordException {
        switch (code) {
            case 0:
                return AlertStatus.FIRING;
            case 1:
                return AlertStatus.RESOLVED;
            default:
                throw new MalformedRecordException("not an alert status: " + code);
        }
    }
}
