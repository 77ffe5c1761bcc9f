package dev.vigil.logging.logql;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.Labels;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The value of a metric query: a matrix over a range, a vector at an instant, or a scalar. Immutable. */
public sealed interface MetricValue {

    /** Loki's {@code resultType}. */
    String resultType();

    /**
     * A range query's series, sorted by labels.
     *
     * @param series the series
     */
    record Matrix(List<Series> series) implements MetricValue {

        /** Copies. */
        public Matrix {
            series = List.copyOf(series);
        }

        @Override
        public String resultType() {
            return "matrix";
        }
    }

    /**
     * An instant query's samples, sorted by labels unless the query sorts them by value.
     *
     * @param samples the samples
     */
    record Vector(List<Sample> samples) implements MetricValue {

        /** Copies. */
        public Vector {
            samples = List.copyOf(samples);
        }

        @Override
        public String resultType() {
            return "vector";
        }
    }

    /**
     * A number.
     *
     * @param timestampMillis the time of the query, in milliseconds
     * @param value the number
     */
    record Scalar(long timestampMillis, double value) implements MetricValue {

        @Override
        public String resultType() {
            return "scalar";
        }
    }

    /**
     * One series of a matrix: points at increasing times.
     *
     * @param labels the labels
     * @param timestampsMillis the times in milliseconds
     * @param values the values, one per time
     */
    record Series(Labels labels, long[] timestampsMillis, double[] values) {

        /** Checks. */
        public Series {
            requireNonNull(labels, "labels is null");
            if (timestampsMillis.length != values.length) {
                throw new IllegalArgumentException("one value per timestamp");
            }
        }

        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof Series s && labels.equals(s.labels) && Arrays.equals(timestampsMillis, s.timestampsMillis)
                    && Arrays.equals(values, s.values);
        }

        @Override
        public int hashCode() {
            return labels.hashCode() * 31 + Arrays.hashCode(timestampsMillis);
        }

        @Override
        public String toString() {
            return labels + " " + Arrays.toString(timestampsMillis) + " " + Arrays.toString(values);
        }
    }

    /**
     * One sample of a vector.
     *
     * @param labels the labels
     * @param timestampMillis the time in milliseconds
     * @param value the value
     */
    record Sample(Labels labels, long timestampMillis, double value) {

        /** Checks. */
        public Sample {
            requireNonNull(labels, "labels is null");
        }
    }
}
