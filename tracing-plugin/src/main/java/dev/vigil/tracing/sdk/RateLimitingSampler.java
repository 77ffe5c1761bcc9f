package dev.vigil.tracing.sdk;

import static java.util.Objects.requireNonNull;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps at most {@code spansPerSecond} spans per second, with a burst of one second's worth (at least one span): a
 * token bucket that fills at the rate and holds {@code max(1, spansPerSecond)} tokens, full at the start. Decisions do
 * not depend on the trace id, so unlike {@code traceidratio} two services do not agree on which traces to keep; wrap
 * it in a parent-based sampler so that only roots are limited and their children follow.
 *
 * <p>The bucket is kept as the one instant at which it will be full again: taking a token moves that instant one
 * interval ({@code 1s / spansPerSecond}) later, and a token may be taken while the instant stays within one bucket's
 * worth of intervals from now. One compare-and-set per decision, no lock. Time comes from the clock given, so tests
 * drive it. Thread-safe.
 */
final class RateLimitingSampler implements Sampler {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double spansPerSecond;
    private final Clock clock;
    private final long intervalNanos;
    private final long capacityNanos;
    /** Nanoseconds since the epoch at which the bucket is full again; in the past when it is full now. */
    private final AtomicLong fullAt = new AtomicLong(Long.MIN_VALUE);

    /**
     * A sampler keeping {@code spansPerSecond}.
     *
     * @throws IllegalArgumentException if the rate is not above 0 or above {@link SamplerSettings#MAX_SPANS_PER_SECOND}
     */
    RateLimitingSampler(double spansPerSecond, Clock clock) {
        if (!(spansPerSecond > 0 && spansPerSecond <= SamplerSettings.MAX_SPANS_PER_SECOND)) {
            throw new IllegalArgumentException("spansPerSecond must be above 0 and at most " + (long) SamplerSettings.MAX_SPANS_PER_SECOND
                    + ", got " + spansPerSecond);
        }
        this.spansPerSecond = spansPerSecond;
        this.clock = requireNonNull(clock, "clock is null");
        this.intervalNanos = Math.max(1, Math.round(NANOS_PER_SECOND / spansPerSecond));
        this.capacityNanos = Math.round(Math.max(1.0, spansPerSecond) * intervalNanos);
    }

    @Override
    public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind, Attributes attributes,
            List<LinkData> parentLinks) {
        return tryTake() ? SamplingResult.recordAndSample() : SamplingResult.drop();
    }

    private boolean tryTake() {
        long now = nowNanos();
        while (true) {
            long current = fullAt.get();
            long next = Math.max(current, now) + intervalNanos;
            if (next - now > capacityNanos) {
                return false;
            }
            if (fullAt.compareAndSet(current, next)) {
                return true;
            }
        }
    }

    private long nowNanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * NANOS_PER_SECOND + now.getNano();
    }

    @Override
    public String getDescription() {
        return "RateLimitingSampler{" + spansPerSecond + "/s}";
    }

    @Override
    public String toString() {
        return getDescription();
    }
}
