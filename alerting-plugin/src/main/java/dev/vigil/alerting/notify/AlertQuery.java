package dev.vigil.alerting.notify;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.notify.match.Matchers;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which alerts to list, as Alertmanager's API filters them. An alert is listed when it matches {@code filter},
 * one of its receivers matches {@code receiver} (when given), and none of the flags that are false excludes it.
 *
 * @param filter matchers the alert's labels must satisfy
 * @param active whether to list alerts that are neither silenced nor inhibited
 * @param silenced whether to list silenced alerts
 * @param inhibited whether to list inhibited alerts
 * @param acknowledged whether to list acknowledged alerts
 * @param receiver a regular expression one of the alert's receivers must match (anchored)
 */
public record AlertQuery(Matchers filter, boolean active, boolean silenced, boolean inhibited, boolean acknowledged,
        Optional<Pattern> receiver) {

    /** Checks. */
    public AlertQuery {
        requireNonNull(filter, "filter is null");
        requireNonNull(receiver, "receiver is null");
    }

    /** Every alert that has not resolved. */
    public static AlertQuery all() {
        return new AlertQuery(Matchers.EMPTY, true, true, true, true, Optional.empty());
    }

    /** This query restricted to alerts matching {@code filter}. */
    public AlertQuery withFilter(Matchers filter) {
        return new AlertQuery(filter, active, silenced, inhibited, acknowledged, receiver);
    }

    /** This query with the four state flags set. */
    public AlertQuery withStates(boolean active, boolean silenced, boolean inhibited, boolean acknowledged) {
        return new AlertQuery(filter, active, silenced, inhibited, acknowledged, receiver);
    }

    /** This query restricted to alerts with a receiver matching {@code regex}, anchored at both ends. */
    public AlertQuery withReceiver(String regex) {
        return new AlertQuery(filter, active, silenced, inhibited, acknowledged,
                Optional.of(Pattern.compile("^(?:" + regex + ")$")));
    }
}
