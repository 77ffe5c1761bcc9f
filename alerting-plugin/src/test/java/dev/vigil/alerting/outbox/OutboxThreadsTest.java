package dev.vigil.alerting.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.alerting.DeliveryResult;
import dev.vigil.kernel.schedule.KernelScheduler;
import dev.vigil.testkit.Await;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox on real threads: its own worker pool, a real scheduler and the system clock. */
class OutboxThreadsTest {

    private static final int SUBMITTERS = 4;
    private static final int PER_SUBMITTER = 40;

    @TempDir
    Path dir;

    @Test
    void concurrentSubmissionsReachEachChannelOnceInOrderOneAtATime() throws Exception {
        List<TestingChannel> channels = new ArrayList<>();
        ChannelDirectory directory = new ChannelDirectory();
        for (int r = 0; r < 3; r++) {
            TestingChannel channel = new TestingChannel().failEvery(5);
            channels.add(channel);
            directory.put("r" + r, List.of(ChannelIntegration.available("webhook[0]", "webhook", channel)));
        }
        ExecutorService submitters = Executors.newFixedThreadPool(SUBMITTERS);
        try (KernelScheduler scheduler = new KernelScheduler(1);
                Outbox outbox = Outbox.builder(dir, directory, scheduler).workers(2).backoff(Duration.ofMillis(2), Duration.ofMillis(10)).open()) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < SUBMITTERS; t++) {
                int thread = t;
                done.add(submitters.submit(() -> {
                    start.await();
                    for (int i = 0; i < PER_SUBMITTER; i++) {
                        outbox.submit(Notifications.firing("t" + thread + "-" + i, "r" + (i % 3)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            Await.until("every notification delivered", Duration.ofSeconds(60), () -> outbox.status().pending(), pending -> pending == 0);

            int total = 0;
            for (TestingChannel channel : channels) {
                List<String> delivered = channel.delivered();
                assertThat(delivered).doesNotHaveDuplicates();
                assertThat(channel.maxConcurrent()).as("one attempt at a time per channel").isEqualTo(1);
                for (int t = 0; t < SUBMITTERS; t++) {
                    String prefix = "t" + t + "-";
                    List<Integer> fromThread = delivered.stream().filter(id -> id.startsWith(prefix))
                            .map(id -> Integer.parseInt(id.substring(prefix.length()))).toList();
                    assertThat(fromThread).as("a submitter's notifications arrive in the order it submitted them").isSorted();
                }
                total += delivered.size();
            }
            assertThat(total).isEqualTo(SUBMITTERS * PER_SUBMITTER);
        } finally {
            submitters.shutdownNow();
        }
    }

    @Test
    void closeWaitsForAnAttemptUnderWayAndRecordsIt() throws IOException, InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TestingChannel channel = new TestingChannel().thenDo(n -> {
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return DeliveryResult.delivered("HTTP 200");
        });
        ChannelDirectory directory = new ChannelDirectory();
        directory.put("team", List.of(ChannelIntegration.available("webhook[0]", "webhook", channel)));
        try (KernelScheduler scheduler = new KernelScheduler(1)) {
            Outbox outbox = Outbox.builder(dir, directory, scheduler).workers(1).open();
            outbox.submit(Notifications.firing("n1", "team"));
            inside.await();
            Thread closer = new Thread(outbox::close);
            closer.start();
            Await.until("close waiting for the attempt", Duration.ofSeconds(30), closer::getState, s -> s == Thread.State.TIMED_WAITING);
            release.countDown();
            closer.join();

            try (Outbox reopened = Outbox.builder(dir, directory, scheduler).workers(1).open()) {
                assertThat(reopened.pending()).isEmpty();
            }
            assertThat(channel.attempts()).containsExactly("n1");
        }
    }
}
