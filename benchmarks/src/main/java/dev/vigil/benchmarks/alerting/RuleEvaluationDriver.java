package dev.vigil.benchmarks.alerting;

import dev.vigil.alerting.rules.ReloadResult;
import dev.vigil.alerting.rules.RuleEnvironment;
import dev.vigil.alerting.rules.RuleGroup;
import dev.vigil.alerting.rules.RuleManager;
import dev.vigil.alerting.rules.file.RuleFiles;
import dev.vigil.api.config.ByteSize;
import dev.vigil.benchmarks.BenchmarkEnvironment;
import dev.vigil.metrics.promql.engine.EngineSettings;
import dev.vigil.metrics.promql.engine.PromqlEngine;
import dev.vigil.metrics.store.StoreSettings;
import dev.vigil.metrics.store.Tsdb;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Rule evaluation throughput and notification latency, in process, with the sizes by default: 1,000 rules
 * over 100,000 series.
 *
 * <p>It opens the metric store ({@link Tsdb}) in a temporary folder and fills it with 30 minutes of made-up
 * {@link Fleet} data at 15 s, writes the {@link RuleSet} rule files, loads them with the {@link RuleManager} over
 * the PromQL engine (with a scheduler that never runs anything: the driver evaluates the groups itself), and wires
 * alerts through the {@link NotificationChain} to a local {@link WebhookServer}. Then it runs the
 * {@link ThroughputRun} and the {@link LatencyRun} and prints a table for each.
 *
 * <p>Usage: {@code java -Xmx4g -cp benchmarks/target/benchmarks.jar
 * dev.vigil.benchmarks.alerting.RuleEvaluationDriver [options]}; see {@link DriverOptions#USAGE}.
 */
public final class RuleEvaluationDriver {

    private static final Duration HISTORY = Duration.ofMinutes(30);

    private RuleEvaluationDriver() {}

    public static void main(String[] args) throws Exception {
        DriverOptions options;
        try {
            options = DriverOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "java %s, %d cores, max heap %,d MiB, %s %s, load average %.2f at start%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("os.name"),
                System.getProperty("os.arch"), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        try (BenchmarkEnvironment environment = BenchmarkEnvironment.create("alerting")) {
            run(options, environment.work(), out);
        }
    }

    private static void run(DriverOptions options, Path work, PrintStream out) throws Exception {
        DriverClock clock = new DriverClock();
        long step = RuleSet.INTERVAL_SECONDS * 1000L;
        long historyEnd = System.currentTimeMillis() / step * step - (long) (options.warmup() + options.rounds()) * step;
        StoreSettings settings = new StoreSettings(Duration.ofDays(15), ByteSize.ofBytes(0),
                Math.max(StoreSettings.defaults().maxSeriesPerMetric(), options.series()), Duration.ofHours(2), false);
        try (Tsdb tsdb = Tsdb.open(work.resolve("tsdb"), settings, new SimpleMeterRegistry(), clock);
                WebhookServer webhook = WebhookServer.start();
                NotificationChain chain = NotificationChain.open(work.resolve("alerting"), webhook.uri())) {
            Fleet fleet = new Fleet(options.series(), options.teams(), options.seed());
            long began = System.nanoTime();
            long samples = 0;
            for (long ts = historyEnd - HISTORY.toMillis(); ts <= historyEnd; ts += step) {
                clock.pin(ts);
                samples += fleet.scrape(tsdb, ts);
            }
            double loadSeconds = (System.nanoTime() - began) / 1e9;
            System.gc();
            out.printf(Locale.ROOT, "store: %,d series, %,d samples (30 min at 15 s, seed %d) appended in %.1f s; heap used %,d MiB%n",
                    fleet.series(), samples, options.seed(), loadSeconds,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);

            CountingStore counting = new CountingStore(tsdb);
            CountingQuery query = new CountingQuery(new PromqlEngine(counting, EngineSettings.defaults()));
            HandoffRecorder handoffs = new HandoffRecorder(chain.pipeline());
            RuleEnvironment env = RuleEnvironment.builder(query, tsdb).receiver(handoffs).clock(clock)
                    .defaultInterval(Duration.ofSeconds(RuleSet.INTERVAL_SECONDS)).build();
            List<Path> files = RuleSet.write(fleet, work.resolve("rules"));
            try (RuleManager manager = new RuleManager(env, new RuleFiles(query), (task, at) -> () -> { }, () -> files,
                    Duration.ofHours(1))) {
                began = System.nanoTime();
                ReloadResult loaded = manager.start();
                if (!loaded.ok()) {
                    throw new IllegalStateException("rule files refused: " + loaded.files());
                }
                List<RuleGroup> groups = manager.ruleGroups();
                groups.forEach(group -> group.restoreForState(clock.instant()));
                int rules = groups.stream().mapToInt(g -> g.rules().size()).sum();
                out.printf(Locale.ROOT, "rules: %,d (%,d alerting, %,d recording) in %d groups in %d files, loaded in %.1f s%n", rules,
                        rules / RuleSet.RULES_PER_GROUP * RuleSet.ALERTING_PER_GROUP,
                        rules / RuleSet.RULES_PER_GROUP * RuleSet.RECORDING_PER_GROUP, groups.size(), files.size(),
                        (System.nanoTime() - began) / 1e9);

                out.printf(Locale.ROOT, "%nRule evaluation throughput: %d warm-up and %d measured rounds, %d s apart in data time%n",
                        options.warmup(), options.rounds(), RuleSet.INTERVAL_SECONDS);
                ThroughputRun.Result throughput = ThroughputRun.run(groups, fleet, tsdb, clock, counting, query,
                        historyEnd + step, options.warmup(), options.rounds(), out);

                out.printf(Locale.ROOT, "%nNotification latency: %d alerts caused per round, rounds every %d s, on the system clock%n",
                        options.alertsPerRound(), options.interval().toSeconds());
                LatencyRun.Result latency = LatencyRun.run(groups, fleet, tsdb, clock, handoffs, webhook, options, out);

                out.printf(Locale.ROOT, "%n== Rule evaluation throughput: %,d rules over %,d series ==%n", rules, fleet.series());
                Report.throughput(throughput, rules, fleet.series(), out);
                out.printf(Locale.ROOT, "%n== Notification latency: end of the evaluation -> webhook request arrives ==%n");
                out.printf(Locale.ROOT, "pipeline: every alert its own group, group_wait %s, group_interval %s; durable outbox; "
                        + "built-in webhook channel; JDK HttpServer on loopback%n", NotificationChain.GROUP_WAIT,
                        NotificationChain.GROUP_INTERVAL);
                Report.latency(latency, out);
                long[] evaluation = latency.evaluationNanos().clone();
                Arrays.sort(evaluation);
                out.printf(Locale.ROOT, "evaluation of all rules in the latency rounds: p50 %.2f s, max %.2f s; last alert arrived "
                        + "%.1f s after the last round%n", Report.quantile(evaluation, 0.5) / 1e9,
                        evaluation[evaluation.length - 1] / 1e9, latency.settleNanos() / 1e9);
                out.printf(Locale.ROOT, "webhook: %,d requests, %,d alerts from the data itself, payload problems: %s; outbox pending "
                        + "at the end: %d%n", webhook.requests(), webhook.otherAlerts(), webhook.problems(), chain.pendingDeliveries());
            }
        }
    }
}
