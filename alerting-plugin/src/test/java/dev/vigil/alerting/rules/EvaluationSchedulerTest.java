package dev.vigil.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EvaluationSchedulerTest {

    @Test
    void runsATaskDueNowOnTheExecutorAndCancelsOneNotDue() throws InterruptedException {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            MutableClock clock = new MutableClock(Instant.parse("2024-05-01T00:00:00Z"));
            EvaluationScheduler scheduler = EvaluationScheduler.using(executor, clock);
            CountDownLatch ran = new CountDownLatch(1);
            CountDownLatch never = new CountDownLatch(1);

            scheduler.schedule(ran::countDown, clock.instant().minusSeconds(1));
            scheduler.schedule(never::countDown, clock.instant().plusSeconds(3600)).cancel();

            assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
            executor.shutdown();
            assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            assertThat(never.getCount()).isEqualTo(1);
        } finally {
            executor.shutdownNow();
        }
    }
}
