package dev.vigil.logging.logback;

import dev.vigil.api.logs.LogRecord;
import dev.vigil.logging.LogSink;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Keeps what it is given; can be made to hold its caller until released, or to refuse batches. */
final class TestingSink implements LogSink {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    private final CountDownLatch entered = new CountDownLatch(1);
    private volatile CountDownLatch release = new CountDownLatch(0);
    private volatile boolean refuse;

    /** From now on, the next batch holds the store output's thread until {@link #release()}. */
    void hold() {
        release = new CountDownLatch(1);
    }

    void release() {
        release.countDown();
    }

    /** Waits until a batch is being held. */
    void awaitHeld() throws InterruptedException {
        if (!entered.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the sink was not called");
        }
    }

    void refuse(boolean refuse) {
        this.refuse = refuse;
    }

    @Override
    public void accept(List<LogRecord> batch) {
        entered.countDown();
        try {
            if (!release.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the sink was never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (refuse) {
            throw new java.io.UncheckedIOException(new java.io.IOException("disk full"));
        }
        batchSizes.add(batch.size());
        records.addAll(batch);
    }

    List<LogRecord> records() {
        return records;
    }

    List<Integer> batchSizes() {
        return batchSizes;
    }

    /** Waits until a record {@code matches} arrives, and returns it. */
    LogRecord await(Predicate<LogRecord> matches) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            for (LogRecord r : records) {
                if (matches.test(r)) {
                    return r;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no such record among " + records);
            }
            Thread.sleep(10);
        }
    }

    /** Waits until a record with body {@code body} arrives. */
    LogRecord await(String body) throws InterruptedException {
        return await(r -> r.body().equals(body));
    }
}
