package dev.vigil.alerting;

import dev.vigil.alerting.api.AlertingApi;
import dev.vigil.alerting.channel.BuiltInChannels;
import dev.vigil.alerting.notify.NotificationPipeline;
import dev.vigil.alerting.notify.PipelineDriver;
import dev.vigil.alerting.outbox.ChannelDirectory;
import dev.vigil.alerting.outbox.Outbox;
import dev.vigil.alerting.outbox.OutboxBuilder;
import dev.vigil.alerting.rules.EvaluationScheduler;
import dev.vigil.alerting.rules.ReloadResult;
import dev.vigil.alerting.rules.RuleEnvironment;
import dev.vigil.alerting.rules.RuleFileTool;
import dev.vigil.alerting.rules.RuleManager;
import dev.vigil.alerting.rules.RulePaths;
import dev.vigil.alerting.rules.file.RuleFiles;
import dev.vigil.api.Registration;
import dev.vigil.api.alerting.AlertSink;
import dev.vigil.api.alerting.NotificationChannelFactory;
import dev.vigil.api.alerting.RuleTool;
import dev.vigil.api.config.ConfigSection;
import dev.vigil.api.health.Health;
import dev.vigil.api.health.HealthStatus;
import dev.vigil.api.metrics.MetricQuery;
import dev.vigil.api.metrics.MetricSandbox;
import dev.vigil.api.metrics.MetricStore;
import dev.vigil.api.plugin.PluginContext;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerting plugin while it runs: rule evaluation over the metrics plugin's {@code MetricQuery} and
 * {@code MetricStore}, the notification pipeline, the durable outbox and the channels of the configured receivers,
 * made with whatever {@code NotificationChannelFactory} services plugins register (the built-in ones among them).
 *
 * <pre>
 *   RuleManager ──alerts──▶ NotificationPipeline ──notifications──▶ Outbox ──▶ channels (ReceiverChannels)
 *        │ ALERTS, recorded series                                    │
 *        ▼                                                            ▼
 *   MetricStore                                              notification history
 * </pre>
 *
 * <p>Receivers and routing follow changes of the configuration at once; the other keys apply when the plugin next
 * starts. {@link #close()} stops rule evaluation first and the outbox last, so nothing decided is lost: what the
 * outbox has not delivered is delivered after the next start. Thread-safe.
 */
public final class AlertingRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertingRuntime.class);
    /** How often rule files are checked for changes. */
    static final Duration RULE_FILE_CHECK_INTERVAL = Duration.ofSeconds(5);

    private final Deque<AutoCloseable> resources;
    private final ReceiverChannels channels;
    private final NotificationPipeline pipeline;
    private final RuleManager rules;
    private final Outbox outbox;
    private AlertingConfig config;
    private boolean closed;

    private AlertingRuntime(Deque<AutoCloseable> resources, ReceiverChannels channels, NotificationPipeline pipeline, RuleManager rules,
            Outbox outbox, AlertingConfig config) {
        this.resources = resources;
        this.channels = channels;
        this.pipeline = pipeline;
        this.rules = rules;
        this.outbox = outbox;
        this.config = config;
    }

    /**
     * Starts everything with {@code section}'s current value.
     *
     * @throws IllegalStateException if the metrics plugin's services are missing
     * @throws IllegalArgumentException if a channel type that is available refuses the settings of a receiver's channel
     * @throws java.io.IOException if the outbox or the pipeline's state cannot be opened in the data folder
     */
    public static AlertingRuntime start(PluginContext context, ConfigSection<AlertingConfig> section) throws Exception {
        AlertingConfig config = section.get();
        Clock clock = context.clock();
        Path data = context.dataDirectory();
        MetricQuery query = context.services().find(MetricQuery.class)
                .orElseThrow(() -> new IllegalStateException("no MetricQuery service: the metrics plugin is not running"));
        MetricStore store = context.services().find(MetricStore.class)
                .orElseThrow(() -> new IllegalStateException("no MetricStore service: the metrics plugin is not running"));
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            PlatformChannelContext channelContext = new PlatformChannelContext(clock, () -> section.get().externalUrl());
            resources.push(channelContext);
            ChannelDirectory directory = new ChannelDirectory();
            ReceiverChannels channels = new ReceiverChannels(directory, channelContext);
            resources.push(channels);
            resources.push(context.services().track(factoryType(), channels.listener()));
            for (NotificationChannelFactory<?> factory : BuiltInChannels.factories()) {
                context.services().register(factoryType(), factory);
            }
            channels.apply(config.effectiveReceivers());

            OutboxBuilder builder = Outbox.builder(data, directory, context.scheduler()).clock(clock);
            context.services().find(MeterRegistry.class).ifPresent(builder::meterRegistry);
            Outbox outbox = config.outbox().applyTo(builder).open();
            resources.push(outbox);

            AcknowledgementRelay relay = new AcknowledgementRelay(directory, outbox.history(), context.scheduler(), clock);
            resources.push(relay);
            NotificationPipeline pipeline = NotificationPipeline.builder()
                    .config(config.pipelineConfig())
                    .sink(outbox)
                    .acknowledgementSink(relay)
                    .dataDirectory(data.resolve("notify"))
                    .clock(clock)
                    .externalUrl(config.externalUrl())
                    .build();
            resources.push(pipeline);
            resources.push(PipelineDriver.start(pipeline, context.scheduler()::schedule));

            RuleEnvironment env = RuleEnvironment.builder(query, store)
                    .receiver(pipeline)
                    .clock(clock)
                    .externalLabels(config.externalLabels())
                    .externalUrl(config.externalUrl())
                    .defaultInterval(config.evaluationInterval())
                    .build();
            Path base = context.configDirectory();
            RuleManager rules = new RuleManager(env, new RuleFiles(query), evaluationScheduler(context, clock),
                    () -> RulePaths.expand(base, section.get().ruleFiles()), RULE_FILE_CHECK_INTERVAL);
            resources.push(rules);
            report(rules.start());

            context.services().register(AlertSink.class, pipeline::receive);
            context.services().register(RuleTool.class, new RuleFileTool(() -> context.services().find(MetricQuery.class),
                    () -> context.services().find(MetricSandbox.Factory.class)));
            AlertingRuntime runtime = new AlertingRuntime(resources, channels, pipeline, rules, outbox, config);
            new AlertingApi(pipeline, rules, outbox, channels).register(context.routes());
            context.health().register("pipeline", runtime::health);
            LOG.info("Alerting started: {} rule files, {} receivers", rules.files().size(), config.receivers().size());
            return runtime;
        } catch (Exception | Error e) {
            closeAll(resources);
            throw e;
        }
    }

    /**
     * Applies a changed configuration: receivers and their channels, routes, inhibition rules, time intervals and
     * escalation policies at once, and the rule files at the next check. A change whose channel settings an available
     * channel type refuses is refused as a whole and logged; the running configuration stays.
     */
    public synchronized void apply(AlertingConfig next) {
        if (closed) {
            return;
        }
        AlertingConfig previous = config;
        try {
            channels.apply(next.effectiveReceivers());
        } catch (IllegalArgumentException e) {
            LOG.error("The alerting configuration was not applied; the running one stays: {}", e.getMessage());
            return;
        }
        if (!routing(previous).equals(routing(next))) {
            pipeline.reconfigure(next.pipelineConfig());
        }
        if (!previous.ruleFiles().equals(next.ruleFiles())) {
            report(rules.reload());
        }
        if (!previous.evaluationInterval().equals(next.evaluationInterval()) || !previous.externalUrl().equals(next.externalUrl())
                || !previous.externalLabels().equals(next.externalLabels()) || !previous.outbox().equals(next.outbox())) {
            LOG.info("alerting: evaluationInterval, externalUrl, externalLabels and outbox changes apply when the plugin next starts");
        }
        config = next;
        LOG.info("Alerting configuration applied: {} receivers", next.receivers().size());
    }

    /** Stops rule evaluation, the pipeline (saving its state), the outbox and the channels, in that order. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeAll(resources);
    }

    private Health health() {
        long refusedFiles = rules.files().stream().filter(f -> !f.problems().isEmpty()).count();
        Map<ChannelStatus.State, Long> counts = channels.stateCounts();
        long invalid = counts.get(ChannelStatus.State.INVALID_SETTINGS);
        long waiting = counts.get(ChannelStatus.State.WAITING_FOR_CHANNEL_TYPE);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("ruleFiles", rules.files().size());
        details.put("ruleFilesRefused", refusedFiles);
        details.put("channelsWaitingForType", waiting);
        details.put("channelsWithInvalidSettings", invalid);
        details.put("pendingDeliveries", outbox.status().pending());
        HealthStatus status = refusedFiles > 0 || invalid > 0 ? HealthStatus.DEGRADED : HealthStatus.UP;
        return new Health(status, details);
    }

    /** The parts of the configuration the pipeline is compiled from. */
    private static List<Object> routing(AlertingConfig c) {
        return List.of(c.route(), c.inhibitRules(), c.timeIntervals(), c.escalationPolicies(), c.resolveTimeout(),
                c.effectiveReceivers().stream().map(ReceiverSettings::name).toList());
    }

    private static void report(ReloadResult result) {
        for (ReloadResult.FileChange change : result.files()) {
            if (!change.problems().isEmpty()) {
                LOG.error("Rule file {} was refused ({} problems); {}", change.path(), change.problems().size(),
                        change.problems().stream().map(Objects::toString).toList());
            }
        }
    }

    private static EvaluationScheduler evaluationScheduler(PluginContext context, Clock clock) {
        return (task, at) -> {
            Duration delay = Duration.between(clock.instant(), at);
            Registration registration = context.scheduler().schedule(task, delay.isNegative() ? Duration.ZERO : delay);
            return registration::close;
        };
    }

    @SuppressWarnings("unchecked")
    private static Class<NotificationChannelFactory<?>> factoryType() {
        return (Class<NotificationChannelFactory<?>>) (Class<?>) NotificationChannelFactory.class;
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed", resource.getClass().getSimpleName(), e);
            }
        }
    }
}
