package dev.vigil.api.alerting;

import dev.vigil.api.Experimental;
import java.util.List;

/**
 * Takes alerts raised by other plugins into the notification pipeline, as Alertmanager's {@code POST /api/v2/alerts}
 * takes them from Prometheus: error tracking, health checks and the like post here, and their alerts are routed,
 * grouped, inhibited, silenced and delivered like those of alerting rules. The alerting plugin publishes one in the
 * service registry; look it up when posting, as it comes and goes with that plugin. Thread-safe.
 */
@Experimental
public interface AlertSink {

    /**
     * Takes in the current state of some alerts, merged with the alerts already known by their labels. A firing alert
     * (no {@code endsAt}) stays active for the pipeline's {@code resolveTimeout} unless it is posted again; one with
     * {@code endsAt} resolves then. Fingerprints are computed from the labels; the ones given are ignored. Alerts
     * without labels, or ending before they start, are skipped and logged.
     */
    void post(List<Alert> alerts);
}
