package dev.vigil.testkit;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Waits for a condition by polling, for tests of asynchronous behaviour such as hot deployment. The timeout
 * is a bound on how long a broken build waits, never a measurement.
 */
public final class Await {

    private static final long POLL_MILLIS = 20;

    private Await() {}

    /**
     * Polls {@code value} until {@code condition} holds and returns the value that satisfied it.
     *
     * @throws AssertionError naming {@code what} and the last value seen when the timeout passes
     */
    public static <T> T until(String what, Duration timeout, Supplier<T> value, Predicate<? super T> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        @Nullable T last = null;
        RuntimeException lastError = null;
        while (true) {
            try {
                last = value.get();
                lastError = null;
                if (condition.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                lastError = e;
            }
            if (System.nanoTime() > deadline) {
                AssertionError failure = new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what
                        + "; last value: " + last);
                if (lastError != null) {
                    failure.initCause(lastError);
                }
                throw failure;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
