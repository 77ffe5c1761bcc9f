package dev.vigil.tracing.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testkit.Await;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchingSpanProcessorTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration NEVER = Duration.ofHours(1);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Counter exported = meters.counter("spans", "outcome", "exported");
    private final Counter failed = meters.counter("spans", "outcome", "failed");
    private final Counter dropped = meters.counter("spans", "outcome", "dropped");
    private final TestingExporter exporter = new TestingExporter();
    private BatchingSpanProcessor processor;
    private SdkTracerProvider provider;
    private Tracer tracer;

    private void start(BatchSettings settings) {
        start(settings, Sampler.alwaysOn());
    }

    private void start(BatchSettings settings, Sampler sampler) {
        processor = BatchingSpanProcessor.start("test", exporter, settings, exported, failed, dropped);
        provider = SdkTracerProvider.builder().setSampler(sampler).addSpanProcessor(processor).build();
        tracer = provider.get("test");
    }

    @AfterEach
    void stop() {
        exporter.release();
        exporter.mode = Mode.SUCCEED;
        if (provider != null) {
            provider.shutdown().join(10, TimeUnit.SECONDS);
        }
    }

    private void end(int spans) {
        for (int i = 0; i < spans; i++) {
            tracer.spanBuilder("span-" + i).startSpan().end();
        }
    }

    private static long count(Counter counter) {
        return (long) counter.count();
    }

    @Test
    void aFullQueueDropsSpansAndCountsThem() {
        start(new BatchSettings(10, 5, NEVER, Duration.ofSeconds(30)));
        exporter.hold();
        end(5);
        Await.until("the first batch to reach the exporter", WAIT, exporter.entered::get, n -> n == 1);
        int waiting = processor.queued();

        end(25);
        long expectedDrops = 25 - (10 - waiting);
        assertThat(count(dropped)).isEqualTo(expectedDrops);
        assertThat(processor.queued()).isEqualTo(10);

        exporter.release();
        assertThat(processor.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
        assertThat(count(exported)).isEqualTo(30 - expectedDrops);
        assertThat(exporter.spans()).isEqualTo(30 - expectedDrops);
        assertThat(count(dropped)).isEqualTo(expectedDrops);
        assertThat(count(failed)).isZero();
    }

    @Test
    void aFullBatchIsExportedWithoutWaitingForTheDelay() {
        start(new BatchSettings(100, 5, NEVER, Duration.ofSeconds(30)));
        end(5);
        Await.until("a full batch exported", WAIT, () -> count(exported), n -> n == 5);
        assertThat(exporter.batchSizes()).containsExactly(5);
    }

    @Test
    void aPartialBatchIsExportedAfterTheDelay() {
        start(new BatchSettings(100, 50, Duration.ofMillis(20), Duration.ofSeconds(30)));
        end(3);
        Await.until("a partial batch exported on schedule", WAIT, () -> count(exported), n -> n == 3);
    }

    @Test
    void batchesHoldAtMostTheBatchSize() {
        start(new BatchSettings(1000, 7, NEVER, Duration.ofSeconds(30)));
        exporter.hold();
        end(50);
        exporter.release();
        processor.forceFlush().join(10, TimeUnit.SECONDS);
        assertThat(exporter.batchSizes()).allSatisfy(size -> assertThat(size).isBetween(1, 7));
        assertThat(exporter.spans()).isEqualTo(50);
    }

    @Test
    void forceFlushExportsWhatIsQueuedAndFlushesTheExporter() {
        start(new BatchSettings(100, 50, NEVER, Duration.ofSeconds(30)));
        end(7);
        assertThat(processor.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
        assertThat(count(exported)).isEqualTo(7);
        assertThat(exporter.flushes.get()).isEqualTo(1);
    }

    @Test
    void spansThatAreRecordedButNotSampledAreNotExported() {
        Sampler recordOnly = new Sampler() {
            @Override
            public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
                    Attributes attributes, List<LinkData> parentLinks) {
                return SamplingResult.recordOnly();
            }

            @Override
            public String getDescription() {
                return "recordOnly";
            }
        };
        start(new BatchSettings(100, 50, NEVER, Duration.ofSeconds(30)), recordOnly);
        end(10);
        processor.forceFlush().join(10, TimeUnit.SECONDS);
        assertThat(exporter.spans()).isZero();
        assertThat(count(exported) + count(dropped) + count(failed)).isZero();
    }

    @Test
    void failedThrowingAndTimedOutExportsAreCountedAndTheThreadCarriesOn() {
        start(new BatchSettings(100, 50, NEVER, Duration.ofMillis(100)));
        exporter.mode = Mode.FAIL;
        end(3);
        processor.forceFlush().join(10, TimeUnit.SECONDS);
        assertThat(count(failed)).isEqualTo(3);

        exporter.mode = Mode.THROW;
        end(2);
        processor.forceFlush().join(10, TimeUnit.SECONDS);
        assertThat(count(failed)).isEqualTo(5);

        exporter.mode = Mode.HANG;
        end(4);
        processor.forceFlush().join(10, TimeUnit.SECONDS);
        assertThat(count(failed)).isEqualTo(9);

        exporter.mode = Mode.SUCCEED;
        end(6);
        processor.forceFlush().join(10, TimeUnit.SECONDS);
        assertThat(count(exported)).isEqualTo(6);
        assertThat(count(dropped)).isZero();
    }

    @Test
    void shutdownExportsWhatIsLeftThenDropsLateSpans() {
        start(new BatchSettings(100, 50, NEVER, Duration.ofSeconds(30)));
        end(3);
        Span late = tracer.spanBuilder("late").startSpan();
        assertThat(provider.shutdown().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
        assertThat(count(exported)).isEqualTo(3);
        assertThat(exporter.shutDown).isTrue();

        late.end();
        assertThat(count(dropped)).isEqualTo(1);
        assertThat(processor.forceFlush().isSuccess()).isTrue();
        assertThat(processor.shutdown().isSuccess()).as("shutting down twice").isTrue();
    }

    @Test
    void shutdownGivesUpAfterTheExportTimeoutAndCountsTheRest() {
        start(new BatchSettings(100, 5, NEVER, Duration.ofMillis(200)));
        exporter.mode = Mode.HANG;
        end(20);
        CompletableResultCode done = provider.shutdown().join(10, TimeUnit.SECONDS);
        assertThat(done.isDone()).isTrue();
        assertThat(count(exported)).isZero();
        assertThat(count(failed) + count(dropped)).isEqualTo(20);
        assertThat(count(failed)).isPositive();
        assertThat(exporter.shutDown).isTrue();
    }

    @Test
    void manyThreadsNeverOverfillTheQueue() throws Exception {
        start(new BatchSettings(64, 64, NEVER, Duration.ofSeconds(30)));
        exporter.hold();
        end(64);
        Await.until("the first batch to reach the exporter", WAIT, exporter.entered::get, n -> n == 1);
        int waiting = processor.queued();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                end(500);
            });
            thread.start();
            threads.add(thread);
        }
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(processor.queued()).isEqualTo(64);
        assertThat(count(dropped)).isEqualTo(2000 - (64 - waiting));
        exporter.release();
        processor.forceFlush().join(10, TimeUnit.SECONDS);
        assertThat(count(exported) + count(dropped)).isEqualTo(2064);
    }

    enum Mode { SUCCEED, FAIL, THROW, HANG }

    /** An exporter that can be held, made to fail, throw or never answer. */
    static final class TestingExporter implements SpanExporter {
        volatile Mode mode = Mode.SUCCEED;
        volatile boolean shutDown;
        final AtomicInteger entered = new AtomicInteger();
        final AtomicInteger flushes = new AtomicInteger();
        private final List<Integer> batchSizes = new ArrayList<>();
        private volatile CountDownLatch gate = new CountDownLatch(0);

        void hold() {
            gate = new CountDownLatch(1);
        }

        void release() {
            gate.countDown();
        }

        synchronized List<Integer> batchSizes() {
            return List.copyOf(batchSizes);
        }

        synchronized int spans() {
            return batchSizes.stream().mapToInt(Integer::intValue).sum();
        }

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            entered.incrementAndGet();
            try {
                if (!gate.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never opened the gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return CompletableResultCode.ofFailure();
            }
            return switch (mode) {
                case SUCCEED -> {
                    synchronized (this) {
                        batchSizes.add(spans.size());
                    }
                    yield CompletableResultCode.ofSuccess();
                }
                case FAIL -> CompletableResultCode.ofFailure();
                case THROW -> throw new IllegalStateException("exporter bug");
                case HANG -> new CompletableResultCode();
            };
        }

        @Override
        public CompletableResultCode flush() {
            flushes.incrementAndGet();
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            shutDown = true;
            return CompletableResultCode.ofSuccess();
        }
    }
}
