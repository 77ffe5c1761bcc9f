package dev.vigil.alerting.outbox;

import dev.vigil.alerting.outbox.history.NotificationHistory;
import dev.vigil.api.alerting.DeliveryResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The outbox's meters. Everything registered here is removed again on {@link #close}, so a stopped plugin leaves
 * nothing behind in the platform's registry. Thread-safe.
 */
final class OutboxMeters implements AutoCloseable {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Set<Meter> registered = ConcurrentHashMap.newKeySet();
    private final Map<DeliveryResult.Outcome, AtomicLong> outcomes = new EnumMap<>(DeliveryResult.Outcome.class);
    private final Counter submitted;
    private final Counter discarded;
    private final Counter duplicates;
    private final Counter writeFailures;
    private final Counter badRecords;
    private volatile boolean closed;

    OutboxMeters(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        for (DeliveryResult.Outcome outcome : DeliveryResult.Outcome.values()) {
            outcomes.put(outcome, new AtomicLong());
        }
        submitted = keep(Counter.builder("vigil.alerting.outbox.submitted")
                .description("Notifications written to the outbox").register(registry));
        discarded = keep(Counter.builder("vigil.alerting.outbox.discarded")
                .description("Notifications for receivers configured without integrations, not written").register(registry));
        duplicates = keep(Counter.builder("vigil.alerting.outbox.duplicates")
                .description("Notifications not written because the outbox already held one with the same id").register(registry));
        writeFailures = keep(Counter.builder("vigil.alerting.outbox.write.failures")
                .description("Writes to the outbox log that failed").register(registry));
        badRecords = keep(Counter.builder("vigil.alerting.outbox.recovery.bad.records")
                .description("Torn, corrupt or unreadable records found when the outbox was opened").register(registry));
    }

    /** Gauges over the whole outbox and the history. */
    void bindTotals(Supplier<Number> pending, Collection<Lane> lanes, NotificationHistory history) {
        keep(Gauge.builder("vigil.alerting.outbox.pending", pending).description("Deliveries not settled").register(registry));
        keep(TimeGauge.builder("vigil.alerting.outbox.oldest.age", lanes, TimeUnit.MILLISECONDS, l -> {
            long oldest = Long.MAX_VALUE;
            for (Lane lane : l) {
                oldest = Math.min(oldest, lane.oldestMillis);
            }
            return age(oldest);
        }).description("Age of the oldest delivery not settled").register(registry));
        keep(FunctionCounter.builder("vigil.alerting.history.write.failures", history, NotificationHistory::writeFailures)
                .description("Notification history entries that could not be written").register(registry));
        keep(Gauge.builder("vigil.alerting.history.size", history, NotificationHistory::sizeBytes).baseUnit("bytes")
                .description("Size of the notification history files").register(registry));
    }

    /** Gauges for one integration's queue. */
    void bindLane(Lane lane) {
        Tags tags = Tags.of("receiver", lane.receiver, "integration", lane.integration);
        keep(Gauge.builder("vigil.alerting.outbox.queue.pending", lane, l -> l.size).tags(tags)
                .description("Deliveries waiting for one integration").register(registry));
        keep(TimeGauge.builder("vigil.alerting.outbox.queue.oldest.age", lane, TimeUnit.MILLISECONDS, l -> age(l.oldestMillis)).tags(tags)
                .description("Age of the oldest delivery waiting for one integration").register(registry));
    }

    void submitted() {
        submitted.increment();
    }

    void discarded() {
        discarded.increment();
    }

    void duplicate() {
        duplicates.increment();
    }

    void writeFailed() {
        writeFailures.increment();
    }

    void badRecords(int count) {
        badRecords.increment(count);
    }

    /** Counts an attempt's outcome. */
    void attempt(String receiver, String integration, String channelType, DeliveryResult.Outcome outcome) {
        outcomes.get(outcome).incrementAndGet();
        if (closed) {
            return; // an attempt that outlived close must not register meters again
        }
        keep(Counter.builder("vigil.alerting.notification.attempts")
                .description("Delivery attempts by outcome")
                .tags("receiver", receiver, "integration", integration, "type", channelType, "outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry)).increment();
    }

    /** Records how long a delivery took from the outbox to the channel accepting it. */
    void delivered(String receiver, String integration, Duration sinceEnqueued) {
        if (closed) {
            return;
        }
        keep(Timer.builder("vigil.alerting.notification.delivery.latency")
                .description("Time from writing a notification to the outbox to its channel accepting it")
                .tags("receiver", receiver, "integration", integration)
                .register(registry)).record(sinceEnqueued.isNegative() ? Duration.ZERO : sinceEnqueued);
    }

    /** Attempts since start, by outcome. */
    Map<DeliveryResult.Outcome, Long> outcomes() {
        Map<DeliveryResult.Outcome, Long> counts = new EnumMap<>(DeliveryResult.Outcome.class);
        outcomes.forEach((outcome, count) -> counts.put(outcome, count.get()));
        return counts;
    }

    private double age(long oldestMillis) {
        return oldestMillis == Long.MAX_VALUE ? 0 : Math.max(0, clock.millis() - oldestMillis);
    }

    private <M extends Meter> M keep(M meter) {
        registered.add(meter);
        return meter;
    }

    @Override
    public void close() {
        closed = true;
        for (Meter meter : registered) {
            registry.remove(meter);
        }
        registered.clear();
    }
}
