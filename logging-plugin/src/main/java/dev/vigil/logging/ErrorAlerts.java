package dev.vigil.logging;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.alerting.Alert;
import dev.vigil.api.alerting.AlertSink;
import dev.vigil.api.alerting.AlertStatus;
import dev.vigil.logging.errors.ErrorEvent;
import dev.vigil.logging.errors.ErrorIssue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts error tracking's events to the alerting plugin's {@link AlertSink}, so that a new error issue, or a resolved
 * one that comes back, is routed, grouped, silenced and delivered like any alert. Each event is one firing alert
 * named {@code ErrorIssue} with the labels {@code event} ({@code new} or {@code regression}), {@code issue} (its id),
 * {@code exception} (the exception type) and {@code service} (the services, joined with commas), and the
 * annotations {@code summary} (the issue's title), {@code description} (where it happens and how often) and
 * {@code culprit}. It is posted once and resolves after the pipeline's {@code resolveTimeout}. When no alerting plugin
 * runs, events are only logged.
 */
public final class ErrorAlerts implements Consumer<ErrorEvent> {

    /** The alert name of error issues. */
    public static final String ALERT_NAME = "ErrorIssue";

    private static final Logger LOG = LoggerFactory.getLogger(ErrorAlerts.class);

    private final Supplier<Optional<AlertSink>> sink;

    /** Alerts posted to what {@code sink} finds at the time of each event. */
    public ErrorAlerts(Supplier<Optional<AlertSink>> sink) {
        this.sink = requireNonNull(sink, "sink is null");
    }

    @Override
    public void accept(ErrorEvent event) {
        Alert alert = alert(event);
        Optional<AlertSink> found = sink.get();
        if (found.isEmpty()) {
            LOG.info("Error issue {} ({}): {}; no alerting plugin to notify", event.issue().id(), event.kind(), event.issue().title());
            return;
        }
        found.get().post(List.of(alert));
    }

    /** The alert {@code event} raises. */
    static Alert alert(ErrorEvent event) {
        ErrorIssue issue = event.issue();
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", ALERT_NAME);
        labels.put("event", event.kind() == ErrorEvent.Kind.NEW_ISSUE ? "new" : "regression");
        labels.put("issue", issue.id());
        labels.put("exception", issue.type());
        labels.put("service", String.join(",", issue.services()));
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("summary", issue.title());
        annotations.put("culprit", issue.culprit());
        annotations.put("description", (event.kind() == ErrorEvent.Kind.NEW_ISSUE ? "New error" : "Error back after it was resolved")
                + " in " + String.join(", ", issue.services()) + " at " + issue.culprit() + "; " + issue.count()
                + (issue.count() == 1 ? " occurrence" : " occurrences") + " since " + issue.firstSeen());
        return new Alert(AlertStatus.FIRING, labels, annotations, issue.lastSeen(), Optional.empty(), "", "");
    }
}
