package dev.vigil.alerting.outbox;

import dev.vigil.api.alerting.DeliveryResult;
import dev.vigil.api.alerting.Notification;
import dev.vigil.api.alerting.NotificationChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A channel for tests: answers from a script of results (then delivers), records every attempt and every
 * notification it accepted, and notes how many attempts ever ran at once. Thread-safe.
 */
final class TestingChannel implements NotificationChannel {

    private final Deque<Function<Notification, DeliveryResult>> script = new ArrayDeque<>();
    private final List<String> attempts = new ArrayList<>();
    private final List<String> delivered = new ArrayList<>();
    private final AtomicInteger concurrent = new AtomicInteger();
    private final AtomicInteger maxConcurrent = new AtomicInteger();
    private boolean closed;
    private int failEvery;

    /** The next {@code n} attempts fail with {@code RETRY}. */
    synchronized TestingChannel failTimes(int n) {
        for (int i = 0; i < n; i++) {
            script.add(notification -> DeliveryResult.retry("HTTP 503 Service Unavailable"));
        }
        return this;
    }

    /** From now on, every {@code k}-th attempt fails with {@code RETRY} (when the script is empty). */
    synchronized TestingChannel failEvery(int k) {
        this.failEvery = k;
        return this;
    }

    /** The next attempt gets {@code result}. */
    synchronized TestingChannel then(DeliveryResult result) {
        script.add(notification -> result);
        return this;
    }

    /** The next attempt throws {@code failure}. */
    synchronized TestingChannel thenThrow(RuntimeException failure) {
        script.add(notification -> {
            throw failure;
        });
        return this;
    }

    /** The next attempt runs {@code action}, which decides the result. */
    synchronized TestingChannel thenDo(Function<Notification, DeliveryResult> action) {
        script.add(action);
        return this;
    }

    @Override
    public DeliveryResult deliver(Notification notification) {
        int now = concurrent.incrementAndGet();
        maxConcurrent.accumulateAndGet(now, Math::max);
        try {
            Function<Notification, DeliveryResult> step;
            synchronized (this) {
                attempts.add(notification.id());
                step = script.poll();
                if (step == null && failEvery > 0 && attempts.size() % failEvery == 0) {
                    step = n -> DeliveryResult.retry("HTTP 502 Bad Gateway");
                }
            }
            DeliveryResult result = step != null ? step.apply(notification) : DeliveryResult.delivered("HTTP 200");
            if (result.outcome() == DeliveryResult.Outcome.DELIVERED) {
                synchronized (this) {
                    delivered.add(notification.id());
                }
            }
            return result;
        } finally {
            concurrent.decrementAndGet();
        }
    }

    /** The ids of every attempt, in order. */
    synchronized List<String> attempts() {
        return List.copyOf(attempts);
    }

    /** The ids of the notifications accepted, in order. */
    synchronized List<String> delivered() {
        return List.copyOf(delivered);
    }

    /** The most attempts that ever ran at the same time. */
    int maxConcurrent() {
        return maxConcurrent.get();
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    synchronized boolean closed() {
        return closed;
    }
}
