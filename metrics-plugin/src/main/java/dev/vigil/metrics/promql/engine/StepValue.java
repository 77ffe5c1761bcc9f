package dev.vigil.metrics.promql.engine;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.QueryValue.RangeSeries;
import java.util.List;

/** The value of an expression over every step of a grid. */
sealed interface StepValue {

    /** How many samples the value holds, for the query's memory limit. */
    long samples();

    /** A scalar: one value at every step. */
    record Scalar(double[] values) implements StepValue {
        public Scalar {
            requireNonNull(values, "values is null");
        }

        @Override
        public long samples() {
            return values.length;
        }
    }

    /** An instant vector: series with a value at some steps, in the order the operator produced them. */
    record Vector(List<StepSeries> series) implements StepValue {
        public Vector {
            requireNonNull(series, "series is null");
        }

        @Override
        public long samples() {
            long n = 0;
            for (StepSeries s : series) {
                n += Steps.countPresent(s.values());
            }
            return n;
        }
    }

    /** A string, the same at every step. */
    record Text(String value) implements StepValue {
        public Text {
            requireNonNull(value, "value is null");
        }

        @Override
        public long samples() {
            return 0;
        }
    }

    /** A range vector, the result of an instant query of a range selector or subquery. */
    record Matrix(List<RangeSeries> series) implements StepValue {
        public Matrix {
            requireNonNull(series, "series is null");
        }

        @Override
        public long samples() {
            long n = 0;
            for (RangeSeries s : series) {
                n += s.size();
            }
            return n;
        }
    }
}
