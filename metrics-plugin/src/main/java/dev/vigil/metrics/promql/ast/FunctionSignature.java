package dev.vigil.metrics.promql.ast;

import static dev.vigil.metrics.promql.ast.ValueType.MATRIX;
import static dev.vigil.metrics.promql.ast.ValueType.SCALAR;
import static dev.vigil.metrics.promql.ast.ValueType.STRING;
import static dev.vigil.metrics.promql.ast.ValueType.VECTOR;
import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The name and types of a PromQL function. Arguments past the end of {@code argTypes} take the last type.
 *
 * @param name the name as written
 * @param argTypes the types of the arguments
 * @param minArgs how many arguments must be given
 * @param maxArgs how many may be given, or -1 for any number
 * @param returnType the type of the result
 */
public record FunctionSignature(String name, List<ValueType> argTypes, int minArgs, int maxArgs, ValueType returnType) {

    private static final Map<String, FunctionSignature> ALL = table();

    /** Checks and copies. */
    public FunctionSignature {
        requireNonNull(name, "name is null");
        argTypes = List.copyOf(argTypes);
        requireNonNull(returnType, "returnType is null");
    }

    /** The type of argument {@code index}. */
    public ValueType argType(int index) {
        return argTypes.get(Math.min(index, argTypes.size() - 1));
    }

    /** The function named {@code name}. */
    public static Optional<FunctionSignature> lookup(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    /** Every function, by name. */
    public static Map<String, FunctionSignature> all() {
        return ALL;
    }

    private static Map<String, FunctionSignature> table() {
        Map<String, FunctionSignature> t = new LinkedHashMap<>();
        // Element-wise functions of an instant vector.
        for (String name : List.of("abs", "ceil", "floor", "exp", "ln", "log2", "log10", "sqrt", "sgn", "deg", "rad",
                "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh",
                "timestamp", "absent", "sort", "sort_desc", "histogram_avg", "histogram_count", "histogram_sum",
                "histogram_stddev", "histogram_stdvar")) {
            exact(t, name, VECTOR, VECTOR);
        }
        // Functions of the samples in a range.
        for (String name : List.of("rate", "irate", "increase", "delta", "idelta", "deriv", "changes", "resets",
                "avg_over_time", "min_over_time", "max_over_time", "sum_over_time", "count_over_time",
                "stddev_over_time", "stdvar_over_time", "last_over_time", "first_over_time", "present_over_time",
                "absent_over_time", "mad_over_time", "ts_of_min_over_time", "ts_of_max_over_time",
                "ts_of_first_over_time", "ts_of_last_over_time")) {
            exact(t, name, VECTOR, MATRIX);
        }
        // Date functions: the argument defaults to vector(time()).
        for (String name : List.of("day_of_month", "day_of_week", "day_of_year", "days_in_month", "hour", "minute",
                "month", "year")) {
            add(t, name, List.of(VECTOR), 0, 1, VECTOR);
        }
        // Scalar functions with no argument.
        for (String name : List.of("time", "pi", "step", "range", "start", "end")) {
            add(t, name, List.of(), 0, 0, SCALAR);
        }
        exact(t, "min_of", SCALAR, SCALAR, SCALAR);
        exact(t, "max_of", SCALAR, SCALAR, SCALAR);
        exact(t, "scalar", SCALAR, VECTOR);
        exact(t, "vector", VECTOR, SCALAR);
        exact(t, "clamp", VECTOR, VECTOR, SCALAR, SCALAR);
        exact(t, "clamp_min", VECTOR, VECTOR, SCALAR);
        exact(t, "clamp_max", VECTOR, VECTOR, SCALAR);
        add(t, "round", List.of(VECTOR, SCALAR), 1, 2, VECTOR);
        exact(t, "predict_linear", VECTOR, MATRIX, SCALAR);
        exact(t, "quantile_over_time", VECTOR, SCALAR, MATRIX);
        exact(t, "double_exponential_smoothing", VECTOR, MATRIX, SCALAR, SCALAR);
        exact(t, "histogram_quantile", VECTOR, SCALAR, VECTOR);
        add(t, "histogram_quantiles", List.of(VECTOR, STRING, SCALAR), 3, -1, VECTOR);
        exact(t, "histogram_fraction", VECTOR, SCALAR, SCALAR, VECTOR);
        exact(t, "label_replace", VECTOR, VECTOR, STRING, STRING, STRING, STRING);
        add(t, "label_join", List.of(VECTOR, STRING, STRING, STRING), 3, -1, VECTOR);
        add(t, "sort_by_label", List.of(VECTOR, STRING), 1, -1, VECTOR);
        add(t, "sort_by_label_desc", List.of(VECTOR, STRING), 1, -1, VECTOR);
        add(t, "info", List.of(VECTOR, VECTOR), 1, 2, VECTOR);
        return Map.copyOf(t);
    }

    private static void exact(Map<String, FunctionSignature> t, String name, ValueType returns, ValueType... args) {
        add(t, name, List.of(args), args.length, args.length, returns);
    }

    private static void add(Map<String, FunctionSignature> t, String name, List<ValueType> args, int min, int max,
            ValueType returns) {
        t.put(name, new FunctionSignature(name, args, min, max, returns));
    }
}
