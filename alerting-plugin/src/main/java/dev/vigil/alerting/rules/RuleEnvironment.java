package dev.vigil.alerting.rules;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.notify.AlertReceiver;
import dev.vigil.api.metrics.MetricQuery;
import dev.vigil.api.metrics.MetricStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What rule evaluation works with and the settings Prometheus takes from its configuration and flags. Build one
 * with {@link #builder(MetricQuery, MetricStore)}.
 *
 * @param query answers the rules' expressions and the {@code query} template function
 * @param store receives recorded series, {@code ALERTS} and {@code ALERTS_FOR_STATE}, and is read to restore
 *     {@code for} state
 * @param receiver where alerts go after each evaluation
 * @param clock the time: when the manager evaluates, and how long evaluations take
 * @param externalLabels {@code $externalLabels} in templates; added to the alerts sent, as Prometheus adds them
 * @param externalUrl {@code $externalURL} in templates and the base of each alert's generator URL
 * @param defaultInterval how often a group without {@code interval} runs (Prometheus: 1m)
 * @param defaultQueryOffset the query offset of a group without {@code query_offset} (Prometheus: 0)
 * @param resendDelay the least time between two sends of an unchanged alert (Prometheus: 1m)
 * @param forGracePeriod the least time an alert restored at start-up waits before firing again (Prometheus: 10m)
 * @param outageTolerance how far back {@code for} state is restored from (Prometheus: 1h)
 */
public record RuleEnvironment(MetricQuery query, MetricStore store, AlertReceiver receiver, Clock clock,
        Map<String, String> externalLabels, String externalUrl, Duration defaultInterval, Duration defaultQueryOffset,
        Duration resendDelay, Duration forGracePeriod, Duration outageTolerance) {

    /** Checks and copies. */
    public RuleEnvironment {
        requireNonNull(query, "query is null");
        requireNonNull(store, "store is null");
        requireNonNull(receiver, "receiver is null");
        requireNonNull(clock, "clock is null");
        externalLabels = Collections.unmodifiableMap(new TreeMap<>(externalLabels));
        requireNonNull(externalUrl, "externalUrl is null");
        requirePositive(defaultInterval, "defaultInterval");
        requireNonNull(defaultQueryOffset, "defaultQueryOffset is null");
        requireNotNegative(defaultQueryOffset, "defaultQueryOffset");
        requireNotNegative(resendDelay, "resendDelay");
        requireNotNegative(forGracePeriod, "forGracePeriod");
        requireNotNegative(outageTolerance, "outageTolerance");
    }

    /** A builder with Prometheus's defaults, no external labels or URL, no receiver and the system clock. */
    public static Builder builder(MetricQuery query, MetricStore store) {
        return new Builder(query, store);
    }

    /** A builder starting from this environment. */
    public Builder toBuilder() {
        return new Builder(query, store).receiver(receiver).clock(clock).externalLabels(externalLabels)
                .externalUrl(externalUrl).defaultInterval(defaultInterval).defaultQueryOffset(defaultQueryOffset)
                .resendDelay(resendDelay).forGracePeriod(forGracePeriod).outageTolerance(outageTolerance);
    }

    private static void requirePositive(Duration d, String what) {
        requireNonNull(d, what + " is null");
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
    }

    private static void requireNotNegative(Duration d, String what) {
        requireNonNull(d, what + " is null");
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative: " + d);
        }
    }

    /** Builds a {@link RuleEnvironment}; not thread-safe. */
    public static final class Builder {
        private final MetricQuery query;
        private final MetricStore store;
        private AlertReceiver receiver = alerts -> { };
        private Clock clock = Clock.systemUTC();
        private Map<String, String> externalLabels = Map.of();
        private String externalUrl = "";
        private Duration defaultInterval = Duration.ofMinutes(1);
        private Duration defaultQueryOffset = Duration.ZERO;
        private Duration resendDelay = Duration.ofMinutes(1);
        private Duration forGracePeriod = Duration.ofMinutes(10);
        private Duration outageTolerance = Duration.ofHours(1);

        private Builder(MetricQuery query, MetricStore store) {
            this.query = requireNonNull(query, "query is null");
            this.store = requireNonNull(store, "store is null");
        }

        /** Where alerts go; by default nowhere. */
        public Builder receiver(AlertReceiver receiver) {
            this.receiver = requireNonNull(receiver, "receiver is null");
            return this;
        }

        /** The clock; by default the system clock in UTC. */
        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock is null");
            return this;
        }

        /** The external labels. */
        public Builder externalLabels(Map<String, String> externalLabels) {
            this.externalLabels = Map.copyOf(externalLabels);
            return this;
        }

        /** The external URL, such as {@code https://vigil.example.com}. */
        public Builder externalUrl(String externalUrl) {
            this.externalUrl = requireNonNull(externalUrl, "externalUrl is null");
            return this;
        }

        /** The interval of groups that set none. */
        public Builder defaultInterval(Duration defaultInterval) {
            this.defaultInterval = defaultInterval;
            return this;
        }

        /** The query offset of groups that set none. */
        public Builder defaultQueryOffset(Duration defaultQueryOffset) {
            this.defaultQueryOffset = defaultQueryOffset;
            return this;
        }

        /** The least time between two sends of an unchanged alert. */
        public Builder resendDelay(Duration resendDelay) {
            this.resendDelay = resendDelay;
            return this;
        }

        /** The least time a restored alert waits before firing again. */
        public Builder forGracePeriod(Duration forGracePeriod) {
            this.forGracePeriod = forGracePeriod;
            return this;
        }

        /** How far back {@code for} state is restored from. */
        public Builder outageTolerance(Duration outageTolerance) {
            this.outageTolerance = outageTolerance;
            return this;
        }

        /**
         * The environment.
         *
         * @throws IllegalArgumentException if a duration is out of range
         */
        public RuleEnvironment build() {
            return new RuleEnvironment(query, store, receiver, clock, externalLabels, externalUrl, defaultInterval,
                    defaultQueryOffset, resendDelay, forGracePeriod, outageTolerance);
        }
    }
}
