package dev.vigil.alerting.notify;

import dev.vigil.api.alerting.Alert;
import java.util.List;

/**
 * Where rule evaluation hands its alerts, as Prometheus sends them to Alertmanager: after each evaluation of a
 * group, every alert that fires (with {@code endsAt} empty) and every alert that resolved since the last
 * evaluation (with {@code endsAt} set). Repeats are normal: the receiver merges alerts by fingerprint.
 * Thread-safe.
 */
public interface AlertReceiver {

    /** Takes in the current state of some alerts. */
    void receive(List<Alert> alerts);
}
