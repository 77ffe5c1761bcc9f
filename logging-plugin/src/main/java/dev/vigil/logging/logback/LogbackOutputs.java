package dev.vigil.logging.logback;

import static java.util.Objects.requireNonNull;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import dev.vigil.logging.LogSink;
import dev.vigil.logging.Masker;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * The platform's log outputs, set up on its Logback {@link LoggerContext} by the logging plugin: {@link #apply} on
 * start and on every configuration change, {@link #close} on stop.
 *
 * <p>The first {@code apply} takes over the root logger: it attaches one appender that passes every event through
 * the enrichment and redaction stage and on to the configured outputs (console, rolling file, syslog, log store),
 * and detaches the appenders configured before (the launcher's console), which {@link #close} attaches again, so the
 * plugin can be undeployed. Later calls rebuild only the outputs whose settings changed and set the levels, so a
 * change of levels alone touches no output. The log store may come and go while the outputs run
 * ({@link #setSink}): until it is there, events wait in the store output's queue.
 *
 * <p>Thread-safe.
 */
public final class LogbackOutputs implements AutoCloseable {

    private final LoggerContext context;
    private final CurrentSpan spans;
    private final PluginIds plugins = new PluginIds();
    private final AtomicLong maskFailures = new AtomicLong();
    private final AtomicLong storeDropped = new AtomicLong();
    private final AtomicLong storeFailed = new AtomicLong();
    private final LevelControl levels;
    private final OutputFactory factory;
    private volatile @Nullable LogSink sink;

    // guarded by this
    private final List<Appender<ILoggingEvent>> previous = new ArrayList<>();
    private final Map<OutputKind, Appender<ILoggingEvent>> outputs = new EnumMap<>(OutputKind.class);
    private boolean previousOnStderr;
    private @Nullable PipelineAppender pipeline;
    private @Nullable OutputSettings applied;
    private boolean closed;

    /** Outputs for {@code context}, with time from {@code clock}; nothing changes until {@link #apply}. */
    public LogbackOutputs(LoggerContext context, Clock clock) {
        this(context, clock, ConsoleEnvironment.system());
    }

    LogbackOutputs(LoggerContext context, Clock clock, ConsoleEnvironment console) {
        this.context = requireNonNull(context, "context is null");
        this.spans = CurrentSpan.PLATFORM;
        this.levels = new LevelControl(context);
        this.factory = new OutputFactory(clock, console, HostInfo.local(), () -> sink, this::report, storeDropped, storeFailed);
    }

    /**
     * Outputs for the platform's Logback context, the one SLF4J is bound to.
     *
     * @throws IllegalStateException if SLF4J is not bound to Logback
     */
    public static LogbackOutputs forPlatform(Clock clock) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            throw new IllegalStateException("the platform logs through " + factory.getClass().getName() + ", not Logback");
        }
        return new LogbackOutputs(context, clock);
    }

    /**
     * Applies {@code settings}, with {@code masker} masking every event from now on. The first call takes over the
     * root logger; later ones rebuild only the outputs whose settings changed.
     *
     * @throws IllegalStateException if an output cannot start (a file that cannot be opened, say), naming it and
     *     the reason; the outputs and levels in use before stay as they were
     */
    public synchronized void apply(OutputSettings settings, Masker masker) {
        requireNonNull(settings, "settings is null");
        requireNonNull(masker, "masker is null");
        if (closed) {
            throw new IllegalStateException("the outputs are closed");
        }
        boolean first = pipeline == null;
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        if (first) {
            rememberPrevious(root);
        }
        Map<OutputKind, @Nullable Appender<ILoggingEvent>> rebuilt = new EnumMap<>(OutputKind.class);
        try {
            for (OutputKind kind : OutputKind.values()) {
                if (first || !kind.settingsIn(settings).equals(kind.settingsIn(requireNonNull(applied)))) {
                    rebuilt.put(kind, kind.enabledIn(settings) ? factory.build(kind, settings, previousOnStderr) : null);
                }
            }
        } catch (RuntimeException e) {
            rebuilt.values().stream().filter(Objects::nonNull).forEach(Appender::stop);
            if (first) {
                previous.clear();
            }
            throw e;
        }

        Map<String, Level> named = new TreeMap<>();
        settings.levels().forEach((logger, level) -> named.put(logger, LogLevels.require("levels." + logger, level)));
        levels.configure(LogLevels.require("level", settings.level()), named);

        List<Appender<ILoggingEvent>> retired = new ArrayList<>();
        rebuilt.forEach((kind, appender) -> {
            Appender<ILoggingEvent> old = appender == null ? outputs.remove(kind) : outputs.put(kind, appender);
            if (old != null) {
                retired.add(old);
            }
        });
        EventRedactor redactor = new EventRedactor(masker, spans, plugins, maskFailures);
        if (first) {
            PipelineAppender p = new PipelineAppender(redactor);
            p.setContext(factory.context());
            p.outputs(List.copyOf(outputs.values()));
            p.start();
            pipeline = p;
            // the new outputs first, then the old ones away: an event may show twice, none is lost
            root.addAppender(p);
            previous.forEach(root::detachAppender);
        } else {
            PipelineAppender p = requireNonNull(pipeline);
            p.redactor(redactor);
            p.outputs(List.copyOf(outputs.values()));
        }
        retired.forEach(Appender::stop);
        applied = settings;
    }

    /** Where the store output hands its records from now on; null while there is no log store. */
    public void setSink(@Nullable LogSink sink) {
        this.sink = sink;
    }

    /**
     * Sets the level of {@code logger} ({@code ROOT} for the root logger) at run time, over the configured one until
     * it is cleared with a null level or the plugin stops.
     *
     * @throws IllegalArgumentException if {@code level} is not a level name or the logger name is empty
     */
    public void setLevel(String logger, @Nullable String level) {
        requireNonNull(logger, "logger is null");
        Level parsed = level == null ? null : LogLevels.require("level", level);
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the outputs are closed");
            }
            levels.override(logger, parsed);
        }
    }

    /** The level of every logger the platform has made, sorted by name. */
    public List<LoggerLevel> levels() {
        List<LoggerLevel> all = new ArrayList<>(levels.list());
        all.sort((a, b) -> a.logger().compareTo(b.logger()));
        return all;
    }

    /** What the outputs lost so far. */
    public synchronized OutputStats stats() {
        long syslogDropped = 0;
        long syslogFailed = 0;
        if (outputs.get(OutputKind.SYSLOG) instanceof SyslogOutput s) {
            syslogDropped = s.sender().dropped();
            syslogFailed = s.sender().failed();
        }
        return new OutputStats(storeDropped.get(), storeFailed.get(), syslogDropped, syslogFailed, maskFailures.get());
    }

    /**
     * Gives the platform its previous appenders and levels back and stops the outputs (the store output hands what
     * it holds to the sink first, for up to 5 seconds). Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        PipelineAppender p = pipeline;
        if (p != null) {
            Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            previous.forEach(root::addAppender);
            root.detachAppender(p);
            // Logback caches the array of appenders it calls and renews it on the next event, or when it looks an
            // appender up by name: without this lookup (which finds nothing) the cached array would hold the
            // pipeline, and with it the plugin's class loader, until someone logs again
            root.detachAppender(PipelineAppender.NAME);
            p.stop();
            pipeline = null;
        }
        outputs.values().forEach(Appender::stop);
        outputs.clear();
        levels.restore();
        previous.clear();
        factory.stop();
    }

    private void rememberPrevious(Logger root) {
        previous.clear();
        previousOnStderr = false;
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            Appender<ILoggingEvent> appender = it.next();
            previous.add(appender);
            if (appender instanceof ConsoleAppender<?> c && "System.err".equals(c.getTarget())) {
                previousOnStderr = true;
            }
        }
    }

    private void report(String message) {
        context.getLogger(LogbackOutputs.class).warn(message);
    }
}
