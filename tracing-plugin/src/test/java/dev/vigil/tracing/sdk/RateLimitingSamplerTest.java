package dev.vigil.tracing.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.testkit.TestingClock;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RateLimitingSamplerTest {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

    private final TestingClock clock = new TestingClock();

    private static boolean sampled(RateLimitingSampler sampler) {
        return sampler.shouldSample(Context.root(), TRACE_ID, "op", SpanKind.INTERNAL, Attributes.empty(), List.of()).getDecision()
                == SamplingDecision.RECORD_AND_SAMPLE;
    }

    private static int offer(RateLimitingSampler sampler, int spans) {
        int kept = 0;
        for (int i = 0; i < spans; i++) {
            if (sampled(sampler)) {
                kept++;
            }
        }
        return kept;
    }

    @Test
    void startsWithOneSecondsWorthThenHoldsTheRate() {
        RateLimitingSampler sampler = new RateLimitingSampler(100, clock);
        assertThat(offer(sampler, 1000)).as("the burst at the start").isEqualTo(100);

        // 5000 spans a second offered for ten seconds, in 1ms steps: each second keeps exactly 100
        List<Integer> perSecond = new ArrayList<>();
        for (int second = 0; second < 10; second++) {
            int kept = 0;
            for (int ms = 0; ms < 1000; ms++) {
                clock.advance(Duration.ofMillis(1));
                kept += offer(sampler, 5);
            }
            perSecond.add(kept);
        }
        assertThat(perSecond).containsOnly(100);
    }

    @Test
    void aSlowStreamIsKeptWhole() {
        RateLimitingSampler sampler = new RateLimitingSampler(100, clock);
        int kept = 0;
        for (int i = 0; i < 1000; i++) {
            clock.advance(Duration.ofMillis(20));
            kept += offer(sampler, 1);
        }
        assertThat(kept).isEqualTo(1000);
    }

    @Test
    void anIdleSamplerSavesAtMostOneSecondsWorth() {
        RateLimitingSampler sampler = new RateLimitingSampler(50, clock);
        offer(sampler, 1000);
        clock.advance(Duration.ofHours(1));
        assertThat(offer(sampler, 1000)).isEqualTo(50);
    }

    @Test
    void aRateBelowOneKeepsOneSpanPerInterval() {
        RateLimitingSampler sampler = new RateLimitingSampler(0.5, clock);
        assertThat(offer(sampler, 10)).isEqualTo(1);
        clock.advance(Duration.ofMillis(1999));
        assertThat(offer(sampler, 10)).isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(offer(sampler, 10)).isEqualTo(1);
        clock.advance(Duration.ofSeconds(60));
        assertThat(offer(sampler, 10)).as("a bucket of one span holds one span").isEqualTo(1);
    }

    @Test
    void concurrentDecisionsNeverExceedTheBucket() throws Exception {
        RateLimitingSampler sampler = new RateLimitingSampler(1000, clock);
        AtomicInteger kept = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                kept.addAndGet(offer(sampler, 2000));
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(kept.get()).as("the clock stood still: exactly one bucket").isEqualTo(1000);
    }

    @Test
    void refusesARateOutOfRange() {
        assertThatThrownBy(() -> new RateLimitingSampler(0, clock)).hasMessageContaining("spansPerSecond must be above 0");
        assertThatThrownBy(() -> new RateLimitingSampler(Double.NaN, clock)).hasMessageContaining("spansPerSecond must be above 0");
        assertThatThrownBy(() -> new RateLimitingSampler(2e6, clock)).hasMessageContaining("at most 1000000");
    }

    @Test
    void describesItself() {
        assertThat(new RateLimitingSampler(25, clock).getDescription()).isEqualTo("RateLimitingSampler{25.0/s}");
    }
}
