package dev.vigil.benchmarks.alerting;

import dev.vigil.alerting.rules.Rule;
import dev.vigil.alerting.rules.RuleGroup;
import dev.vigil.alerting.rules.RuleHealth;
import dev.vigil.api.metrics.MetricStore;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The throughput part: rounds {@value RuleSet#INTERVAL_SECONDS}s apart in data time, each a scrape of the whole
 * fleet (not timed) followed by one evaluation of every group, back to back on one thread (timed). The driver's
 * clock is pinned to each round's time, so the rounds replay a stretch of the recent past as fast as the machine
 * evaluates. Not thread-safe.
 */
final class ThroughputRun {

    /**
     * The measured rounds.
     *
     * @param roundNanos how long each measured round's evaluations took
     * @param selectedSeries series the rules' selectors returned, over the measured rounds
     * @param samples samples the engine reported reading and computing, over the measured rounds
     * @param queries rule queries run, over the measured rounds
     * @param lastRound the data time of the last round
     */
    record Result(long[] roundNanos, long selectedSeries, long samples, long queries, long lastRound) {
        Result {
            roundNanos = roundNanos.clone();
        }

        long totalNanos() {
            long total = 0;
            for (long nanos : roundNanos) {
                total += nanos;
            }
            return total;
        }
    }

    private ThroughputRun() {}

    /**
     * Runs {@code warmup} rounds and then {@code rounds} measured ones, the first at {@code firstRound}.
     *
     * @throws IllegalStateException if a rule is unhealthy after the rounds: its figures would mean nothing
     */
    static Result run(List<RuleGroup> groups, Fleet fleet, MetricStore store, DriverClock clock, CountingStore counting,
            CountingQuery queries, long firstRound, int warmup, int rounds, PrintStream log) {
        long step = RuleSet.INTERVAL_SECONDS * 1000L;
        long[] nanos = new long[rounds];
        long series = 0;
        long samples = 0;
        long queryCount = 0;
        long ts = firstRound;
        for (int r = 0; r < warmup + rounds; r++, ts += step) {
            clock.pin(ts);
            fleet.scrape(store, ts);
            long seriesBefore = counting.selectedSeries();
            long samplesBefore = queries.samples();
            long queriesBefore = queries.queries();
            Instant at = Instant.ofEpochMilli(ts);
            long began = System.nanoTime();
            for (RuleGroup group : groups) {
                group.evaluate(at);
            }
            long took = System.nanoTime() - began;
            long roundSeries = counting.selectedSeries() - seriesBefore;
            long roundSamples = queries.samples() - samplesBefore;
            long roundQueries = queries.queries() - queriesBefore;
            boolean measured = r >= warmup;
            if (measured) {
                nanos[r - warmup] = took;
                series += roundSeries;
                samples += roundSamples;
                queryCount += roundQueries;
            }
            log.printf(Locale.ROOT, "  %s %d/%d: %.2f s, %,d queries, %,d series selected, %,d samples%n",
                    measured ? "round" : "warm-up", measured ? r - warmup + 1 : r + 1, measured ? rounds : warmup,
                    took / 1e9, roundQueries, roundSeries, roundSamples);
        }
        requireHealthy(groups);
        return new Result(nanos, series, samples, queryCount, ts - step);
    }

    private static void requireHealthy(List<RuleGroup> groups) {
        int unhealthy = 0;
        @Nullable String first = null;
        for (RuleGroup group : groups) {
            for (Rule rule : group.rules()) {
                if (rule.health() != RuleHealth.OK) {
                    unhealthy++;
                    if (first == null) {
                        first = group.name() + "/" + rule.name() + ": " + rule.health().apiName() + " "
                                + rule.lastError().orElse("");
                    }
                }
            }
        }
        if (unhealthy > 0) {
            throw new IllegalStateException(unhealthy + " rules are not healthy after the throughput rounds; the first: " + first);
        }
    }
}
