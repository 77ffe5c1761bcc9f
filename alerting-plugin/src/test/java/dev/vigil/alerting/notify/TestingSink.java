package dev.vigil.alerting.notify;

import dev.vigil.api.alerting.Notification;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** An outbox that keeps what it is given, and can be made to fail. */
final class TestingSink implements NotificationSink {

    private final List<Notification> received = new ArrayList<>();
    private final List<Notification> all = new ArrayList<>();
    private boolean failing;

    @Override
    public synchronized void submit(Notification notification) {
        if (failing) {
            throw new UncheckedIOException(new java.io.IOException("disk full"));
        }
        received.add(notification);
        all.add(notification);
    }

    /** Makes {@link #submit} fail (or succeed again). */
    synchronized void failing(boolean failing) {
        this.failing = failing;
    }

    /** The notifications received since the last call. */
    synchronized List<Notification> take() {
        List<Notification> out = List.copyOf(received);
        received.clear();
        return out;
    }

    /** Every notification ever received. */
    synchronized List<Notification> all() {
        return List.copyOf(all);
    }
}
