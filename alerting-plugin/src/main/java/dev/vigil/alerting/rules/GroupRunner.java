package dev.vigil.alerting.rules;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one group at its interval, at evaluation times spread as Prometheus spreads them: each group has a fixed
 * offset within its interval, derived from a hash of its file and name, so that groups do not all run at once and a
 * group keeps its slots across restarts and reloads. A run that comes late evaluates the latest slot and counts the
 * slots it missed; one that comes early waits for its slot. When the group restores {@code for} state, it does so
 * after its second evaluation, as Prometheus does, so that recording rules have produced data first. Thread-safe.
 */
final class GroupRunner {

    private static final Logger LOG = LoggerFactory.getLogger(GroupRunner.class);

    private final RuleGroup group;
    private final RuleEnvironment env;
    private final EvaluationScheduler scheduler;
    private final long intervalMillis;
    private final long offsetMillis;
    private boolean restorePending;
    private int evaluations;
    private long missed;
    private @Nullable Instant last;
    private EvaluationScheduler.@Nullable Scheduled next;
    private boolean stopped;

    GroupRunner(RuleGroup group, RuleEnvironment env, EvaluationScheduler scheduler, boolean restoreForState) {
        this.group = group;
        this.env = env;
        this.scheduler = scheduler;
        this.intervalMillis = Math.max(1, group.interval().toMillis());
        this.offsetMillis = Math.floorMod(Fingerprints.hash(group.file() + "\u0000" + group.name()), intervalMillis);
        this.restorePending = restoreForState;
        this.last = group.lastEvaluationTimestamp().orElse(null);
    }

    RuleGroup group() {
        return group;
    }

    /** The latest evaluation slot at or before {@code now}. */
    Instant slotAtOrBefore(Instant now) {
        long t = now.toEpochMilli();
        return Instant.ofEpochMilli(t - Math.floorMod(t - offsetMillis, intervalMillis));
    }

    /** Schedules the first run at the group's next slot. */
    synchronized void start() {
        Instant first = slotAtOrBefore(env.clock().instant()).plusMillis(intervalMillis);
        if (last != null && !first.isAfter(last)) {
            first = last.plusMillis(intervalMillis);
        }
        scheduleAt(first);
    }

    /** Stops the runs; one in progress completes. */
    synchronized void stop() {
        stopped = true;
        if (next != null) {
            next.cancel();
            next = null;
        }
    }

    /** How many slots were skipped because runs came late. */
    synchronized long missedSlots() {
        return missed;
    }

    private void run() {
        Instant ts;
        synchronized (this) {
            if (stopped) {
                return;
            }
            ts = slotAtOrBefore(env.clock().instant());
            if (last != null && !ts.isAfter(last)) {
                scheduleAt(last.plusMillis(intervalMillis));
                return;
            }
            if (last != null) {
                long skipped = Duration.between(last, ts).toMillis() / intervalMillis - 1;
                if (skipped > 0) {
                    missed += skipped;
                    LOG.warn("Rule group {} in {} missed {} evaluations", group.name(), group.file(), skipped);
                }
            }
            last = ts;
        }
        try {
            group.evaluate(ts);
            evaluations++;
            if (restorePending && evaluations >= 2) {
                restorePending = false;
                group.restoreForState(env.clock().instant());
            }
        } catch (RuntimeException e) {
            LOG.error("Evaluating rule group {} in {} failed", group.name(), group.file(), e);
        } finally {
            synchronized (this) {
                if (!stopped) {
                    scheduleAt(ts.plusMillis(intervalMillis));
                }
            }
        }
    }

    private void scheduleAt(Instant at) {
        next = scheduler.schedule(this::run, at);
    }
}
