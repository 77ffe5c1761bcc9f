package dev.vigil.alerting.outbox;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * How long to wait before attempt {@code n + 1} after attempt {@code n} failed in a way that may pass: {@code min}
 * doubled for every failure, at most {@code max}, and never sooner than the receiving side asked (up to
 * {@code maxRetryAfter}, so a bad header cannot park a channel for days).
 *
 * @param min the wait after the first failure
 * @param max the longest wait the doubling reaches
 * @param maxRetryAfter the longest wait a receiving side's retry-after is honoured for
 */
record Backoff(Duration min, Duration max, Duration maxRetryAfter) {

    Backoff {
        requireNonNull(min, "min is null");
        requireNonNull(max, "max is null");
        requireNonNull(maxRetryAfter, "maxRetryAfter is null");
        if (min.isNegative() || min.isZero()) {
            throw new IllegalArgumentException("the minimum backoff must be positive: " + min);
        }
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("the maximum backoff " + max + " is below the minimum " + min);
        }
        if (maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("maxRetryAfter is negative: " + maxRetryAfter);
        }
    }

    /** The wait after {@code failures} failed attempts in a row, the last of which asked for {@code retryAfter}. */
    Duration delay(int failures, Optional<Duration> retryAfter) {
        Duration delay = max;
        int doublings = Math.max(0, failures - 1);
        if (doublings < 62) {
            long nanos = min.toNanos();
            long scaled = nanos << doublings;
            if (scaled >> doublings == nanos && scaled < max.toNanos()) {
                delay = Duration.ofNanos(scaled);
            }
        }
        if (retryAfter.isPresent() && !retryAfter.get().isNegative()) {
            Duration asked = retryAfter.get().compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter.get();
            if (asked.compareTo(delay) > 0) {
                delay = asked;
            }
        }
        return delay;
    }
}
