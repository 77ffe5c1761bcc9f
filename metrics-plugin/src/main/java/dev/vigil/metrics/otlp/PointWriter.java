package dev.vigil.metrics.otlp;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricAppender;
import dev.vigil.api.metrics.MetricMetadata;
import dev.vigil.api.metrics.SampleRejectedException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes the samples of one request's data points into one appender and keeps count of the points taken and
 * refused. A point is refused when the store refused any of its samples or when it could not be translated;
 * the other points of the request are unaffected. One thread.
 */
final class PointWriter {

    /** The reason tag of points that could not be translated. */
    static final String INVALID_POINT = "invalid_point";
    /** The reason tag of delta points not newer than the last one of their series. */
    static final String DELTA_OUT_OF_ORDER = "delta_out_of_order";

    private final MetricAppender appender;
    private final Map<String, Integer> rejectedByReason = new LinkedHashMap<>();
    private int accepted;
    private int rejected;
    private @Nullable String firstError;
    private @Nullable String pointReason;
    private @Nullable String pointError;

    PointWriter(MetricAppender appender) {
        this.appender = requireNonNull(appender, "appender is null");
    }

    /** Records a metric family's metadata. */
    void metadata(String family, MetricMetadata metadata) {
        appender.metadata(family, metadata);
    }

    /** Adds a sample of the current data point; a refusal marks the point refused. */
    void sample(Labels labels, long timestampMillis, double value) {
        try {
            appender.append(0, labels, timestampMillis, value);
        } catch (SampleRejectedException e) {
            if (pointReason == null) {
                pointReason = e.reason().name().toLowerCase(Locale.ROOT);
                pointError = e.getMessage();
            }
        }
    }

    /**
     * Adds a sample that belongs to no data point, such as {@code target_info}. A refusal is not counted: such a
     * series is derived from the points, and a refusal means a newer sample of it is already stored.
     */
    void derivedSample(Labels labels, long timestampMillis, double value) {
        try {
            appender.append(0, labels, timestampMillis, value);
        } catch (SampleRejectedException e) {
            // nothing is lost: the same series is written again with the next request's points
        }
    }

    /** Ends the current data point: taken unless a sample of it was refused. */
    void endPoint() {
        if (pointReason == null) {
            accepted++;
        } else {
            reject(pointReason, requireNonNull(pointError, "pointError is null"));
        }
        pointReason = null;
        pointError = null;
    }

    /** Refuses a data point without writing it. */
    void reject(String reason, String message) {
        rejected++;
        rejectedByReason.merge(reason, 1, Integer::sum);
        if (firstError == null) {
            firstError = message.replace('\n', ' ').replace('\r', ' ');
        }
    }

    /** How many data points were taken. */
    int accepted() {
        return accepted;
    }

    /** How many data points were refused. */
    int rejected() {
        return rejected;
    }

    /** The refused points by reason tag. */
    Map<String, Integer> rejectedByReason() {
        return Map.copyOf(rejectedByReason);
    }

    /** The first refusal's message, or null when none was refused. */
    @Nullable String firstError() {
        return firstError;
    }
}
