package dev.vigil.metrics;

import dev.vigil.api.health.Health;
import dev.vigil.api.http.HttpMethod;
import dev.vigil.api.VigilApi;
import dev.vigil.api.http.RouteAccess;
import dev.vigil.api.metrics.MetricQuery;
import dev.vigil.api.metrics.MetricSandbox;
import dev.vigil.api.metrics.MetricStore;
import dev.vigil.api.metrics.MetricStoreStats;
import dev.vigil.api.plugin.PluginContext;
import dev.vigil.metrics.exposition.MetricsEndpoint;
import dev.vigil.metrics.otlp.OtlpMetricsReceiver;
import dev.vigil.metrics.promql.engine.PromqlEngine;
import dev.vigil.metrics.query.PrometheusApi;
import dev.vigil.metrics.registry.MeterRegistries;
import dev.vigil.metrics.remotewrite.ExportingMetricStore;
import dev.vigil.metrics.remotewrite.RemoteWriteExporter;
import dev.vigil.metrics.remotewrite.RemoteWriteReceiver;
import dev.vigil.metrics.remotewrite.RemoteWriteSettings;
import dev.vigil.metrics.sandbox.TsdbSandboxes;
import dev.vigil.metrics.scrape.ScrapeManager;
import dev.vigil.metrics.scrape.TargetsApi;
import dev.vigil.metrics.store.Tsdb;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Everything the metrics plugin runs, from start to stop; the plugin class only hands it the configuration. */
final class MetricsRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsRuntime.class);
    private static final Duration MAINTENANCE_INTERVAL = Duration.ofMinutes(1);

    private final PluginContext context;
    private final PrometheusMeterRegistry platform;
    private final SystemMeters systemMeters;
    private final Tsdb tsdb;
    private final ExportingMetricStore store;
    private final ScrapeManager scrape;
    private volatile List<RemoteWriteExporter> exporters = List.of();
    private MetricsConfig config;

    private MetricsRuntime(PluginContext context, MetricsConfig config, PrometheusMeterRegistry platform, SystemMeters systemMeters, Tsdb tsdb) {
        this.context = context;
        this.config = config;
        this.platform = platform;
        this.systemMeters = systemMeters;
        this.tsdb = tsdb;
        this.store = new ExportingMetricStore(tsdb, () -> exporters);
        this.scrape = new ScrapeManager(store, platform, context.clock());
    }

    static MetricsRuntime start(PluginContext context, MetricsConfig config) throws IOException {
        PrometheusMeterRegistry platform = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        SystemMeters systemMeters = SystemMeters.bindTo(platform, context.dataDirectory());
        Tsdb tsdb;
        try {
            tsdb = Tsdb.open(context.dataDirectory().resolve("tsdb"), config.storage(), platform, context.clock());
        } catch (IOException | RuntimeException e) {
            systemMeters.close();
            platform.close();
            throw e;
        }
        MetricsRuntime runtime = new MetricsRuntime(context, config, platform, systemMeters, tsdb);
        try {
            runtime.wire();
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
        return runtime;
    }

    private void wire() {
        context.services().registerFactory(MeterRegistry.class, new MeterRegistries(platform, TimeUnit.SECONDS, Clock.SYSTEM));
        context.services().register(MetricStore.class, store);

        MetricsEndpoint endpoint = new MetricsEndpoint(platform);
        context.routes().get("/metrics", endpoint);
        context.routes().add(HttpMethod.POST, "/api/v1/write", RouteAccess.PUBLIC,
                new RemoteWriteReceiver(store, config.receivers().remoteWrite(), platform));
        context.otlpRoutes().add(HttpMethod.POST, "/v1/metrics", RouteAccess.PUBLIC,
                new OtlpMetricsReceiver(store, config.receivers().otlp(), platform));
        context.routes().get("/api/v1/targets", exchange -> exchange.json(200, Map.of("status", "success", "data", TargetsApi.data(scrape.targets()))));

        PromqlEngine engine = new PromqlEngine(store, config.query().engineSettings());
        context.services().register(MetricQuery.class, engine);
        try {
            context.services().register(MetricSandbox.Factory.class,
                    TsdbSandboxes.in(context.dataDirectory().resolve("sandboxes"), config.query().engineSettings()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + context.dataDirectory().resolve("sandboxes"), e);
        }
        new PrometheusApi(engine, store, config.query(), context.clock(), VigilApi.version()).register(context.routes());

        exporters = startExporters(config.remoteWrite());
        if (!config.selfScrapeInterval().isZero()) {
            scrape.addInternalTarget("vigil", hostName(), config.selfScrapeInterval(), endpoint::openMetrics);
        }
        scrape.apply(config.scrape());

        context.scheduler().scheduleWithFixedDelay(this::maintain, MAINTENANCE_INTERVAL, MAINTENANCE_INTERVAL);
        context.health().register("store", () -> {
            MetricStoreStats stats = tsdb.stats();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("series", stats.series());
            details.put("bytesOnDisk", stats.bytesOnDisk());
            return Health.up(details);
        });
        LOG.info("metrics: store at {}, {} scrape job(s), {} remote-write endpoint(s), query API with at most {} queries at once",
                context.dataDirectory().resolve("tsdb"), config.scrape().jobs().size(), exporters.size(), config.query().maxConcurrent());
    }

    /** Applies a changed configuration: scrape jobs and remote-write endpoints at once, the rest at the next start. */
    synchronized void apply(MetricsConfig changed) {
        scrape.apply(changed.scrape());
        if (!changed.remoteWrite().equals(config.remoteWrite())) {
            List<RemoteWriteExporter> old = exporters;
            exporters = startExporters(changed.remoteWrite());
            old.forEach(RemoteWriteExporter::close);
        }
        if (!changed.storage().equals(config.storage()) || !changed.receivers().equals(config.receivers())
                || !changed.selfScrapeInterval().equals(config.selfScrapeInterval()) || !changed.query().equals(config.query())) {
            LOG.warn("metrics: changes to storage, receivers, selfScrapeInterval and query apply when the plugin next starts");
        }
        config = changed;
    }

    private List<RemoteWriteExporter> startExporters(List<RemoteWriteSettings> endpoints) {
        List<RemoteWriteExporter> started = new ArrayList<>();
        for (RemoteWriteSettings endpoint : endpoints) {
            RemoteWriteExporter exporter = new RemoteWriteExporter(endpoint, platform, context.clock());
            exporter.start();
            started.add(exporter);
        }
        return List.copyOf(started);
    }

    private void maintain() {
        tsdb.maintain();
    }

    @Override
    public synchronized void close() {
        scrape.close();
        exporters.forEach(RemoteWriteExporter::close);
        exporters = List.of();
        try {
            tsdb.close();
        } catch (IOException e) {
            LOG.warn("metrics: the store did not close cleanly; it recovers from its write-ahead log at the next start", e);
        }
        systemMeters.close();
        platform.close();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
