package dev.vigil.benchmarks.alerting;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.notify.AlertReceiver;
import dev.vigil.api.alerting.Alert;
import dev.vigil.api.alerting.AlertStatus;
import java.util.List;

/**
 * Stands between rule evaluation and the notification pipeline and notes when each alert was handed on. A rule
 * group hands its alerts on as the last step of an evaluation, once its results are committed, so this is when the
 * evaluation that produced the alert ended. Thread-safe.
 */
final class HandoffRecorder implements AlertReceiver {

    private final AlertReceiver pipeline;
    private final FlipTimes times = new FlipTimes();

    HandoffRecorder(AlertReceiver pipeline) {
        this.pipeline = requireNonNull(pipeline, "pipeline is null");
    }

    /** When the alerts the driver caused were handed on. */
    FlipTimes times() {
        return times;
    }

    @Override
    public void receive(List<Alert> alerts) {
        long now = System.nanoTime();
        for (Alert alert : alerts) {
            times.note(alert.labels(), alert.status() == AlertStatus.FIRING, now);
        }
        pipeline.receive(alerts);
    }
}
