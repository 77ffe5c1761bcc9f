package dev.vigil.logging;

import dev.vigil.api.alerting.AlertSink;
import dev.vigil.api.config.ConfigSection;
import dev.vigil.api.health.Health;
import dev.vigil.api.http.HttpMethod;
import dev.vigil.api.http.RouteAccess;
import dev.vigil.api.logs.LogQuery;
import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.metrics.MetricStore;
import dev.vigil.api.plugin.PluginContext;
import dev.vigil.logging.api.LevelsApi;
import dev.vigil.logging.api.LogsApi;
import dev.vigil.logging.errors.ErrorTracker;
import dev.vigil.logging.errors.ErrorsApi;
import dev.vigil.logging.logback.FileSettings;
import dev.vigil.logging.logback.LogbackOutputs;
import dev.vigil.logging.logback.OutputSettings;
import dev.vigil.logging.loki.LokiApi;
import dev.vigil.logging.metrics.LogMetrics;
import dev.vigil.logging.otlp.OtlpLogsReceiver;
import dev.vigil.logging.redact.Redactor;
import dev.vigil.logging.store.LogStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logging plugin while it runs:
 *
 * <pre>
 *   platform's own logs ─ Logback ─ redaction ─┬─ console, rolling file, syslog
 *                                              └─ store output ─┐
 *   OTLP/HTTP /v1/logs ─ redaction ─────────────────────────────┴─ log store ─┬─ error tracking ─ AlertSink
 *                                                                            ├─ log-based metrics ─ MetricStore
 *                                                                            └─ LogQuery: Loki API, /api/v1/logs, tail
 * </pre>
 *
 * Outputs, levels, redaction and log-based metrics follow configuration changes at once; the store, the receiver, the
 * Loki limits and error tracking take theirs when the plugin next starts.
 */
