package dev.vigil.logging.logback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.config.ByteSize;
import dev.vigil.logging.Masker;
import dev.vigil.logging.syslog.Facility;
import dev.vigil.logging.syslog.Rfc5424Formatter;
import dev.vigil.logging.syslog.Rfc5424Parser;
import dev.vigil.logging.syslog.SyslogProtocol;
import dev.vigil.logging.syslog.SyslogSettings;
import dev.vigil.logging.syslog.TcpReceiver;
import dev.vigil.logging.syslog.UdpReceiver;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The syslog output through real Logback and real sockets, read back with a strict RFC 5424 parser. */
class SyslogOutputTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static OutputSettings syslog(SyslogProtocol protocol, int port) {
        return OutputSettings.defaults()
                .withConsole(new ConsoleSettings(false, LogFormat.TEXT, ColorMode.NEVER, ConsoleTarget.AUTO))
                .withStore(new StoreOutputSettings(false, 1, "vigil", Duration.ZERO))
                .withSyslog(new SyslogSettings(true, "127.0.0.1", port, protocol, Facility.LOCAL5, "vigil",
                        ByteSize.ofBytes(65507)));
    }

    @Test
    void sendsEventsOverTcpWithTheirTraceIdsAndStackTraces() throws Exception {
        try (Tracing tracing = new Tracing(); TcpReceiver receiver = new TcpReceiver(); Fixture f = new Fixture();
                URLClassLoader plugin = new URLClassLoader("plugin:alerting", new URL[0], getClass().getClassLoader())) {
            f.outputs.apply(syslog(SyslogProtocol.TCP, receiver.port()), Masker.NONE);
            Logger log = f.logger("dev.vigil.alerting.notify.Webhook");
            Span span = tracing.start("notify");
            SpanContext ids = span.getSpanContext();
            Instant before = Instant.now();
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(plugin);
            try (Scope scope = span.makeCurrent()) {
                log.atError().addKeyValue("receiver", "ops").setCause(new IllegalStateException("503 from hook"))
                        .log("delivery failed");
            } finally {
                thread.setContextClassLoader(previous);
                span.end();
            }

            Rfc5424Parser.Message m = Rfc5424Parser.parse(receiver.next(WAIT));
            assertThat(m.facility()).isEqualTo(21);
            assertThat(m.severity()).isEqualTo(3);
            assertThat(m.version()).isEqualTo(1);
            assertThat(m.timestamp()).hasValueSatisfying(t -> assertThat(t.toInstant())
                    .isBetween(before.minusMillis(1), Instant.now()));
            assertThat(m.hostname()).isEqualTo(HostInfo.local().hostName());
            assertThat(m.appName()).isEqualTo("vigil");
            assertThat(m.procId()).isEqualTo(Long.toString(ProcessHandle.current().pid()));
            assertThat(m.msgId()).isEqualTo("Webhook");
            assertThat(m.structuredData()).singleElement().satisfies(e -> {
                assertThat(e.id()).isEqualTo(Rfc5424Formatter.SD_ID);
                assertThat(e.params()).containsExactly(
                        Map.entry("trace_id", ids.getTraceId()),
                        Map.entry("span_id", ids.getSpanId()),
                        Map.entry("plugin", "alerting"),
                        Map.entry("logger", "dev.vigil.alerting.notify.Webhook"),
                        Map.entry("receiver", "ops"));
            });
            assertThat(m.bom()).isTrue();
            assertThat(m.text()).startsWith("delivery failed\njava.lang.IllegalStateException: 503 from hook\n\tat ");
        }
    }

    @Test
    void switchingFromUdpToTcpAtRunTimeRebuildsTheOutput() throws Exception {
        try (UdpReceiver udp = new UdpReceiver(); TcpReceiver tcp = new TcpReceiver(); Fixture f = new Fixture()) {
            f.outputs.apply(syslog(SyslogProtocol.UDP, udp.port()), Masker.NONE);
            f.logger("a.B").info("over udp");
            assertThat(Rfc5424Parser.parse(udp.next(WAIT)).text()).isEqualTo("over udp");

            f.outputs.apply(syslog(SyslogProtocol.TCP, tcp.port()), Masker.NONE);
            f.logger("a.B").info("over tcp");
            Rfc5424Parser.Message m = Rfc5424Parser.parse(tcp.next(WAIT));
            assertThat(m.text()).isEqualTo("over tcp");
            assertThat(m.severity()).isEqualTo(6);
            assertThat(f.outputs.stats().syslogDropped()).isZero();
        }
    }

    @Test
    void aReceiverThatIsDownNeverHoldsUpTheLoggingThread() throws Exception {
        int port;
        try (TcpReceiver probe = new TcpReceiver()) {
            port = probe.port();
        }
        try (Fixture f = new Fixture()) {
            f.outputs.apply(syslog(SyslogProtocol.TCP, port).withConsole(ConsoleSettings.defaults()), Masker.NONE);
            for (int i = 0; i < 10_000; i++) {
                f.logger("a.B").info("event {}", i);
            }
            // every event reached the console while syslog could take none of them
            assertThat(f.stdoutLines()).filteredOn(l -> l.contains(" - event ")).hasSize(10_000);
            assertThat(f.outputs.stats().syslogDropped()).isGreaterThan(0);
            Fixture.await(() -> f.stdout().contains("syslog output to tcp://127.0.0.1:" + port + " failed, retrying"),
                    "the failure to be reported");
        }
    }
}
