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

    /** What runs between set-up and tear-down. */
    private record Running(Path folder, LoggerContext context, LogbackOutputs outputs, LogStore store, StoreGate gate,
            Logger[] loggers) {}

    private @Nullable Running running;

    /** Opens the store and applies the outputs in a new temporary folder. */
    @Setup(Level.Trial)
    public void start() throws IOException {
        Path folder = Files.createTempDirectory("vigil-log-throughput-platform-");
        LogStore store = LogStore.open(folder.resolve("store"),
                LogStoreSettings.defaults().withRetentionSize(ByteSize.ofMebibytes(1024)), Clock.systemUTC());
        int queue = STORE_OUTPUT.queueSize();
        StoreGate gate = new StoreGate(store, queue * 3L / 4, queue / 4);
        LoggerContext context = LogContexts.start("platform");
        LogbackOutputs outputs = new LogbackOutputs(context, Clock.systemUTC());
        OutputSettings settings = OutputSettings.defaults()
                .withConsole(new ConsoleSettings(false, LogFormat.TEXT, ColorMode.AUTO, ConsoleTarget.AUTO))
                .withFile(new FileSettings(true, folder.resolve(LOGS).resolve(FILE_NAME), LogFormat.JSON,
                        LogContexts.MAX_FILE_SIZE, LogContexts.MAX_HISTORY, LogContexts.TOTAL_SIZE_CAP, LogContexts.COMPRESS))
                .withStore(STORE_OUTPUT);
        outputs.apply(settings, Redactor.withDefaults());
        outputs.setSink(gate);
        running = new Running(folder, context, outputs, store, gate, LogContexts.loggers(context));
    }

    /** Logs {@code call}, first waiting for the store if it is too far behind. */
    void log(LogCall call) {
        Running r = running();
        r.gate().beforeEvent();
        call.emit(r.loggers()[call.logger()]);
        r.gate().afterEvent();
    }

    /**
     * Waits until the store holds every event logged, checks that none was dropped, refused or left unmasked, and
     * applies retention.
     *
     * @throws IllegalStateException if an event was lost: the iteration's score would not mean what it says
     */
    @TearDown(Level.Iteration)
    public void drain() {
        Running r = running();
        r.gate().awaitStored(DRAIN_TIMEOUT);
        OutputStats stats = r.outputs().stats();
        if (stats.storeDropped() != 0 || stats.storeFailed() != 0 || stats.maskFailures() != 0) {
            throw new IllegalStateException("events were lost: " + stats);
        }
        r.store().maintain();
    }

    /** Closes the outputs and the store, says what they did, and deletes the folder. */
    @TearDown(Level.Trial)
    public void stop() throws IOException {
        Running r = running();
        running = null;
        r.outputs().close();
        Path logs = r.folder().resolve(LOGS);
        System.out.printf(Locale.ROOT, "platform: %,d events logged, %,d stored; the logging threads waited for the store %,d "
                + "times; store %,d bytes on disk, JSON files %,d bytes at the end; a line of the mix as written:%n%s%n",
                r.gate().logged(), r.gate().stored(), r.gate().waits(), r.store().bytesOnDisk(), LogContexts.size(logs),
                LogContexts.firstLineWith(logs.resolve(FILE_NAME), LogMix.SAMPLE));
        r.store().close();
        r.context().stop();
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
