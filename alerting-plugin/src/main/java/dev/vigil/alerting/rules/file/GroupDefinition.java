package dev.vigil.alerting.rules.file;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A rule group as its file defines it, checked.
 *
 * @param name the group's name, unique in its file
 * @param interval how often the group runs; empty for the default
 * @param queryOffset how far in the past the group's queries look; empty for the default
 * @param limit the most alerts an alerting rule or series a recording rule may produce; 0 for no limit
 * @param labels labels the group adds to each rule (already merged into the rules' labels)
 * @param rules the rules in evaluation order
 * @param location where the group is in its file
 */
public record GroupDefinition(String name, Optional<Duration> interval, Optional<Duration> queryOffset, int limit,
        Map<String, String> labels, List<RuleDefinition> rules, Location location) {

    /** Checks and copies. */
    public GroupDefinition {
        requireNonNull(name, "name is null");
        requireNonNull(interval, "interval is null");
        requireNonNull(queryOffset, "queryOffset is null");
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        rules = List.copyOf(rules);
        requireNonNull(location, "location is null");
    }
}
