package dev.vigil.alerting.notify.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One node of the routing tree, as in Alertmanager's {@code route}. Absent settings are inherited from the parent
 * route (the root's defaults: {@code group_wait} 30s, {@code group_interval} 5m, {@code repeat_interval} 4h, no
 * grouping); {@code matchers}, {@code continue}, {@code mute_time_intervals} and {@code active_time_intervals}
 * are never inherited.
 *
 * @param receiver the receiver to notify; inherited when absent
 * @param groupBy the labels to group by, {@code ["..."]} for all labels; inherited when absent
 * @param continueMatching ({@code continue}) whether an alert that matches this route goes on to match its later
 *     siblings; false when absent
 * @param matchers matchers in Alertmanager's syntax, such as {@code severity=~"critical|page"}; all must match
 * @param match the deprecated equality matchers, by label name
 * @param matchRe the deprecated regular-expression matchers, by label name
 * @param groupWait how long a new group waits before its first notification, such as {@code 30s}
 * @param groupInterval how long a group waits before notifying about changes
 * @param repeatInterval how long a group waits before repeating an unchanged notification
 * @param muteTimeIntervals names of time intervals during which this route's notifications are muted
 * @param activeTimeIntervals names of time intervals outside which this route's notifications are muted
 * @param escalation the name of the escalation policy for this route's groups; inherited when absent, and
 *     {@code ""} turns an inherited one off (a Vigil addition)
 * @param maxAlerts the most alerts one notification carries, the rest counted in {@code truncatedAlerts};
 *     0 for no limit; inherited when absent (a Vigil addition)
 * @param routes the child routes, tried in order
 */
public record RouteConfig(
        @JsonProperty("receiver") @Nullable String receiver,
        @JsonProperty("group_by") @Nullable List<String> groupBy,
        @JsonProperty("continue") Boolean continueMatching,
        @JsonProperty("matchers") List<String> matchers,
        @JsonProperty("match") Map<String, String> match,
        @JsonProperty("match_re") Map<String, String> matchRe,
        @JsonProperty("group_wait") @Nullable String groupWait,
        @JsonProperty("group_interval") @Nullable String groupInterval,
        @JsonProperty("repeat_interval") @Nullable String repeatInterval,
        @JsonProperty("mute_time_intervals") List<String> muteTimeIntervals,
        @JsonProperty("active_time_intervals") List<String> activeTimeIntervals,
        @JsonProperty("escalation") @Nullable String escalation,
        @JsonProperty("max_alerts") @Nullable Integer maxAlerts,
        @JsonProperty("routes") List<RouteConfig> routes) {

    /** Copies; absent lists and maps become empty ones. */
    public RouteConfig {
        // a boxed component so that a route which leaves "continue" out binds under strict binding
        continueMatching = Boolean.TRUE.equals(continueMatching);
        groupBy = ConfigLists.copyOrNull(groupBy, "group_by");
        matchers = ConfigLists.copy(matchers, "matchers");
        match = ConfigLists.copy(match, "match");
        matchRe = ConfigLists.copy(matchRe, "match_re");
        muteTimeIntervals = ConfigLists.copy(muteTimeIntervals, "mute_time_intervals");
        activeTimeIntervals = ConfigLists.copy(activeTimeIntervals, "active_time_intervals");
        routes = ConfigLists.copy(routes, "routes");
    }

    /** A route that sends everything to {@code receiver}, with the default settings. */
    public static RouteConfig to(String receiver) {
        return new RouteConfig(receiver, null, false, null, null, null, null, null, null, null, null, null, null, null);
    }
}
