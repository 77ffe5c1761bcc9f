package dev.vigil.logging.logback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.api.config.ByteSize;
import dev.vigil.logging.Masker;
import dev.vigil.logging.syslog.Facility;
import dev.vigil.logging.syslog.SyslogProtocol;
import dev.vigil.logging.syslog.SyslogSettings;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The syslog output received by a real rsyslog, started by the test with a configuration of its own that writes each
 * message's parsed fields to a file. Skipped when {@code rsyslogd} is not installed.
 */
class RsyslogTest {

    private static final String FIELDS = "%pri%|%syslogfacility%|%syslogseverity%|%timereported:::date-rfc3339%|%hostname%"
            + "|%app-name%|%procid%|%msgid%|%structured-data%|%msg%\\n";

    @TempDir
    Path dir;

    @Test
    void rsyslogParsesWhatTheOutputSendsOverUdpAndTcp() throws Exception {
        Optional<Path> rsyslogd = find("rsyslogd");
        assumeTrue(rsyslogd.isPresent(), "rsyslogd is not installed");
        int udp = freePort();
        int tcp = freePort();
        Path out = dir.resolve("received.log");
        Files.createDirectories(dir.resolve("work"));
        Path conf = Files.writeString(dir.resolve("rsyslog.conf"), String.join("\n",
                "global(workDirectory=\"" + dir.resolve("work") + "\")",
                "module(load=\"imudp\")",
                "module(load=\"imtcp\")",
                "input(type=\"imudp\" address=\"127.0.0.1\" port=\"" + udp + "\")",
                "input(type=\"imtcp\" address=\"127.0.0.1\" port=\"" + tcp + "\")",
                "template(name=\"fields\" type=\"string\" string=\"" + FIELDS + "\")",
                "action(type=\"omfile\" file=\"" + out + "\" template=\"fields\")", ""));
        List<String> command = new ArrayList<>(List.of(rsyslogd.get().toString(), "-n", "-f", conf.toString(),
                "-i", dir.resolve("rsyslogd.pid").toString()));
        modules(rsyslogd.get()).ifPresent(m -> command.addAll(List.of("-M", m.toString())));
        Process rsyslog = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("rsyslogd.out").toFile()).start();
        try (Tracing tracing = new Tracing(); Fixture f = new Fixture()) {
            awaitListening(tcp, rsyslog);
            OutputSettings settings = OutputSettings.defaults()
                    .withStore(new StoreOutputSettings(false, 1, "vigil", Duration.ZERO))
                    .withSyslog(new SyslogSettings(true, "127.0.0.1", udp, SyslogProtocol.UDP, Facility.LOCAL5, "vigil",
                            ByteSize.ofBytes(8192)));
            f.outputs.apply(settings, new TestingMasker());
            Span span = tracing.start("checkout");
            SpanContext ids = span.getSpanContext();
            try (Scope scope = span.makeCurrent()) {
                f.logger("dev.vigil.test.Checkout").warn("over udp for {}", TestingMasker.EMAIL);
            } finally {
                span.end();
            }
            String udpLine = awaitLine(out, "over udp", rsyslog);
            String[] fields = udpLine.split("\\|", 10);
            assertThat(fields[0]).isEqualTo("172");
            assertThat(fields[1]).isEqualTo("21");
            assertThat(fields[2]).isEqualTo("4");
            assertThat(fields[3]).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}([+-]\\d{2}:\\d{2}|Z)");
            assertThat(fields[4]).isEqualTo(HostInfo.local().hostName());
            assertThat(fields[5]).isEqualTo("vigil");
            assertThat(fields[6]).isEqualTo(Long.toString(ProcessHandle.current().pid()));
            assertThat(fields[7]).isEqualTo("Checkout");
            assertThat(fields[8]).isEqualTo("[vigil@32473 trace_id=\"" + ids.getTraceId() + "\" span_id=\"" + ids.getSpanId()
                    + "\" logger=\"dev.vigil.test.Checkout\"]");
            assertThat(fields[9]).isEqualTo("\uFEFFover udp for [email]");

            f.outputs.apply(settings.withSyslog(new SyslogSettings(true, "127.0.0.1", tcp, SyslogProtocol.TCP,
                    Facility.LOCAL5, "vigil", ByteSize.ofBytes(8192))), new TestingMasker());
            f.logger("dev.vigil.test.Checkout").error("over tcp", new IllegalStateException("boom"));
            String tcpLine = awaitLine(out, "over tcp", rsyslog);
            assertThat(tcpLine).startsWith("171|21|3|");
            // rsyslog writes the line breaks of the stack trace as #012
            assertThat(tcpLine).contains("|\uFEFFover tcp#012java.lang.IllegalStateException: boom#012#011at ");
            assertThat(Files.readString(out, StandardCharsets.UTF_8)).doesNotContain(TestingMasker.EMAIL);
        } finally {
            rsyslog.destroy();
            if (!rsyslog.waitFor(10, TimeUnit.SECONDS)) {
                rsyslog.destroyForcibly();
            }
        }
    }

    /** Where the shell's {@code command -v} would find {@code name}, looking in the sbin folders as well. */
    private static Optional<Path> find(String name) {
        List<String> folders = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        folders.addAll(List.of("/usr/sbin", "/sbin", "/usr/local/sbin"));
        return folders.stream().filter(s -> !s.isEmpty()).map(s -> Path.of(s, name))
                .filter(Files::isExecutable).findFirst();
    }

    /** The module folder next to an rsyslogd that is not where it was built to look, such as an unpacked package. */
    private static Optional<Path> modules(Path rsyslogd) throws IOException {
        Path lib = rsyslogd.toAbsolutePath().getParent().resolveSibling("lib");
        if (!Files.isDirectory(lib)) {
            return Optional.empty();
        }
        try (Stream<Path> found = Files.find(lib, 3, (p, a) -> p.getFileName().toString().equals("imtcp.so"))) {
            return found.findFirst().map(Path::getParent);
        }
    }

    private static void awaitListening(int port, Process rsyslog) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return;
            } catch (IOException e) {
                if (!rsyslog.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("rsyslogd did not listen on " + port, e);
                }
                Thread.sleep(50);
            }
        }
    }

    private static String awaitLine(Path file, String part, Process rsyslog) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.contains(part)) {
                        return line;
                    }
                }
            }
            if (!rsyslog.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("rsyslogd wrote no line with '" + part + "'");
            }
            Thread.sleep(50);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        }
    }
}
