package dev.vigil.alerting.outbox;

import dev.vigil.alerting.outbox.OutboxRecord.Enqueued;
import dev.vigil.alerting.outbox.OutboxRecord.Settled;
import dev.vigil.alerting.outbox.OutboxRecord.Settlement;
import dev.vigil.alerting.outbox.history.HistoryEntry;
import dev.vigil.alerting.outbox.history.NotificationHistory;
import dev.vigil.api.alerting.DeliveryResult;
import dev.vigil.api.alerting.Notification;
import dev.vigil.api.schedule.Scheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves deliveries through their lanes: decides under one lock what to send next for each integration, hands
 * attempts to the workers, and records how they ended. Log writes that make a delivery exist or end happen under
 * the same lock as the bookkeeping, so compaction never sees a delivery on disk that memory does not know.
 * Channels are called, and history written, outside the lock. Thread-safe.
 */
final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final OutboxLog log;
    private final ChannelDirectory directory;
    private final NotificationHistory history;
    private final OutboxMeters meters;
    private final Executor executor;
    private final Scheduler scheduler;
    private final Clock clock;
    private final OutboxSettings settings;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition attemptEnded = lock.newCondition();
    private final NotificationIds ids;
    private final Deliveries deliveries;
    private long nextSeq;
    private int inFlight;
    private boolean closed;

    /** What a step under the lock leaves to do after it. */
    private static final class Work {
        final List<Attempt> attempts = new ArrayList<>();
        final List<HistoryEntry> history = new ArrayList<>();
    }

    Dispatcher(OutboxLog log, ChannelDirectory directory, NotificationHistory history, OutboxMeters meters, Executor executor,
            Scheduler scheduler, Clock clock, OutboxSettings settings) {
        this.log = log;
        this.directory = directory;
        this.history = history;
        this.meters = meters;
        this.executor = executor;
        this.scheduler = scheduler;
        this.clock = clock;
        this.settings = settings;
        this.ids = new NotificationIds(settings.dedupWindow());
        this.deliveries = new Deliveries(meters, ids);
        meters.bindTotals(deliveries::size, deliveries.lanes(), history);
    }

    /**
     * Takes in what recovery found: the pending deliveries, and the notifications with ended deliveries (by id,
     * with when the last ended). Attempts start with {@link #pumpAll}.
     */
    void restore(List<OutboxLog.Recovered> recovered, Map<String, Instant> ended, long firstFreeSeq) {
        lock.lock();
        try {
            nextSeq = firstFreeSeq;
            Instant now = clock.instant();
            for (OutboxLog.Recovered r : recovered) {
                deliveries.add(new PendingEntry(r.record(), r.attempts(), r.segment(), now));
            }
            ended.forEach((id, at) -> ids.recovered(id, at, now));
        } finally {
            lock.unlock();
        }
    }

    void submit(Notification notification) {
        Work work = new Work();
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the outbox is closed");
            }
            Instant now = clock.instant();
            Optional<NotificationIds.Held> held = ids.find(notification.id(), now);
            if (held.isPresent()) {
                // the pipeline decided it again, as after a crash: the outbox already has it in hand
                meters.duplicate();
                LOG.debug("Notification {} for receiver {} is already in the outbox ({}); not written again", notification.id(),
                        notification.receiver(), held.get());
                return;
            }
            Optional<List<ChannelIntegration>> integrations = directory.receiver(notification.receiver());
            List<Enqueued> records = new ArrayList<>();
            if (integrations.isEmpty()) {
                records.add(new Enqueued(nextSeq++, -1, now, notification.receiver(), "", "", 0, notification));
            } else if (integrations.get().isEmpty()) {
                // a receiver without integrations is how a configuration says "send nowhere", as in Alertmanager
                meters.discarded();
                return;
            } else {
                for (ChannelIntegration integration : integrations.get()) {
                    records.add(new Enqueued(nextSeq++, -1, now, notification.receiver(), integration.name(), integration.type(), 0,
                            notification));
                }
            }
            Segment segment;
            try {
                segment = log.append(records, true);
            } catch (IOException e) {
                meters.writeFailed();
                throw new UncheckedIOException("could not write notification " + notification.id() + " to the outbox", e);
            }
            meters.submitted();
            Set<Lane> touched = new LinkedHashSet<>();
            for (Enqueued record : records) {
                touched.add(deliveries.add(new PendingEntry(record, 0, segment, now)));
            }
            pump(touched, now, work);
        } finally {
            lock.unlock();
        }
        finish(work);
    }

    /** Looks at every lane again, as after the directory changed. */
    void pumpAll() {
        Work work = new Work();
        lock.lock();
        try {
            if (!closed) {
                pump(List.copyOf(deliveries.lanes()), clock.instant(), work);
            }
        } finally {
            lock.unlock();
        }
        finish(work);
    }

    private void pump(Collection<Lane> start, Instant now, Work work) {
        Deque<Lane> todo = new ArrayDeque<>(start);
        while (!todo.isEmpty()) {
            pumpLane(todo.poll(), now, work, todo);
        }
    }

    /** Starts the lane's next attempt if it can go now, else notes why it waits. */
    private void pumpLane(Lane lane, Instant now, Work work, Deque<Lane> more) {
        while (!closed && !lane.inFlight) {
            PendingEntry head = lane.head();
            if (head == null) {
                lane.state(QueueState.IDLE, "");
                lane.missingSince = null;
                lane.lastError = null;
                lane.cancelTimer();
                return;
            }
            Optional<List<ChannelIntegration>> receiver = directory.receiver(lane.receiver);
            if (head.isPlaceholder() && receiver.isPresent()) {
                if (!expand(lane, head, receiver.get(), now, more)) {
                    return;
                }
                continue;
            }
            Optional<ChannelIntegration> integration = receiver.flatMap(list -> find(list, lane.integration));
            if (integration.isEmpty()) {
                if (waitForConfiguration(lane, head, receiver.isPresent(), now, work)) {
                    return;
                }
                continue;
            }
            lane.missingSince = null;
            lane.channelType = integration.get().type();
            if (integration.get().channel().isEmpty()) {
                lane.state(QueueState.WAITING_FOR_CHANNEL_TYPE, "waiting for channel type " + integration.get().type());
                lane.cancelTimer();
                return;
            }
            if (head.nextAttemptAt.isAfter(now)) {
                lane.state(QueueState.BACKING_OFF, "next attempt at " + head.nextAttemptAt);
                wakeAt(lane, head.nextAttemptAt, now);
                return;
            }
            lane.cancelTimer();
            lane.inFlight = true;
            inFlight++;
            head.attempts++;
            lane.state(QueueState.SENDING, "attempt " + head.attempts);
            work.attempts.add(new Attempt(lane, head, integration.get(), head.attempts));
            return;
        }
    }

    /**
     * Holds the lane while its receiver or integration is missing from the configuration, for the grace period;
     * after it, fails the head.
     *
     * @return whether the lane waits
     */
    private boolean waitForConfiguration(Lane lane, PendingEntry head, boolean receiverKnown, Instant now, Work work) {
        if (lane.missingSince == null) {
            lane.missingSince = now;
        }
        Instant deadline = lane.missingSince.plus(settings.receiverGrace());
        String what = receiverKnown ? "integration " + lane.integration + " of receiver " + lane.receiver + " is not configured"
                : "receiver " + lane.receiver + " is not configured";
        if (now.isBefore(deadline)) {
            lane.state(QueueState.WAITING_FOR_RECEIVER, what + "; its notifications are marked failed at " + deadline + " unless it returns");
            wakeAt(lane, deadline, now);
            return true;
        }
        String detail = what + " (waited " + settings.receiverGrace() + ")";
        settle(lane, head, Settlement.FAILED, detail, now);
        work.history.add(Attempt.history(lane, head, head.attempts, DeliveryResult.Outcome.FAILED, detail, now, Duration.ZERO));
        meters.attempt(lane.receiver, lane.integration, lane.channelType, DeliveryResult.Outcome.FAILED);
        return false;
    }

    /**
     * Replaces a placeholder by one delivery per integration of its now configured receiver.
     *
     * @return whether the lane may go on
     */
    private boolean expand(Lane lane, PendingEntry head, List<ChannelIntegration> integrations, Instant now, Deque<Lane> more) {
        List<OutboxRecord> records = new ArrayList<>();
        List<Enqueued> children = new ArrayList<>();
        for (ChannelIntegration integration : integrations) {
            Enqueued child = new Enqueued(nextSeq++, head.seq, head.enqueuedAt, head.receiver, integration.name(), integration.type(), 0,
                    head.notification);
            children.add(child);
            records.add(child);
        }
        records.add(new Settled(head.seq, Settlement.EXPANDED, now, head.attempts, "split into " + children.size() + " deliveries"));
        Segment segment;
        try {
            segment = log.append(records, true);
        } catch (IOException e) {
            meters.writeFailed();
            LOG.error("Could not write the deliveries of notification {} for receiver {}", head.notification.id(), head.receiver, e);
            lane.state(QueueState.BACKING_OFF, "could not write to the outbox: " + DeliveryDetails.of(e));
            wakeAt(lane, now.plus(settings.backoff().min()), now);
            return false;
        }
        deliveries.remove(lane, head, now);
        if (children.isEmpty()) {
            meters.discarded();
        }
        for (Enqueued child : children) {
            more.add(deliveries.add(new PendingEntry(child, 0, segment, now)));
        }
        return true;
    }

    private static Optional<ChannelIntegration> find(List<ChannelIntegration> integrations, String name) {
        return integrations.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /** Makes an attempt; runs on a worker. */
    private void run(Attempt attempt) {
        Attempt.Outcome outcome = null;
        try {
            outcome = attempt.run(clock);
        } finally {
            complete(attempt, outcome != null ? outcome
                    : new Attempt.Outcome(DeliveryResult.retry("the attempt ended abruptly"), clock.instant(), Duration.ZERO));
        }
    }

    /** Records how an attempt ended: durably, before the lane moves on. */
    private void complete(Attempt attempt, Attempt.Outcome outcome) {
        Work work = new Work();
        Lane lane = attempt.lane();
        PendingEntry entry = attempt.entry();
        DeliveryResult result = outcome.result();
        String detail = DeliveryDetails.of(result.detail());
        lock.lock();
        try {
            Instant now = clock.instant();
            lane.inFlight = false;
            inFlight--;
            switch (result.outcome()) {
                case DELIVERED:
                    settle(lane, entry, Settlement.DELIVERED, detail, now);
                    meters.delivered(lane.receiver, lane.integration, Duration.between(entry.enqueuedAt, now));
                    break;
                case FAILED:
                    settle(lane, entry, Settlement.FAILED, detail, now);
                    LOG.warn("Notification {} for {}/{} was refused: {}", entry.notification.id(), lane.receiver, lane.integration, detail);
                    break;
                default:
                    entry.nextAttemptAt = now.plus(settings.backoff().delay(attempt.number(), result.retryAfter()));
                    lane.lastError = detail;
                    try {
                        log.append(List.of(new OutboxRecord.Attempted(entry.seq, entry.attempts, now)), false);
                    } catch (IOException e) {
                        meters.writeFailed();
                        LOG.warn("Could not note an attempt in the outbox log", e);
                    }
                    break;
            }
            meters.attempt(lane.receiver, lane.integration, attempt.integration().type(), result.outcome());
            work.history.add(Attempt.history(lane, entry, attempt.number(), result.outcome(), detail, outcome.start(), outcome.elapsed()));
            attemptEnded.signalAll();
            if (!closed) {
                pump(List.of(lane), now, work);
            }
        } finally {
            lock.unlock();
        }
        finish(work);
    }

    /** Ends a delivery: forced to disk first, so a restart does not repeat it. */
    private void settle(Lane lane, PendingEntry entry, Settlement settlement, String detail, Instant now) {
        try {
            log.append(List.of(new Settled(entry.seq, settlement, now, entry.attempts, detail)), true);
        } catch (IOException e) {
            // memory still lets it go, so this process does not repeat it; after a restart it is sent again
            meters.writeFailed();
            LOG.error("Could not record the end of delivery of notification {} to {}/{}; it will be sent again after a restart",
                    entry.notification.id(), lane.receiver, lane.integration, e);
        }
        deliveries.remove(lane, entry, now);
        lane.lastError = null;
    }

    private void finish(Work work) {
        for (HistoryEntry entry : work.history) {
            history.record(entry);
        }
        for (Attempt attempt : work.attempts) {
            try {
                executor.execute(() -> run(attempt));
            } catch (RejectedExecutionException e) {
                undo(attempt);
            }
        }
    }

    private void undo(Attempt attempt) {
        lock.lock();
        try {
            Lane lane = attempt.lane();
            lane.inFlight = false;
            inFlight--;
            attempt.entry().attempts--;
            attemptEnded.signalAll();
            if (!closed) {
                Instant now = clock.instant();
                lane.state(QueueState.BACKING_OFF, "the delivery workers refused the attempt");
                wakeAt(lane, now.plus(settings.backoff().min()), now);
            }
        } finally {
            lock.unlock();
        }
    }

    private void wakeAt(Lane lane, Instant at, Instant now) {
        lane.wakeAt(scheduler, at, now, generation -> onTimer(lane, generation));
    }

    private void onTimer(Lane lane, long generation) {
        Work work = new Work();
        lock.lock();
        try {
            lane.timerFired(generation);
            if (!closed) {
                pump(List.of(lane), clock.instant(), work);
            }
        } finally {
            lock.unlock();
        }
        finish(work);
    }

    /** Stops starting attempts and waits up to {@code timeout} for those under way to end. */
    void close(Duration timeout) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            for (Lane lane : deliveries.lanes()) {
                lane.cancelTimer();
            }
            long remaining = timeout.toNanos();
            while (inFlight > 0 && remaining > 0) {
                remaining = attemptEnded.awaitNanos(remaining);
            }
            if (inFlight > 0) {
                LOG.warn("{} notification deliveries were still under way when the outbox closed; they are sent again after a restart", inFlight);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    OutboxStatus status() {
        lock.lock();
        try {
            return deliveries.status(meters.outcomes(), log.segmentCount(), log.sizeBytes());
        } finally {
            lock.unlock();
        }
    }

    List<PendingDelivery> pending() {
        lock.lock();
        try {
            return deliveries.pending();
        } finally {
            lock.unlock();
        }
    }

    /** Compacts the log; see {@link Deliveries#compact}. */
    void compact() {
        lock.lock();
        try {
            if (!closed) {
                deliveries.compact(log, clock.instant(), settings);
            }
        } catch (IOException e) {
            meters.writeFailed();
            LOG.warn("Could not compact the outbox log", e);
        } finally {
            lock.unlock();
        }
    }
}
