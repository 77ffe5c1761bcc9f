package dev.vigil.alerting.rules;

import dev.vigil.alerting.notify.AlertReceiver;
import dev.vigil.api.alerting.Alert;
import java.util.ArrayList;
import java.util.List;

/** Keeps every batch of alerts it receives. Thread-safe. */
final class RecordingReceiver implements AlertReceiver {

    private final List<List<Alert>> batches = new ArrayList<>();

    @Override
    public synchronized void receive(List<Alert> alerts) {
        batches.add(List.copyOf(alerts));
    }

    synchronized List<List<Alert>> batches() {
        return List.copyOf(batches);
    }

    /** The batches received so far, then forgets them. */
    synchronized List<List<Alert>> take() {
        List<List<Alert>> out = List.copyOf(batches);
        batches.clear();
        return out;
    }
}
