package dev.vigil.logging.logback;

import static java.util.Objects.requireNonNull;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import dev.vigil.logging.LogSink;
import dev.vigil.logging.syslog.Rfc5424Formatter;
import dev.vigil.logging.syslog.SyslogSender;
import dev.vigil.logging.syslog.SyslogSettings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import net.logstash.logback.encoder.LogstashEncoder;
import org.jspecify.annotations.Nullable;

/**
 * Makes and starts the outputs from their settings, in a Logback context of the plugin's own: what that context keeps
 * (the status of each component, its executors) goes when the plugin does, whereas the platform's context would hold
 * the plugin's classes for as long as the process runs. Errors of running outputs (a disk that fills up) are written
 * to standard error, the one place left when logging itself fails. Used under the lock of {@link LogbackOutputs}.
 */
final class OutputFactory {

    private static final int SYSLOG_QUEUE = 8192;

    private final OutputsContext components = new OutputsContext();
    private final Clock clock;
    private final ConsoleEnvironment console;
    private final HostInfo host;
    private final Supplier<@Nullable LogSink> sink;
    private final Consumer<String> reporter;
    private final AtomicLong storeDropped;
    private final AtomicLong storeFailed;
    // while an output starts, its errors go into the exception build() throws rather than to standard error
    private volatile boolean building;

    /**
     * @param sink where the store output hands records, looked up for every batch
     * @param reporter logs what the outputs lost, at WARN, on the outputs' own threads
     */
    OutputFactory(Clock clock, ConsoleEnvironment console, HostInfo host, Supplier<@Nullable LogSink> sink,
            Consumer<String> reporter, AtomicLong storeDropped, AtomicLong storeFailed) {
        this.clock = requireNonNull(clock, "clock is null");
        this.console = requireNonNull(console, "console is null");
        this.host = requireNonNull(host, "host is null");
        this.sink = requireNonNull(sink, "sink is null");
        this.reporter = requireNonNull(reporter, "reporter is null");
        this.storeDropped = requireNonNull(storeDropped, "storeDropped is null");
        this.storeFailed = requireNonNull(storeFailed, "storeFailed is null");
        components.setName("vigil-logging-outputs");
        components.getStatusManager().add(new ErrorPrinter());
        components.start();
    }

    /** The context the plugin's Logback components report to. */
    Context context() {
        return components;
    }

    /**
     * The output {@code kind} of {@code settings}, started.
     *
     * @param consoleOnStderr where the console writes when its target is {@code auto}
     * @throws IllegalStateException if it cannot start, with the reasons Logback gave
     */
    Appender<ILoggingEvent> build(OutputKind kind, OutputSettings settings, boolean consoleOnStderr) {
        ErrorCollector errors = new ErrorCollector();
        components.getStatusManager().add(errors);
        building = true;
        try {
            Appender<ILoggingEvent> appender = switch (kind) {
                case CONSOLE -> console(settings.console(), consoleOnStderr);
                case FILE -> RollingFiles.start(components, settings.file(), encoder(settings.file().format(), false), clock);
                case SYSLOG -> syslog(settings.syslog());
                case STORE -> store(settings.store());
            };
            if (!appender.isStarted()) {
                appender.stop();
                throw new IllegalStateException("the " + kind.label() + " output could not start: " + errors);
            }
            return appender;
        } finally {
            building = false;
            components.getStatusManager().remove(errors);
        }
    }

    /** Stops the context's executors; the outputs must be stopped first. */
    void stop() {
        components.stop();
    }

    private Appender<ILoggingEvent> console(ConsoleSettings settings, boolean onStderr) {
        boolean toErr = switch (settings.target()) {
            case STDOUT -> false;
            case STDERR -> true;
            case AUTO -> onStderr;
        };
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(components);
        appender.setName("console");
        appender.setEncoder(encoder(settings.format(), Terminal.colours(settings.color(), console.terminal(), console.env())));
        appender.setOutputStream(console.stream(toErr));
        appender.start();
        return appender;
    }

    private Encoder<ILoggingEvent> encoder(LogFormat format, boolean colours) {
        if (format == LogFormat.JSON) {
            LogstashEncoder json = new LogstashEncoder();
            json.setContext(components);
            json.setIncludeContext(false);
            json.setIncludeCallerData(false);
            json.setIncludeMdc(true);
            json.setIncludeKeyValuePairs(true);
            json.setIncludeTags(true);
            json.setIncludeStructuredArguments(false);
            json.setIncludeNonStructuredArguments(false);
            json.start();
            return json;
        }
        TextLayout layout = new TextLayout(colours, ZoneId.systemDefault());
        layout.setContext(components);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> text = new LayoutWrappingEncoder<>();
        text.setContext(components);
        text.setCharset(StandardCharsets.UTF_8);
        text.setLayout(layout);
        text.start();
        return text;
    }

    private Appender<ILoggingEvent> syslog(SyslogSettings settings) {
        Rfc5424Formatter formatter = new Rfc5424Formatter(settings.facility(), host.hostName(), settings.appName(),
                Long.toString(host.pid()), ZoneId.systemDefault(), Math.toIntExact(settings.maxMessageSize().bytes()));
        SyslogSender sender = SyslogSender.start(settings.protocol(), settings.host(), settings.port(), SYSLOG_QUEUE, clock,
                reporter);
        SyslogOutput appender = new SyslogOutput(formatter, sender);
        appender.setContext(components);
        appender.start();
        return appender;
    }

    private Appender<ILoggingEvent> store(StoreOutputSettings settings) {
        StoreOutput appender = new StoreOutput(settings, new RecordConverter(settings.serviceName(), host), sink, clock,
                reporter, storeDropped, storeFailed);
        appender.setContext(components);
        appender.start();
        return appender;
    }

    private static String describe(Status status) {
        Throwable cause = status.getThrowable();
        return status.getMessage() + (cause == null ? "" : " (" + cause + ")");
    }

    private final class ErrorPrinter implements StatusListener {

        @Override
        public void addStatusEvent(Status status) {
            if (status.getLevel() == Status.ERROR && !building) {
                System.err.println("vigil logging outputs: " + describe(status));
            }
        }
    }

    /** Collects the errors reported while one output starts. */
    private static final class ErrorCollector implements StatusListener {

        private final List<String> messages = new ArrayList<>();

        @Override
        public synchronized void addStatusEvent(Status status) {
            if (status.getLevel() == Status.ERROR) {
                messages.add(describe(status));
            }
        }

        @Override
        public synchronized String toString() {
            return messages.isEmpty() ? "no reason given" : String.join("; ", messages);
        }
    }
}
