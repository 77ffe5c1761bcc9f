package dev.vigil.benchmarks.alerting;

import dev.vigil.alerting.rules.RuleGroup;
import dev.vigil.api.metrics.MetricStore;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The latency part, in real time on the system clock. Each round scrapes the fleet at the current time, with
 * {@code alertsPerRound} disks of different teams flipped to {@link Fleet#FLIPPED_VALUE} for that one scrape, and
 * then evaluates every group at that time; rounds start {@code interval} apart. A flipped disk makes its team's
 * {@link RuleSet#FLIP_ALERT} rule fire at once and resolve in the next round, so each flip is one firing and one
 * resolved notification, each in a group of its own. The first {@value #WARMUP_ROUNDS} rounds are not counted;
 * a last round flips nothing, so that the flips of the round before resolve.
 *
 * <p>Latency is wall-clock time from the hand-off of an alert at the end of its group's evaluation
 * ({@link HandoffRecorder}) to the arrival of the webhook request carrying it ({@link WebhookServer}). Not
 * thread-safe.
 */
final class LatencyRun {

    static final int WARMUP_ROUNDS = 2;
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);

    /**
     * What the latency part saw.
     *
     * @param firingNanos latency of each counted firing alert that arrived, sorted
     * @param resolvedNanos latency of each counted resolved alert that arrived, sorted
     * @param caused the alerts counted: caused by flips outside the warm-up rounds
     * @param notHandedOn counted alerts whose rule never handed them on firing (a flip that did not make its alert fire)
     * @param evaluationNanos how long each round's evaluation of every group took
     * @param settleNanos how long after the last round the last counted alert arrived, or the timeout
     */
    record Result(long[] firingNanos, long[] resolvedNanos, int caused, int notHandedOn, long[] evaluationNanos,
            long settleNanos) {
        Result {
            firingNanos = sorted(firingNanos);
            resolvedNanos = sorted(resolvedNanos);
            evaluationNanos = evaluationNanos.clone();
        }

        private static long[] sorted(long[] values) {
            long[] copy = values.clone();
            Arrays.sort(copy);
            return copy;
        }
    }

    private LatencyRun() {}

    /** Runs the rounds and waits (up to a minute) for the last counted notifications. */
    static Result run(List<RuleGroup> groups, Fleet fleet, MetricStore store, DriverClock clock, HandoffRecorder handoffs,
            WebhookServer webhook, DriverOptions options, PrintStream log) throws InterruptedException {
        catchUp(fleet, store, clock, log);
        int perRound = options.alertsPerRound();
        int measured = (options.events() + perRound - 1) / perRound;
        int total = WARMUP_ROUNDS + measured + 1;
        int[] flipsPerTeam = new int[fleet.teams()];
        List<String> counted = new ArrayList<>();
        long[] evaluation = new long[total];
        long nextStart = System.nanoTime();
        for (int round = 0; round < total; round++) {
            long wait = nextStart - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            long started = System.nanoTime();
            nextStart = started + options.interval().toNanos();
            int[] flips = round == total - 1 ? new int[0] : flips(fleet, round, perRound, flipsPerTeam);
            if (round >= WARMUP_ROUNDS) {
                for (int disk : flips) {
                    counted.add(key(fleet, disk));
                }
            }
            long ts = Math.max(clock.millis(), fleet.lastScrape() + 1);
            fleet.scrape(store, ts, flips);
            Instant at = Instant.ofEpochMilli(ts);
            long began = System.nanoTime();
            for (RuleGroup group : groups) {
                group.evaluate(at);
            }
            evaluation[round] = System.nanoTime() - began;
            log.printf(Locale.ROOT, "  %s %d/%d: %d disks flipped, evaluation %.2f s, %d webhook requests so far%n",
                    round < WARMUP_ROUNDS ? "warm-up" : "round", round < WARMUP_ROUNDS ? round + 1 : round - WARMUP_ROUNDS + 1,
                    round < WARMUP_ROUNDS ? WARMUP_ROUNDS : measured + 1, flips.length, evaluation[round] / 1e9,
                    webhook.requests());
        }
        long lastRound = System.nanoTime();
        long deadline = lastRound + SETTLE_TIMEOUT.toNanos();
        while (!allArrived(counted, webhook.times()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long settle = System.nanoTime() - lastRound;
        return collect(counted, handoffs.times(), webhook.times(), evaluation, settle);
    }

    /** Scrapes every {@value RuleSet#INTERVAL_SECONDS}s from the last scrape up to now, so the data has no gap. */
    private static void catchUp(Fleet fleet, MetricStore store, DriverClock clock, PrintStream log) {
        clock.followSystem();
        long step = RuleSet.INTERVAL_SECONDS * 1000L;
        int scrapes = 0;
        for (long ts = fleet.lastScrape() + step; ts < clock.millis(); ts += step) {
            fleet.scrape(store, ts);
            scrapes++;
        }
        log.printf(Locale.ROOT, "  %d scrapes to bring the data up to now%n", scrapes);
    }

    /** The disks flipped in {@code round}: one of each of {@code perRound} teams, taken in turn, never one twice. */
    private static int[] flips(Fleet fleet, int round, int perRound, int[] flipsPerTeam) {
        int[] disks = new int[perRound];
        for (int m = 0; m < perRound; m++) {
            int team = (int) (((long) round * perRound + m) % fleet.teams());
            int n = flipsPerTeam[team]++;
            if (n >= fleet.disksPerTeam()) {
                throw new IllegalStateException("team " + team + " has no disk left to flip; ask for fewer events");
            }
            disks[m] = fleet.disk(team, n);
        }
        return disks;
    }

    private static String key(Fleet fleet, int disk) {
        return RuleSet.diskKey(fleet.labels(disk).get("instance"), fleet.labels(disk).get("device"));
    }

    private static boolean allArrived(List<String> keys, FlipTimes arrivals) {
        for (String key : keys) {
            if (arrivals.first(key, true).isEmpty() || arrivals.first(key, false).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static Result collect(List<String> keys, FlipTimes handoffs, FlipTimes arrivals, long[] evaluation, long settle) {
        long[] firing = new long[keys.size()];
        long[] resolved = new long[keys.size()];
        int firingCount = 0;
        int resolvedCount = 0;
        int notHandedOn = 0;
        for (String key : keys) {
            OptionalLong handedOn = handoffs.first(key, true);
            if (handedOn.isEmpty()) {
                notHandedOn++;
                continue;
            }
            OptionalLong arrived = arrivals.first(key, true);
            if (arrived.isPresent()) {
                firing[firingCount++] = arrived.getAsLong() - handedOn.getAsLong();
            }
            OptionalLong resolvedAt = handoffs.first(key, false);
            OptionalLong resolvedArrived = arrivals.first(key, false);
            if (resolvedAt.isPresent() && resolvedArrived.isPresent()) {
                resolved[resolvedCount++] = resolvedArrived.getAsLong() - resolvedAt.getAsLong();
            }
        }
        return new Result(Arrays.copyOf(firing, firingCount), Arrays.copyOf(resolved, resolvedCount), keys.size(),
                notHandedOn, evaluation, settle);
    }
}
