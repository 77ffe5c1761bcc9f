package dev.vigil.alerting.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.testkit.Await;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox in a child JVM, killed with {@code destroyForcibly} (SIGKILL) and started again, delivering to a local
 * HTTP receiver that counts every request and dedups nothing.
 */
class OutboxCrashTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private HttpServer server;
    private volatile boolean up;
    private volatile Consumer<String> afterAccepting = id -> {};
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    private final List<String> acceptedInOrder = new CopyOnWriteArrayList<>();
    private final List<Child> children = new ArrayList<>();

    @BeforeEach
    void startReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", this::receive);
        server.start();
    }

    @AfterEach
    void stop() {
        children.forEach(Child::kill);
        server.stop(0);
    }

    private void receive(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestHeaders().getFirst("X-Notification-Id");
        exchange.getRequestBody().readAllBytes();
        requests.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        if (!up) {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        accepted.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        acceptedInOrder.add(id);
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
        afterAccepting.accept(id);
    }

    @Test
    void aNotificationPendingWhenTheProcessIsKilledArrivesExactlyOnceAfterTheRestart() throws Exception {
        Child first = start("submit", "crash-1");
        first.await("SUBMITTED crash-1");
        Await.until("attempts against the receiver while it is down", WAIT, () -> count(requests, "crash-1"), n -> n >= 3);
        first.kill();
        int acceptedBeforeKill = count(accepted, "crash-1");

        up = true;
        Child second = start("resume");
        second.await("IDLE");
        assertThat(count(accepted, "crash-1")).isEqualTo(1);

        // killed again after the delivery was recorded, and started once more: nothing is sent again
        second.kill();
        Child third = start("resume");
        third.await("IDLE");
        third.kill();

        assertThat(acceptedBeforeKill).as("no 2xx before the kill, so the window between 2xx and record was not hit").isZero();
        assertThat(count(accepted, "crash-1")).as("arrived exactly once").isEqualTo(1);
        System.out.printf("crash test: %d attempts refused while down, 1 accepted after restart, %d accepted in all%n",
                count(requests, "crash-1") - 1, count(accepted, "crash-1"));
    }

    @Test
    void aKillRightAfterTheReceiverAcceptsRepeatsAtMostThatOneNotification() throws Exception {
        List<String> ids = IntStream.range(0, 12).mapToObj(i -> "w-" + i).toList();
        List<String> args = new ArrayList<>(List.of("submit"));
        args.addAll(ids);
        Child first = start(args.toArray(String[]::new));
        first.await("SUBMITTED w-11");
        // the kill is sent the moment the receiver has answered 200 to w-4: the child is then between reading the
        // answer and forcing the record of it to disk, the one window where a repeat is possible
        afterAccepting = id -> {
            if (id.equals("w-4")) {
                first.kill();
            }
        };
        up = true;
        first.awaitExit();
        afterAccepting = id -> {};

        Child second = start("resume");
        second.await("IDLE");
        second.kill();

        for (String id : ids) {
            assertThat(count(accepted, id)).as("%s arrived", id).isGreaterThanOrEqualTo(1);
        }
        List<String> repeated = ids.stream().filter(id -> count(accepted, id) > 1).toList();
        assertThat(repeated).as("only the notification acknowledged at the kill may repeat").isSubsetOf(List.of("w-4"));
        assertThat(count(accepted, "w-4")).isLessThanOrEqualTo(2);
        List<String> firstArrivals = acceptedInOrder.stream().distinct().toList();
        assertThat(firstArrivals).as("in order").isEqualTo(ids);
        System.out.printf("crash window test: killed right after w-4 was accepted; window hit: %s (w-4 accepted %d times)%n",
                repeated.isEmpty() ? "no" : "yes", count(accepted, "w-4"));
    }

    private static int count(Map<String, AtomicInteger> counts, String id) {
        AtomicInteger n = counts.get(id);
        return n == null ? 0 : n.get();
    }

    private Child start(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("-Xshare:auto");
        command.add("-XX:TieredStopAtLevel=1");
        command.add(OutboxCrashChild.class.getName());
        command.add(dir.toString());
        command.add("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
        Collections.addAll(command, args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Child child = new Child(process);
        children.add(child);
        return child;
    }

    /** A child JVM and what it has printed. */
    private static final class Child {

        private final Process process;
        private final List<String> lines = new CopyOnWriteArrayList<>();

        Child(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    lines.add("reader: " + e);
                }
            }, "child-output");
            reader.setDaemon(true);
            reader.start();
        }

        void await(String line) {
            Await.until("child to print " + line + " (printed so far: " + lines + ", alive: " + process.isAlive() + ")", WAIT,
                    () -> lines.contains(line), found -> found || !process.isAlive());
            assertThat(lines).as("child output; exit %s", process.isAlive() ? "none" : process.exitValue()).contains(line);
        }

        void kill() {
            process.destroyForcibly();
            awaitExit();
        }

        void awaitExit() {
            Await.until("child to exit", WAIT, process::isAlive, alive -> !alive);
        }
    }
}
