package dev.vigil.api.alerting;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.Experimental;
import java.time.Duration;
import java.util.Optional;

/**
 * How one delivery attempt went.
 *
 * @param outcome delivered, worth retrying, or refused for good
 * @param detail what happened, for the notification history (an HTTP status and a short reason, say); never
 *     a secret
 * @param retryAfter how long the receiving side asked to wait before the next attempt, if it said
 */
@Experimental
public record DeliveryResult(Outcome outcome, String detail, Optional<Duration> retryAfter) {

    /** The outcome of an attempt. */
    public enum Outcome {
        /** The receiving side accepted the notification. */
        DELIVERED,
        /** It failed in a way that may pass: a network error, a 5xx, a 429. The pipeline retries with backoff. */
        RETRY,
        /** It was refused in a way that will not change, such as a 4xx for a malformed request. Not retried. */
        FAILED
    }

    /** Checks the parts. */
    public DeliveryResult {
        requireNonNull(outcome, "outcome is null");
        requireNonNull(detail, "detail is null");
        requireNonNull(retryAfter, "retryAfter is null");
    }

    /** Delivered. */
    public static DeliveryResult delivered(String detail) {
        return new DeliveryResult(Outcome.DELIVERED, detail, Optional.empty());
    }

    /** Worth another attempt later. */
    public static DeliveryResult retry(String detail) {
        return new DeliveryResult(Outcome.RETRY, detail, Optional.empty());
    }

    /** Worth another attempt, no sooner than {@code after}. */
    public static DeliveryResult retryAfter(String detail, Duration after) {
        return new DeliveryResult(Outcome.RETRY, detail, Optional.of(after));
    }

    /** Refused for good. */
    public static DeliveryResult failed(String detail) {
        return new DeliveryResult(Outcome.FAILED, detail, Optional.empty());
    }
}
