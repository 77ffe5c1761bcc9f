package dev.vigil.benchmarks.logs;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import net.logstash.logback.encoder.LogstashEncoder;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The baseline: plain Logback in a context of its own, its root logger at INFO writing through Logback's rolling file
 * appender (size and time, rolled as the plugin's file output rolls) with a {@link LogstashEncoder} set up exactly as
 * the logging plugin sets up its JSON file output. Nothing else: no redaction, no correlation, no store. Thread-safe
 * after set-up.
 */
@State(Scope.Benchmark)
public class PlainLogback {

    private static final String FILE_NAME = "plain.log";

    /** What runs between set-up and tear-down. */
    private record Running(Path folder, LoggerContext context, Logger[] loggers) {}

    private @Nullable Running running;

    /** Makes the context and the file appender in a new temporary folder. */
    @Setup(Level.Trial)
    public void start() throws IOException {
        Path folder = Files.createTempDirectory("vigil-log-throughput-plain-");
        LoggerContext context = LogContexts.start("plain");
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        encoder.setIncludeContext(false);
        encoder.setIncludeCallerData(false);
        encoder.setIncludeMdc(true);
        encoder.setIncludeKeyValuePairs(true);
        encoder.setIncludeTags(true);
        encoder.setIncludeStructuredArguments(false);
        encoder.setIncludeNonStructuredArguments(false);
        encoder.start();

        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("file");
        Path file = folder.resolve(FILE_NAME);
        appender.setFile(file.toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(folder.resolve("plain.%d{yyyy-MM-dd}.%i.log" + (LogContexts.COMPRESS ? ".gz" : "")).toString());
        policy.setMaxFileSize(new FileSize(LogContexts.MAX_FILE_SIZE.bytes()));
        policy.setMaxHistory(LogContexts.MAX_HISTORY);
        policy.setTotalSizeCap(new FileSize(LogContexts.TOTAL_SIZE_CAP.bytes()));
        policy.start();
        appender.setRollingPolicy(policy);
        appender.start();
        if (!appender.isStarted()) {
            throw new IllegalStateException("the file appender did not start: " + context.getStatusManager().getCopyOfStatusList());
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(ch.qos.logback.classic.Level.INFO);
        root.addAppender(appender);
        running = new Running(folder, context, LogContexts.loggers(context));
    }

    /** Logs {@code call}. */
    void log(LogCall call) {
        call.emit(running().loggers()[call.logger()]);
    }

    /** Stops the context, shows a line it wrote, and deletes the folder. */
    @TearDown(Level.Trial)
    public void stop() throws IOException {
        Running r = running();
        running = null;
        r.context().stop();
        System.out.printf(Locale.ROOT, "plain Logback: JSON files %,d bytes at the end; a line of the mix as written:%n%s%n",
                LogContexts.size(r.folder()), LogContexts.firstLineWith(r.folder().resolve(FILE_NAME), LogMix.SAMPLE));
        LogContexts.deleteTree(r.folder());
    }

    private Running running() {
        Running r = running;
        if (r == null) {
            throw new IllegalStateException("not started");
        }
        return r;
    }
}
