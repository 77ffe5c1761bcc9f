package dev.vigil.logging.logback;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.vigil.logging.syslog.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.MDC;

/**
 * A Logback context of its own, as the launcher leaves it (one appender on the root logger, here a list), and outputs
 * on it whose console writes to captured streams.
 */
final class Fixture implements AutoCloseable {

    final LoggerContext context = new LoggerContext();
    final ListAppender<ILoggingEvent> launcher = new ListAppender<>();
    /**
     * Noon today: the file output's first day is the system's (Logback takes it from the system clock at start), and
     * days then pass only when a test moves this clock, even if the real date changes meanwhile.
     */
    final MutableClock clock = new MutableClock(
            LocalDate.now().atTime(LocalTime.NOON).atZone(ZoneId.systemDefault()).toInstant());
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final LogbackOutputs outputs;

    Fixture() {
        this(false, Map.of());
    }

    Fixture(boolean terminal, Map<String, String> env) {
        context.setName("test");
        context.setMDCAdapter(MDC.getMDCAdapter());
        context.start();
        launcher.setContext(context);
        launcher.setName("launcher");
        launcher.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(launcher);
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        outputs = new LogbackOutputs(context, clock, new ConsoleEnvironment(() -> o, () -> e, terminal, env));
    }

    Logger logger(String name) {
        return context.getLogger(name);
    }

    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    List<String> stdoutLines() {
        return stdout().lines().toList();
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited in vain for " + what);
            }
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        outputs.close();
        context.stop();
    }
}