final class LoggingRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingRuntime.class);
    private static final Duration MAINTENANCE_INTERVAL = Duration.ofMinutes(1);
    private static final Duration ERRORS_SAVE_INTERVAL = Duration.ofSeconds(1);

    private final PluginContext context;
    private final Deque<AutoCloseable> resources;
    private final LogbackOutputs outputs;
    private final LogStore store;
    private final ErrorTracker errors;
    private final AtomicBoolean observerFailureLogged = new AtomicBoolean();
    private volatile Redactor redactor;
    private volatile LogMetrics metrics;
    private volatile LoggingConfig config;

    private LoggingRuntime(PluginContext context, Deque<AutoCloseable> resources, LogbackOutputs outputs, LogStore store,
            ErrorTracker errors, Redactor redactor, LogMetrics metrics, LoggingConfig config) {
        this.context = context;
        this.resources = resources;
        this.outputs = outputs;
        this.store = store;
        this.errors = errors;
        this.redactor = redactor;
        this.metrics = metrics;
        this.config = config;
    }

    /**
     * Takes over the platform's log outputs, opens the store and error tracking in the plugin's data folder, and
     * registers the receiver, the APIs and the {@link LogQuery} service.
     *
     * @throws IOException if the store or error tracking cannot be opened
     * @throws IllegalArgumentException if an output cannot be made from its settings, such as a file that cannot be
     *     written
     */
    static LoggingRuntime start(PluginContext context, ConfigSection<LoggingConfig> section) throws IOException {
        LoggingConfig config = section.get();
        Clock clock = context.clock();
        Path data = context.dataDirectory();
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            Redactor redactor = new Redactor(config.redaction());
            LogbackOutputs outputs = LogbackOutputs.forPlatform(clock);
            resources.push(outputs);
            outputs.apply(resolved(config.output(), data), redactor);

            LogStore store = LogStore.open(data.resolve("store"), config.store(), clock);
            resources.push(store);
            ErrorTracker errors = ErrorTracker.open(data.resolve("errors"), config.errors(), clock);
            resources.push(errors);
            if (config.errorAlerts()) {
                resources.push(errors.addListener(new ErrorAlerts(() -> context.services().find(AlertSink.class)))::close);
            }
            LogMetrics metrics = new LogMetrics(config.metrics(), clock);
            LoggingRuntime runtime = new LoggingRuntime(context, resources, outputs, store, errors, redactor, metrics, config);
            runtime.wire();
            LOG.info("Logging started: store in {} ({} records), {} log-based metrics", data.resolve("store"),
                    store.recordCount(), config.metrics().size());
            return runtime;
        } catch (IOException | RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    private void wire() {
        LogSink pipeline = this::store;
        outputs.setSink(pipeline);
        resources.push(() -> outputs.setSink(null));
        context.services().register(LogQuery.class, store);

        MeterRegistry meters = context.services().find(MeterRegistry.class).orElseGet(SimpleMeterRegistry::new);
        if (config.otlp().enabled()) {
            context.otlpRoutes().add(HttpMethod.POST, "/v1/logs", RouteAccess.PUBLIC,
                    new OtlpLogsReceiver(pipeline, config.otlp(), new CurrentRedactor(), context.clock(), meters));
        }
        new LokiApi(store, config.loki(), context.clock()).register(context.routes());
        LogsApi logs = new LogsApi(store, context.clock());
        logs.register(context.routes());
        resources.push(logs::close);
        new ErrorsApi(errors).register(context.routes());
        new LevelsApi(outputs).register(context.routes());
        context.routes().get("/api/v1/logging/status", exchange -> exchange.json(200, Map.of("status", "success", "data", status())));

        context.scheduler().scheduleAtFixedRate(this::maintain, MAINTENANCE_INTERVAL, MAINTENANCE_INTERVAL);
        context.scheduler().scheduleAtFixedRate(errors::saveIfDue, ERRORS_SAVE_INTERVAL, ERRORS_SAVE_INTERVAL);
        context.scheduler().scheduleAtFixedRate(this::flushMetrics, config.metricsInterval(), config.metricsInterval());
        context.health().register("store", () -> Health.up(Map.of("records", store.recordCount(), "bytes", store.bytesOnDisk())));
    }

    /** Stores a batch, then hands it to error tracking and the log-based metrics. */
    private void store(List<LogRecord> records) {
        store.accept(records);
        try {
            errors.accept(records);
            metrics.observe(records);
        } catch (RuntimeException e) {
            // the records are stored; what follows the store must not make their sender retry them
            if (observerFailureLogged.compareAndSet(false, true)) {
                LOG.warn("Error tracking or log-based metrics failed on stored records (logged once)", e);
            }
        }
    }

    private void maintain() {
        store.maintain();
    }

    private void flushMetrics() {
        LogMetrics current = metrics;
        if (current.isEmpty()) {
            return;
        }
        Optional<MetricStore> target = context.services().find(MetricStore.class);
        if (target.isPresent()) {
            current.flush(target.get());
        }
    }

    private Map<String, Object> status() {
        return Map.of("store", Map.of("records", store.recordCount(), "bytesOnDisk", store.bytesOnDisk()),
                "errors", Map.of("issues", errors.size()), "outputs", outputs.stats());
    }

    /** Applies a changed configuration: outputs, levels, redaction and log-based metrics at once, the rest on restart. */
    void apply(LoggingConfig changed) {
        Redactor newRedactor = changed.redaction().equals(config.redaction()) ? redactor : new Redactor(changed.redaction());
        outputs.apply(resolved(changed.output(), context.dataDirectory()), newRedactor);
        redactor = newRedactor;
        if (!changed.metrics().equals(config.metrics())) {
            metrics = new LogMetrics(changed.metrics(), context.clock());
        }
        if (config.needsRestartFor(changed)) {
            LOG.warn("Changes to logging.store, logging.receivers, logging.loki, logging.errors or logging.metricsInterval apply when the plugin restarts");
        }
        config = changed;
    }

    /** The output settings with a relative file path resolved against the plugin's data folder. */
    static OutputSettings resolved(OutputSettings output, Path data) {
        FileSettings file = output.file();
        if (file.path().isAbsolute()) {
            return output;
        }
        return output.withFile(new FileSettings(file.enabled(), data.resolve(file.path()), file.format(), file.maxFileSize(),
                file.maxHistory(), file.totalSizeCap(), file.compress()));
    }

    @Override
    public void close() {
        closeAll(resources);
    }

    /** Masks with the redactor of the configuration in force. */
    private final class CurrentRedactor implements Masker {
        @Override
        public String mask(String text) {
            return redactor.mask(text);
        }

        @Override
        public Map<String, String> maskValues(Map<String, String> values) {
            return redactor.maskValues(values);
        }
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Could not close {} cleanly", resource, e);
            }
        }
    }
}
