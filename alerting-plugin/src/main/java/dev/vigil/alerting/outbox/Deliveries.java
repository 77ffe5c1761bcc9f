package dev.vigil.alerting.outbox;

import dev.vigil.api.alerting.DeliveryResult;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The deliveries the outbox holds in memory: every pending one by sequence number, in lanes by receiver and
 * integration, with each segment's count of pending deliveries and the notification ids held kept in step. Guarded
 * by the dispatcher's lock, except that meters may iterate the lanes.
 */
final class Deliveries {

    private record LaneKey(String receiver, String integration) {}

    private final OutboxMeters meters;
    /** A concurrent map only so that meters may read it without the lock. */
    private final Map<LaneKey, Lane> lanes = new ConcurrentHashMap<>();
    private final Map<Long, PendingEntry> pending = new HashMap<>();
    private final NotificationIds ids;
    private volatile int size;

    Deliveries(OutboxMeters meters, NotificationIds ids) {
        this.meters = meters;
        this.ids = ids;
    }

    /** Takes in a delivery; returns its lane, made on first use. */
    Lane add(PendingEntry entry) {
        Lane lane = lanes.computeIfAbsent(new LaneKey(entry.receiver, entry.integration), key -> {
            Lane created = new Lane(key.receiver(), key.integration(), entry.channelType);
            meters.bindLane(created);
            return created;
        });
        pending.put(entry.seq, entry);
        entry.segment.pending++;
        ids.deliveryAdded(entry.notification.id());
        lane.add(entry);
        size = pending.size();
        return lane;
    }

    /** Lets go of a delivery that ended at {@code now}. */
    void remove(Lane lane, PendingEntry entry, Instant now) {
        pending.remove(entry.seq);
        entry.segment.pending--;
        entry.segment.deliveryEnded(now);
        ids.deliveryEnded(entry.notification.id(), now);
        lane.remove(entry);
        size = pending.size();
    }

    /** The lanes, live. */
    Collection<Lane> lanes() {
        return lanes.values();
    }

    /** How many deliveries are pending; readable without the lock. */
    int size() {
        return size;
    }

    /**
     * Removes sealed segments whose deliveries have all ended at least the dedup window ago, oldest first, and
     * carries the pending deliveries of a segment sealed at least {@code carryForwardAfter} ago into the newest
     * segment so that it can go too. A segment is kept while an older one is, because its settlements may refer to
     * deliveries there: removing it first would bring those back to life at the next start. Also forgets the
     * notification ids whose dedup window has passed.
     */
    void compact(OutboxLog log, Instant now, OutboxSettings settings) throws IOException {
        ids.expire(now);
        log.rollIfOpenedBefore(now.minus(settings.segmentMaxAge()));
        Instant endedCutoff = now.minus(settings.dedupWindow());
        for (Segment segment : log.sealed()) {
            if (segment.pending > 0) {
                Instant sealedAt = segment.sealedAt;
                if (sealedAt != null && sealedAt.plus(settings.carryForwardAfter()).isAfter(now)) {
                    return;
                }
                List<PendingEntry> carried = pending.values().stream().filter(e -> e.segment == segment)
                        .sorted(Comparator.comparingLong(e -> e.seq)).toList();
                Segment to = log.append(carried.stream().map(PendingEntry::record).toList(), true);
                for (PendingEntry entry : carried) {
                    segment.pending--;
                    entry.segment = to;
                    to.pending++;
                }
            }
            if (!segment.endedBefore(endedCutoff)) {
                // its records are how a restart recognises the ids of the notifications that ended in the window
                return;
            }
            log.delete(segment);
        }
    }

    OutboxStatus status(Map<DeliveryResult.Outcome, Long> outcomes, int segments, long logBytes) {
        List<QueueStatus> queues = new ArrayList<>();
        Instant oldest = null;
        for (Lane lane : lanes.values()) {
            PendingEntry head = lane.head();
            Instant laneOldest = lane.oldestEnqueuedAt();
            if (laneOldest != null && (oldest == null || laneOldest.isBefore(oldest))) {
                oldest = laneOldest;
            }
            Instant next = lane.state == QueueState.BACKING_OFF && head != null ? head.nextAttemptAt : null;
            queues.add(new QueueStatus(lane.receiver, lane.integration, lane.channelType, lane.state, lane.reason, lane.queue.size(),
                    Optional.ofNullable(laneOldest), Optional.ofNullable(next), head == null ? 0 : head.attempts,
                    Optional.ofNullable(lane.lastError)));
        }
        queues.sort(Comparator.comparing(QueueStatus::receiver).thenComparing(QueueStatus::integration));
        return new OutboxStatus(queues, pending.size(), Optional.ofNullable(oldest), outcomes, segments, logBytes);
    }

    List<PendingDelivery> pending() {
        List<PendingEntry> all = new ArrayList<>(pending.values());
        all.sort(Comparator.comparing((PendingEntry e) -> e.enqueuedAt).thenComparingLong(e -> e.seq));
        List<PendingDelivery> out = new ArrayList<>(all.size());
        for (PendingEntry e : all) {
            Lane lane = lanes.get(new LaneKey(e.receiver, e.integration));
            PendingEntry head = lane == null ? null : lane.head();
            QueueState state = lane == null ? QueueState.IDLE : lane.state;
            String reason = lane == null ? "" : e == head || head == null ? lane.reason
                    : "queued behind notification " + head.notification.id() + (lane.reason.isEmpty() ? "" : " (" + lane.reason + ")");
            out.add(new PendingDelivery(e.notification.id(), e.receiver, e.integration, e.channelType, e.notification.status(),
                    e.notification.groupKey(), e.enqueuedAt, e.attempts, state, reason));
        }
        return out;
    }
}
