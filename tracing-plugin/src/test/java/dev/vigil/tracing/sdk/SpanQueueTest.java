package dev.vigil.tracing.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SpanQueueTest {

    /** A provider with a processor (exporting nowhere), so that its spans are recorded: the queue holds recorded spans. */
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(SpanExporter.composite()))
            .build();
    private final Tracer tracer = provider.get("test");

    @AfterEach
    void close() {
        provider.close();
    }

    private ReadableSpan span(String name) {
        return (ReadableSpan) tracer.spanBuilder(name).startSpan();
    }

    @Test
    void holdsAtMostItsCapacityAndGivesSpansBackInOrder() {
        SpanQueue queue = new SpanQueue(3);
        ReadableSpan a = span("a");
        ReadableSpan b = span("b");
        ReadableSpan c = span("c");
        assertThat(queue.offer(a)).isEqualTo(1);
        assertThat(queue.offer(b)).isEqualTo(2);
        assertThat(queue.offer(c)).isEqualTo(3);
        assertThat(queue.offer(span("d"))).isEqualTo(SpanQueue.FULL);
        assertThat(queue.size()).isEqualTo(3);

        assertThat(queue.poll()).isSameAs(a);
        assertThat(queue.offer(span("e"))).as("room again once one is taken").isEqualTo(3);
        assertThat(queue.poll()).isSameAs(b);
        assertThat(queue.poll()).isSameAs(c);
        assertThat(queue.poll().getName()).isEqualTo("e");
        assertThat(queue.poll()).isNull();
        assertThat(queue.size()).isZero();
    }

    @Test
    void goesRoundItsSlotsManyTimes() {
        SpanQueue queue = new SpanQueue(5);
        List<ReadableSpan> spans = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            spans.add(span("s" + i));
        }
        for (int round = 0; round < 1_000; round++) {
            int n = 1 + round % 5;
            for (int i = 0; i < n; i++) {
                assertThat(queue.offer(spans.get(i))).isEqualTo(i + 1);
            }
            for (int i = 0; i < n; i++) {
                assertThat(queue.poll()).isSameAs(spans.get(i));
            }
            assertThat(queue.poll()).isNull();
        }
    }

    @Test
    void closingTakesWhatIsQueuedAndRefusesLaterSpans() {
        SpanQueue queue = new SpanQueue(10);
        queue.offer(span("a"));
        queue.offer(span("b"));
        queue.poll();
        queue.offer(span("c"));
        assertThat(queue.close()).isEqualTo(2);
        assertThat(queue.offer(span("late"))).isEqualTo(SpanQueue.CLOSED);
        assertThat(queue.poll()).isNull();
        assertThat(queue.size()).isZero();
        assertThat(queue.close()).as("closing twice").isZero();
    }

    @Test
    void refusesACapacityItCannotHold() {
        assertThatThrownBy(() -> new SpanQueue(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SpanQueue((1 << 30) + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new SpanQueue(1).offer(span("one"))).isEqualTo(1);
    }

    @Test
    void everySpanAddedByManyThreadsIsTakenWhileOthersAreRefusedForAFullQueue() throws Exception {
        SpanQueue queue = new SpanQueue(64);
        int threads = 4;
        int perThread = 20_000;
        List<ReadableSpan> spans = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            spans.add(span("s" + i));
        }
        AtomicInteger added = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger overfilled = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(threads);
        List<Thread> adders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread adder = new Thread(() -> {
                try {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        int size = queue.offer(spans.get(i % spans.size()));
                        if (size > 64) {
                            overfilled.incrementAndGet();
                        }
                        if (size > 0) {
                            added.incrementAndGet();
                        } else {
                            refused.incrementAndGet();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
            adder.start();
            adders.add(adder);
        }
        Set<ReadableSpan> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        long taken = 0;
        go.countDown();
        while (done.getCount() > 0 || queue.size() > 0) {
            ReadableSpan span = queue.poll();
            if (span != null) {
                seen.add(span);
                taken++;
            }
        }
        for (Thread adder : adders) {
            adder.join();
        }
        taken += queue.close();
        assertThat(overfilled.get()).isZero();
        assertThat(refused.get()).isPositive();
        assertThat(added.get() + refused.get()).isEqualTo(threads * perThread);
        assertThat(taken).isEqualTo(added.get());
        assertThat(seen).hasSize(spans.size());
    }
}
