package dev.vigil.alerting.notify.dispatch;

import dev.vigil.alerting.notify.store.StoredAlert;

/**
 * What keeps alerts out of notifications at one instant: inhibition and silences remove an alert from what is
 * sent; an acknowledgement stops an unchanged group from repeating and from escalating. Built by the pipeline
 * for one tick; used under the pipeline's guard.
 */
public interface Suppression {

    /** Whether a firing alert inhibits {@code alert}. */
    boolean inhibited(StoredAlert alert);

    /** Whether an active silence mutes {@code alert}. */
    boolean silenced(StoredAlert alert);

    /** Whether an acknowledgement holds for {@code alert}. */
    boolean acknowledged(StoredAlert alert);
}
