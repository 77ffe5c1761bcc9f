package dev.vigil.alerting.notify;

import java.util.Locale;

/** Whether an alert is notified, as Alertmanager's API reports it. */
public enum AlertState {
    /** Notified as usual. */
    ACTIVE,
    /** Kept out of notifications by a silence or an inhibiting alert. */
    SUPPRESSED;

    /** The state as Alertmanager's API spells it: {@code active} or {@code suppressed}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
