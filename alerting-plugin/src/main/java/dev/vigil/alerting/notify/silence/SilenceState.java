package dev.vigil.alerting.notify.silence;

import java.util.Locale;

/** Where a silence is in its life. */
public enum SilenceState {
    /** Not muting yet: it starts later, or (recurring) it is outside its schedule now. */
    PENDING,
    /** Muting the alerts it matches. */
    ACTIVE,
    /** Over: it ended or was expired; kept for a while so that people can see it. */
    EXPIRED;

    /** The state as Alertmanager's API spells it: {@code pending}, {@code active} or {@code expired}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
