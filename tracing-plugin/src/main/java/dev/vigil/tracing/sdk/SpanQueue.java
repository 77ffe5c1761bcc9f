package dev.vigil.tracing.sdk;

import io.opentelemetry.sdk.trace.ReadableSpan;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * The bounded queue between the threads that end spans and the one export thread of a {@link BatchingSpanProcessor}:
 * any number of threads add, one thread takes. It is a fixed ring of slots, so that adding allocates nothing and costs
 * one compare-and-set: an adder claims the next slot by moving the tail, then stores its span there; a full queue is
 * seen from two reads, without writing anything. The taker reads the slot at the head; a slot claimed but not yet
 * stored reads as empty until it is.
 *
 * <p>{@link #close()} stops further adds for good and takes every span still queued, including those claimed but not
 * yet stored, so that the processor can count each one it loses.
 *
 * <p>{@link #offer} is thread-safe; {@link #poll()} and {@link #close()} are called by one thread at a time.
 */
final class SpanQueue {

    /** What {@link #offer} returns when the queue already holds as many spans as it may. */
    static final int FULL = -1;
    /** What {@link #offer} returns once the queue is closed. */
    static final int CLOSED = -2;

    /** Set in the tail once the queue is closed: no slot is claimed after that. */
    private static final long CLOSED_BIT = Long.MIN_VALUE;
    /** How long {@link #close()} waits for a claimed slot to be stored, in case its adder died in between. */
    private static final long STORE_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final int capacity;
    private final int mask;
    private final AtomicReferenceArray<@Nullable ReadableSpan> slots;
    /** The next slot to claim; with {@link #CLOSED_BIT} once closed. */
    private final AtomicLong tail = new AtomicLong();
    /** The next slot to take; moved by the taker only. */
    private final AtomicLong head = new AtomicLong();

    /**
     * A queue holding at most {@code capacity} spans.
     *
     * @throws IllegalArgumentException if {@code capacity} is not from 1 to 2^30
     */
    SpanQueue(int capacity) {
        if (capacity < 1 || capacity > 1 << 30) {
            throw new IllegalArgumentException("capacity must be from 1 to 2^30, got " + capacity);
        }
        this.capacity = capacity;
        int slotCount = capacity == 1 ? 1 : Integer.highestOneBit(capacity - 1) << 1;
        this.mask = slotCount - 1;
        this.slots = new AtomicReferenceArray<>(slotCount);
    }

    /**
     * Adds {@code span} at the tail.
     *
     * @return how many spans are queued with it, or {@link #FULL} or {@link #CLOSED} when it was not added
     */
    int offer(ReadableSpan span) {
        while (true) {
            long t = tail.get();
            if (t < 0) {
                return CLOSED;
            }
            long queued = t - head.get();
            if (queued >= capacity) {
                return FULL;
            }
            if (tail.compareAndSet(t, t + 1)) {
                // the slot is free: the taker emptied it before it moved the head past it, and the head is past it
                slots.lazySet(index(t), span);
                return (int) (queued + 1);
            }
        }
    }

    /** Takes the span at the head; null when the queue is empty or its head slot is claimed but not yet stored. */
    @Nullable ReadableSpan poll() {
        long h = head.get();
        int i = index(h);
        ReadableSpan span = slots.get(i);
        if (span == null) {
            return null;
        }
        slots.lazySet(i, null);
        head.lazySet(h + 1);
        return span;
    }

    /** About how many spans are queued: exact when nothing is being added or taken. */
    int size() {
        long queued = (tail.get() & ~CLOSED_BIT) - head.get();
        return (int) Math.max(0, Math.min(capacity, queued));
    }

    /**
     * Refuses every later add and takes the spans still queued.
     *
     * @return how many spans it took; they were neither exported nor counted before
     */
    int close() {
        long end;
        while (true) {
            long t = tail.get();
            if (t < 0) {
                end = t & ~CLOSED_BIT;
                break;
            }
            if (tail.compareAndSet(t, t | CLOSED_BIT)) {
                end = t;
                break;
            }
        }
        int taken = 0;
        long deadline = System.nanoTime() + STORE_WAIT_NANOS;
        for (long h = head.get(); h < end; h++) {
            int i = index(h);
            // an adder between claiming its slot and storing its span is a few instructions away from storing it
            while (slots.get(i) == null && System.nanoTime() < deadline) {
                Thread.yield();
            }
            slots.set(i, null);
            head.lazySet(h + 1);
            taken++;
        }
        return taken;
    }

    private int index(long position) {
        return (int) position & mask;
    }
}
