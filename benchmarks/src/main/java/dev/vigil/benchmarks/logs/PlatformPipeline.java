package dev.vigil.benchmarks.logs;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.vigil.api.config.ByteSize;
import dev.vigil.logging.logback.ColorMode;
import dev.vigil.logging.logback.ConsoleSettings;
import dev.vigil.logging.logback.ConsoleTarget;
import dev.vigil.logging.logback.FileSettings;
import dev.vigil.logging.logback.LogFormat;
import dev.vigil.logging.logback.LogbackOutputs;
import dev.vigil.logging.logback.OutputSettings;
import dev.vigil.logging.logback.OutputStats;
import dev.vigil.logging.logback.StoreOutputSettings;
import dev.vigil.logging.redact.Redactor;
import dev.vigil.logging.store.LogStore;
import dev.vigil.logging.store.LogStoreSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The platform's pipeline, as the logging plugin sets it up: {@link LogbackOutputs} on a Logback context of its own
 * with the console off, the JSON file output on (the logstash encoder, rolled as {@link LogContexts} says), the store
 * output on with its default queue, {@link Redactor#withDefaults()} masking every event, and a real {@link LogStore}
 * (default settings, kept under 1 GiB) in a temporary folder behind a {@link StoreGate}, so that the store's pace
 * counts. After each iteration it waits until everything logged is stored, checks that nothing was dropped or failed,
 * and applies the store's retention, none of which is measured. Thread-safe after set-up.
 */
@State(Scope.Benchmark)
public class PlatformPipeline {

    private static final StoreOutputSettings STORE_OUTPUT = StoreOutputSettings.defaults();
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(1);
    private static final String LOGS = "logs";
    private static final String FILE_NAME = "vigil.log";

    private Path folder = Path.of("");
    private LoggerContext context = new LoggerContext();
    private @Nullable LogbackOutputs outputs;
    private @Nullable LogStore store;
    private StoreGate gate = new StoreGate(records -> { }, 1, 0);
    private Logger[] loggers = new Logger[0];

    /** Opens the store and applies the outputs in a new temporary folder. */
    @Setup(Level.Trial)
    public void start() throws IOException {
        folder = Files.createTempDirectory("vigil-log-throughput-platform-");
        LogStore s = LogStore.open(folder.resolve("store"),
                LogStoreSettings.defaults().withRetentionSize(ByteSize.ofMebibytes(1024)), Clock.systemUTC());
        store = s;
        int queue = STORE_OUTPUT.queueSize();
        gate = new StoreGate(s, queue * 3L / 4, queue / 4);
        context = LogContexts.start("platform");
        LogbackOutputs o = new LogbackOutputs(context, Clock.systemUTC());
        outputs = o;
        OutputSettings settings = OutputSettings.defaults()
                .withConsole(new ConsoleSettings(false, LogFormat.TEXT, ColorMode.AUTO, ConsoleTarget.AUTO))
                .withFile(new FileSettings(true, folder.resolve(LOGS).resolve(FILE_NAME), LogFormat.JSON,
                        LogContexts.MAX_FILE_SIZE, LogContexts.MAX_HISTORY, LogContexts.TOTAL_SIZE_CAP, LogContexts.COMPRESS))
                .withStore(STORE_OUTPUT);
        o.apply(settings, Redactor.withDefaults());
        o.setSink(gate);
        loggers = LogContexts.loggers(context);
    }

    /** Logs {@code call}, first waiting for the store if it is too far behind. */
    void log(LogCall call) {
        gate.beforeEvent();
        call.emit(loggers[call.logger()]);
        gate.afterEvent();
    }

    /**
     * Waits until the store holds every event logged, checks that none was dropped, refused or left unmasked, and
     * applies retention.
     *
     * @throws IllegalStateException if an event was lost: the iteration's score would not mean what it says
     */
    @TearDown(Level.Iteration)
    public void drain() {
        gate.awaitStored(DRAIN_TIMEOUT);
        OutputStats stats = outputs().stats();
        if (stats.storeDropped() != 0 || stats.storeFailed() != 0 || stats.maskFailures() != 0) {
            throw new IllegalStateException("events were lost: " + stats);
        }
        store().maintain();
    }

    /** Closes the outputs and the store and deletes the folder. */
    @TearDown(Level.Trial)
    public void stop() throws IOException {
        outputs().close();
        System.out.printf(Locale.ROOT, "platform: %,d events logged, %,d stored; the logging threads waited for the store %,d "
                + "times; store %,d bytes on disk, JSON files %,d bytes at the end; a line of the mix as written:%n%s%n",
                gate.logged(), gate.stored(), gate.waits(), store().bytesOnDisk(), LogContexts.size(folder.resolve(LOGS)),
                LogContexts.firstLineWith(folder.resolve(LOGS).resolve(FILE_NAME), LogMix.SAMPLE));
        store().close();
        context.stop();
        LogContexts.deleteTree(folder);
    }

    private LogbackOutputs outputs() {
        LogbackOutputs o = outputs;
        if (o == null) {
            throw new IllegalStateException("not started");
        }
        return o;
    }

    private LogStore store() {
        LogStore s = store;
        if (s == null) {
            throw new IllegalStateException("not started");
        }
        return s;
    }
}
