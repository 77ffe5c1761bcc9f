package dev.vigil.api.metrics;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.Experimental;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The value of a PromQL expression: one of the four types of Prometheus's query API. */
@Experimental
public sealed interface QueryValue {

    /** The type name as Prometheus's API spells it in {@code resultType}. */
    String resultType();

    /** An instant vector: at most one sample per label set, all at one evaluation time. */
    record VectorValue(List<Sample> samples) implements QueryValue {
        /** Copies the list. */
        public VectorValue {
            samples = List.copyOf(samples);
        }

        @Override
        public String resultType() {
            return "vector";
        }
    }

    /** A matrix: series with the values they had over a range, sorted by labels unless the query sorted them. */
    record MatrixValue(List<RangeSeries> series) implements QueryValue {
        /** Copies the list. */
        public MatrixValue {
            series = List.copyOf(series);
        }

        @Override
        public String resultType() {
            return "matrix";
        }
    }

    /** A single number. */
    record ScalarValue(long timestamp, double value) implements QueryValue {
        @Override
        public String resultType() {
            return "scalar";
        }
    }

    /** A string. */
    record StringValue(long timestamp, String value) implements QueryValue {
        /** Checks the value. */
        public StringValue {
            requireNonNull(value, "value is null");
        }

        @Override
        public String resultType() {
            return "string";
        }
    }

    /**
     * One element of an instant vector.
     *
     * @param labels the series
     * @param timestamp the evaluation time, in milliseconds since the epoch
     * @param value the value
     */
    record Sample(Labels labels, long timestamp, double value) {
        /** Checks the labels. */
        public Sample {
            requireNonNull(labels, "labels is null");
        }
    }

    /**
     * One series of a matrix: its labels and its points in timestamp order, kept in arrays because a range
     * result can hold millions of them. Immutable.
     */
    final class RangeSeries {
        private final Labels labels;
        private final long[] timestamps;
        private final double[] values;

        private RangeSeries(Labels labels, long[] timestamps, double[] values) {
            this.labels = requireNonNull(labels, "labels is null");
            if (timestamps.length != values.length) {
                throw new IllegalArgumentException("timestamps and values differ in length: " + timestamps.length + " and " + values.length);
            }
            this.timestamps = timestamps;
            this.values = values;
        }

        /**
         * A series with copies of the arrays.
         *
         * @throws IllegalArgumentException if the arrays differ in length
         */
        public static RangeSeries of(Labels labels, long[] timestamps, double[] values) {
            return new RangeSeries(labels, timestamps.clone(), values.clone());
        }

        /**
         * A series that takes the first {@code size} elements of the arrays, without copying them when they are
         * exactly that long; the caller must not change them afterwards.
         */
        public static RangeSeries wrap(Labels labels, long[] timestamps, double[] values, int size) {
            long[] t = size == timestamps.length ? timestamps : Arrays.copyOf(timestamps, size);
            double[] v = size == values.length ? values : Arrays.copyOf(values, size);
            return new RangeSeries(labels, t, v);
        }

        /** The labels. */
        public Labels labels() {
            return labels;
        }

        /** How many points there are. */
        public int size() {
            return timestamps.length;
        }

        /** The timestamp of point {@code index}, in milliseconds since the epoch. */
        public long timestamp(int index) {
            return timestamps[index];
        }

        /** The value of point {@code index}. */
        public double value(int index) {
            return values[index];
        }

        @Override
        public boolean equals(@Nullable Object o) {
            return this == o || (o instanceof RangeSeries other && labels.equals(other.labels)
                    && Arrays.equals(timestamps, other.timestamps) && Arrays.equals(values, other.values));
        }

        @Override
        public int hashCode() {
            return labels.hashCode() * 31 + Arrays.hashCode(timestamps);
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder(labels.toString()).append(" =>");
            for (int i = 0; i < timestamps.length; i++) {
                out.append(' ').append(values[i]).append(" @").append(timestamps[i]);
            }
            return out.toString();
        }
    }
}
