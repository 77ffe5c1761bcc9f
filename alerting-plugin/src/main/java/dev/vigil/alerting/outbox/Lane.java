package dev.vigil.alerting.outbox;

import dev.vigil.api.Registration;
import dev.vigil.api.schedule.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The deliveries for one integration of one receiver, in submission order; at most one is in flight, so a
 * channel sees its notifications in order. Guarded by the outbox's lock, except the volatile figures that
 * meters read.
 */
final class Lane {

    final String receiver;
    final String integration;
    final TreeMap<Long, PendingEntry> queue = new TreeMap<>();
    /** How many queued deliveries were written at each time, for the oldest in O(log n). */
    private final TreeMap<Instant, Integer> enqueueTimes = new TreeMap<>();
    String channelType;
    boolean inFlight;
    QueueState state = QueueState.IDLE;
    String reason = "";
    @Nullable String lastError;
    /** Since when the receiver or integration has been missing from the configuration. */
    @Nullable Instant missingSince;
    private @Nullable Registration timer;
    private @Nullable Instant timerAt;
    private long timerGeneration;
    volatile int size;
    /** Epoch milliseconds of the oldest delivery's enqueue time, or {@link Long#MAX_VALUE} when empty. */
    volatile long oldestMillis = Long.MAX_VALUE;

    Lane(String receiver, String integration, String channelType) {
        this.receiver = receiver;
        this.integration = integration;
        this.channelType = channelType;
    }

    @Nullable PendingEntry head() {
        Map.Entry<Long, PendingEntry> first = queue.firstEntry();
        return first == null ? null : first.getValue();
    }

    void add(PendingEntry entry) {
        if (queue.put(entry.seq, entry) == null) {
            enqueueTimes.merge(entry.enqueuedAt, 1, Integer::sum);
        }
        refresh();
    }

    void remove(PendingEntry entry) {
        if (queue.remove(entry.seq) != null) {
            enqueueTimes.computeIfPresent(entry.enqueuedAt, (at, n) -> n == 1 ? null : n - 1);
        }
        refresh();
    }

    /**
     * Has {@code onTimer} called with the timer's generation at {@code at}, replacing the lane's earlier timer
     * unless that one is for the same time.
     */
    void wakeAt(Scheduler scheduler, Instant at, Instant now, LongConsumer onTimer) {
        if (timer != null && at.equals(timerAt)) {
            return;
        }
        cancelTimer();
        long generation = timerGeneration;
        timerAt = at;
        timer = scheduler.schedule(() -> onTimer.accept(generation), now.isBefore(at) ? Duration.between(now, at) : Duration.ZERO);
    }

    /** Cancels the lane's timer; one already running is recognised as stale by its generation. */
    void cancelTimer() {
        Registration cancelled = timer;
        timer = null;
        timerAt = null;
        timerGeneration++;
        if (cancelled != null) {
            cancelled.close();
        }
    }

    /** Forgets the timer of {@code generation} once it has fired, if it is still the lane's timer. */
    void timerFired(long generation) {
        if (generation == timerGeneration) {
            timer = null;
            timerAt = null;
            timerGeneration++;
        }
    }

    void state(QueueState state, String reason) {
        this.state = state;
        this.reason = reason;
    }

    @Nullable Instant oldestEnqueuedAt() {
        return enqueueTimes.isEmpty() ? null : enqueueTimes.firstKey();
    }

    private void refresh() {
        size = queue.size();
        Instant oldest = oldestEnqueuedAt();
        oldestMillis = oldest == null ? Long.MAX_VALUE : oldest.toEpochMilli();
    }
}
