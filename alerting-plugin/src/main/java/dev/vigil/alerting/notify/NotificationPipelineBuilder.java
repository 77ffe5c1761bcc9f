package dev.vigil.alerting.notify;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link NotificationPipeline}. The configuration, the sink and the data directory are required. Not
 * thread-safe.
 */
public final class NotificationPipelineBuilder {

    @Nullable PipelineConfig config;
    @Nullable NotificationSink sink;
    @Nullable Path dataDirectory;
    AcknowledgementSink acknowledgementSink = notification -> {};
    Clock clock = Clock.systemUTC();
    String externalUrl = "";
    Duration alertSnapshotInterval = Duration.ofSeconds(5);
    Duration retention = Duration.ofHours(120);

    NotificationPipelineBuilder() {}

    /** The compiled configuration to start with. */
    public NotificationPipelineBuilder config(PipelineConfig config) {
        this.config = requireNonNull(config, "config is null");
        return this;
    }

    /** Where notifications go: the durable outbox. */
    public NotificationPipelineBuilder sink(NotificationSink sink) {
        this.sink = requireNonNull(sink, "sink is null");
        return this;
    }

    /** The directory the state files live in; created if needed. */
    public NotificationPipelineBuilder dataDirectory(Path dataDirectory) {
        this.dataDirectory = requireNonNull(dataDirectory, "dataDirectory is null");
        return this;
    }

    /**
     * Who hears that a notified group was acknowledged as a whole, to tell channels with an acknowledged state of
     * their own; nobody by default.
     */
    public NotificationPipelineBuilder acknowledgementSink(AcknowledgementSink acknowledgementSink) {
        this.acknowledgementSink = requireNonNull(acknowledgementSink, "acknowledgementSink is null");
        return this;
    }

    /** The clock all timing comes from; the system's UTC clock by default. */
    public NotificationPipelineBuilder clock(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
        return this;
    }

    /** The URL notifications link back to ({@code externalURL} in the webhook payload); empty by default. */
    public NotificationPipelineBuilder externalUrl(String externalUrl) {
        this.externalUrl = requireNonNull(externalUrl, "externalUrl is null");
        return this;
    }

    /**
     * The least time between two writes of the alerts file (5s by default): new and resolved alerts are written
     * at most this late; the other state files are written as soon as they change.
     */
    public NotificationPipelineBuilder alertSnapshotInterval(Duration interval) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("alertSnapshotInterval is negative: " + interval);
        }
        this.alertSnapshotInterval = interval;
        return this;
    }

    /**
     * How long expired silences and notification log entries are kept (120h by default, as Alertmanager's
     * {@code --data.retention}); an unchanged group is notified again at the latest after this long.
     */
    public NotificationPipelineBuilder retention(Duration retention) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive: " + retention);
        }
        this.retention = retention;
        return this;
    }

    /**
     * Builds the pipeline and loads the state saved in the data directory: alerts, silences, acknowledgements,
     * the notification log and escalations. The groups are formed anew from the alerts, as Alertmanager does after
     * a restart; the notification log keeps them from repeating what was already sent.
     *
     * @throws IllegalStateException if a required part is missing
     * @throws java.io.UncheckedIOException if the data directory cannot be created
     */
    public NotificationPipeline build() {
        if (config == null || sink == null || dataDirectory == null) {
            throw new IllegalStateException("a notification pipeline needs a config, a sink and a data directory");
        }
        return new NotificationPipeline(this);
    }
}
