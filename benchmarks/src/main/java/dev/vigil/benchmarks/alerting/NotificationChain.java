package dev.vigil.benchmarks.alerting;

import dev.vigil.alerting.channel.BuiltInChannels;
import dev.vigil.alerting.channel.webhook.WebhookConfig;
import dev.vigil.alerting.notify.NotificationPipeline;
import dev.vigil.alerting.notify.PipelineConfig;
import dev.vigil.alerting.notify.PipelineDriver;
import dev.vigil.alerting.outbox.ChannelDirectory;
import dev.vigil.alerting.outbox.ChannelIntegration;
import dev.vigil.alerting.outbox.Outbox;
import dev.vigil.api.alerting.ChannelContext;
import dev.vigil.api.alerting.NotificationChannel;
import dev.vigil.api.alerting.NotificationChannelFactory;
import dev.vigil.api.alerting.Secret;
import dev.vigil.kernel.schedule.KernelScheduler;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The way from rule evaluation to a webhook, wired as the alerting plugin wires it: the notification pipeline
 * (every alert its own group, {@value #GROUP_WAIT} group wait, {@value #GROUP_INTERVAL} group interval, 4h repeat
 * interval), kept in time by a {@link PipelineDriver} on the kernel's scheduler, puts notifications into the durable
 * outbox, whose workers deliver them through the built-in {@code webhook} channel. Everything runs on the system
 * clock and keeps its files under one directory. Thread-safe.
 */
final class NotificationChain implements AutoCloseable {

    static final String GROUP_WAIT = "0s";
    static final String GROUP_INTERVAL = "1s";
    private static final String RECEIVER = "webhook";

    private final KernelScheduler scheduler;
    private final Outbox outbox;
    private final NotificationPipeline pipeline;
    private final PipelineDriver driver;

    private NotificationChain(KernelScheduler scheduler, Outbox outbox, NotificationPipeline pipeline, PipelineDriver driver) {
        this.scheduler = scheduler;
        this.outbox = outbox;
        this.pipeline = pipeline;
        this.driver = driver;
    }

    /** Opens the chain with its state under {@code directory}, delivering to {@code webhook}. */
    static NotificationChain open(Path directory, URI webhook) throws IOException {
        PipelineConfig config = PipelineConfig.fromYaml("""
                route:
                  receiver: %s
                  group_by: ['...']
                  group_wait: %s
                  group_interval: %s
                  repeat_interval: 4h
                receivers:
                  - name: %s
                """.formatted(RECEIVER, GROUP_WAIT, GROUP_INTERVAL, RECEIVER));
        ChannelDirectory channels = new ChannelDirectory();
        channels.put(RECEIVER, List.of(ChannelIntegration.available("webhook[0]", "webhook", webhookChannel(webhook))));
        KernelScheduler scheduler = new KernelScheduler(2);
        Outbox outbox = null;
        NotificationPipeline pipeline = null;
        try {
            outbox = Outbox.builder(directory.resolve("outbox"), channels, scheduler).open();
            pipeline = NotificationPipeline.builder().config(config).sink(outbox).dataDirectory(directory.resolve("pipeline"))
                    .build();
            PipelineDriver driver = PipelineDriver.start(pipeline, scheduler::schedule);
            return new NotificationChain(scheduler, outbox, pipeline, driver);
        } catch (IOException | RuntimeException e) {
            if (pipeline != null) {
                pipeline.close();
            }
            if (outbox != null) {
                outbox.close();
            }
            scheduler.close();
            throw e;
        }
    }

    /** The built-in {@code webhook} channel type, looked up as the plugin's routes find it, posting to {@code uri}. */
    private static NotificationChannel webhookChannel(URI uri) {
        NotificationChannelFactory<?> factory = BuiltInChannels.factories().stream()
                .filter(f -> f.type().equals("webhook")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no built-in webhook channel"));
        return create(factory, WebhookConfig.of(Secret.of(uri.toString())), new LocalContext());
    }

    private static <C> NotificationChannel create(NotificationChannelFactory<C> factory, Object config, ChannelContext context) {
        C typed = factory.configType().cast(config);
        factory.validate(typed);
        return factory.create(RECEIVER, typed, context);
    }

    /** Where rule evaluation hands its alerts. */
    NotificationPipeline pipeline() {
        return pipeline;
    }

    /** How many deliveries the outbox still has to make. */
    int pendingDeliveries() {
        return outbox.status().pending();
    }

    /** Stops in the order the plugin stops: the driver, the pipeline, the outbox, then the scheduler. */
    @Override
    public void close() {
        driver.close();
        pipeline.close();
        outbox.close();
        scheduler.close();
    }

    /** What a channel gets from the platform: an HTTP client, the system clock, no external URL. */
    private static final class LocalContext implements ChannelContext {

        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        @Override
        public HttpClient httpClient() {
            return client;
        }

        @Override
        public Clock clock() {
            return Clock.systemUTC();
        }

        @Override
        public String externalUrl() {
            return "";
        }
    }
}
