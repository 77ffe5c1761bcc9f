package dev.vigil.logging.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class SyslogSenderTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final List<String> reports = new CopyOnWriteArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-14T00:00:00Z"));

    @Test
    void sendsOneDatagramPerMessage() throws Exception {
        try (UdpReceiver receiver = new UdpReceiver();
                SyslogSender sender = SyslogSender.start(SyslogProtocol.UDP, "127.0.0.1", receiver.port(), 100, clock,
                        reports::add)) {
            for (int i = 0; i < 3; i++) {
                assertThat(sender.send(bytes("message " + i))).isTrue();
            }
            for (int i = 0; i < 3; i++) {
                assertThat(text(receiver.next(WAIT))).isEqualTo("message " + i);
            }
            assertThat(sender.target()).isEqualTo("udp://127.0.0.1:" + receiver.port());
        }
    }

    @Test
    void framesTcpMessagesByTheirLengthSoThatTheyMayHoldLineBreaks() throws Exception {
        try (TcpReceiver receiver = new TcpReceiver();
                SyslogSender sender = SyslogSender.start(SyslogProtocol.TCP, "127.0.0.1", receiver.port(), 100, clock,
                        reports::add)) {
            sender.send(bytes("first line\nsecond line"));
            sender.send(bytes("ünïcödé"));
            assertThat(text(receiver.next(WAIT))).isEqualTo("first line\nsecond line");
            assertThat(text(receiver.next(WAIT))).isEqualTo("ünïcödé");
        }
    }

    @Test
    void reconnectsToAReceiverThatCameBackWithoutLosingTheNextMessage() throws Exception {
        TcpReceiver first = new TcpReceiver();
        int port = first.port();
        try (SyslogSender sender = new SyslogSender(new TcpTransport("127.0.0.1", port, Duration.ofSeconds(2)), 100,
                Duration.ofMillis(10), Duration.ofMillis(200), clock, reports::add)) {
            sender.send(bytes("before"));
            assertThat(text(first.next(WAIT))).isEqualTo("before");
            first.close();
            try (TcpReceiver second = new TcpReceiver(port)) {
                sender.send(bytes("after"));
                assertThat(text(second.next(WAIT))).isEqualTo("after");
                assertThat(second.connections()).isEqualTo(1);
            }
            assertThat(sender.dropped()).isZero();
            assertThat(sender.failed()).isZero();
        }
    }

    @Test
    void keepsTheMessageUntilAnAbsentReceiverComesUpAndReportsBoth() throws Exception {
        int port = freePort();
        try (SyslogSender sender = new SyslogSender(new TcpTransport("127.0.0.1", port, Duration.ofSeconds(2)), 100,
                Duration.ofMillis(10), Duration.ofMillis(200), clock, reports::add)) {
            sender.send(bytes("waiting"));
            awaitReport("failed, retrying");
            try (TcpReceiver receiver = new TcpReceiver(port)) {
                assertThat(text(receiver.next(WAIT))).isEqualTo("waiting");
                awaitReport("is connected again");
            }
            assertThat(sender.failed()).isZero();
        }
    }

    @Test
    void dropsWhatDoesNotFitTheQueueAndReportsItOnceAMinute() throws Exception {
        int port = freePort();
        try (SyslogSender sender = new SyslogSender(new TcpTransport("127.0.0.1", port, Duration.ofSeconds(2)), 2,
                Duration.ofMillis(10), Duration.ofMillis(50), clock, reports::add)) {
            int refused = 0;
            for (int i = 0; i < 10; i++) {
                if (!sender.send(bytes("m" + i))) {
                    refused++;
                }
            }
            assertThat(refused).isBetween(7, 8);
            assertThat(sender.dropped()).isEqualTo(refused);
            awaitReport("failed, retrying");
            assertThat(reports).noneMatch(r -> r.contains("dropped"));
            clock.advance(Duration.ofSeconds(61));
            awaitReport("dropped " + refused + " messages because its queue was full");
        }
    }

    @Test
    void closingSendsWhatIsQueued() throws Exception {
        try (TcpReceiver receiver = new TcpReceiver()) {
            SyslogSender sender = SyslogSender.start(SyslogProtocol.TCP, "127.0.0.1", receiver.port(), 1000, clock,
                    reports::add);
            for (int i = 0; i < 200; i++) {
                sender.send(bytes("m" + i));
            }
            sender.close();
            List<String> got = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                got.add(text(receiver.next(WAIT)));
            }
            assertThat(got).startsWith("m0", "m1").endsWith("m199").doesNotHaveDuplicates();
            assertThat(sender.send(bytes("late"))).isFalse();
        }
    }

    private void awaitReport(String part) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (reports.stream().noneMatch(r -> r.contains(part))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no report containing '" + part + "' in " + reports);
            }
            Thread.sleep(10);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
