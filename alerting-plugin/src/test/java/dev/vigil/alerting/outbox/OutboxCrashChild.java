package dev.vigil.alerting.outbox;

import dev.vigil.kernel.schedule.KernelScheduler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The outbox in a process of its own, for {@link OutboxCrashTest} to kill. Arguments: the data directory, the
 * receiving URL, then {@code submit ID…} or {@code resume}. It prints {@code SUBMITTED id} once a submit has
 * returned and {@code IDLE} whenever nothing is pending, and runs until killed or until its standard input closes.
 */
public final class OutboxCrashChild {

    private OutboxCrashChild() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Path dataDir = Path.of(args[0]);
        URI uri = URI.create(args[1]);
        ChannelDirectory directory = new ChannelDirectory();
        directory.put("team", List.of(ChannelIntegration.available("webhook[0]", "webhook", new HttpTestingChannel(uri))));
        KernelScheduler scheduler = new KernelScheduler(1);
        Outbox outbox = Outbox.builder(dataDir, directory, scheduler).workers(2).backoff(Duration.ofMillis(20), Duration.ofMillis(100)).open();
        Thread stdin = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // the parent writes nothing; end of input means the parent is gone
                }
            } catch (IOException e) {
                System.out.println("STDIN " + e);
            }
            System.exit(3);
        }, "parent-watch");
        stdin.setDaemon(true);
        stdin.start();
        if (args[2].equals("submit")) {
            for (int i = 3; i < args.length; i++) {
                outbox.submit(Notifications.firing(args[i], "team"));
                System.out.println("SUBMITTED " + args[i]);
            }
        }
        boolean wasIdle = false;
        while (true) {
            boolean idle = outbox.status().pending() == 0;
            if (idle && !wasIdle) {
                System.out.println("IDLE");
            }
            wasIdle = idle;
            Thread.sleep(10);
        }
    }
}
