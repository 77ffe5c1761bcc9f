package dev.vigil.metrics.promql.functions;

import java.util.Map;

/**
 * The range and element-wise functions by name; the evaluator handles every other function itself, using
 * {@link ClassicBuckets}, {@link BucketLabel}, {@link Quantiles}, {@link KahanSum}, {@link KahanMean},
 * {@link Variance} and {@link Messages} where it needs their arithmetic or wording.
 *
 * <p>Range functions get a {@link Window} whose {@code args} are the call's scalar arguments in written order
 * ({@code quantile_over_time(φ, m)}: [φ]; {@code predict_linear(m, t)}: [t];
 * {@code double_exponential_smoothing(m, sf, tf)}: [sf, tf]) and whose {@code position} is that of the call's
 * first argument. Element functions get the same kind of arguments ({@code clamp(v, min, max)}: [min, max];
 * {@code round(v, to)}: [to] or []); the date functions get the sample value as a Unix time in seconds.
 * Immutable and thread-safe.
 */
public final class FunctionKernels {

    private static final Map<String, RangeFunction> RANGE = Map.ofEntries(
            Map.entry("rate", RangeKernel.needing(2, RateFunctions::rate)),
            Map.entry("increase", RangeKernel.needing(2, RateFunctions::increase)),
            Map.entry("delta", RangeKernel.needing(2, RateFunctions::delta)),
            Map.entry("irate", RangeKernel.needing(2, RateFunctions::irate)),
            Map.entry("idelta", RangeKernel.needing(2, RateFunctions::idelta)),
            Map.entry("deriv", RangeKernel.needing(2, TrendFunctions::deriv)),
            Map.entry("predict_linear", RangeKernel.needing(2, TrendFunctions::predictLinear)),
            Map.entry("double_exponential_smoothing", RangeKernel.needing(2, TrendFunctions::doubleExponentialSmoothing)),
            Map.entry("changes", RangeKernel.of(SampleFunctions::changes)),
            Map.entry("resets", RangeKernel.of(SampleFunctions::resets)),
            Map.entry("avg_over_time", RangeKernel.of(OverTimeFunctions::avg)),
            Map.entry("min_over_time", RangeKernel.of(OverTimeFunctions::min)),
            Map.entry("max_over_time", RangeKernel.of(OverTimeFunctions::max)),
            Map.entry("sum_over_time", RangeKernel.of(OverTimeFunctions::sum)),
            Map.entry("count_over_time", RangeKernel.of(OverTimeFunctions::count)),
            Map.entry("stddev_over_time", RangeKernel.of(OverTimeFunctions::stddev)),
            Map.entry("stdvar_over_time", RangeKernel.of(OverTimeFunctions::stdvar)),
            Map.entry("quantile_over_time", RangeKernel.of(OverTimeFunctions::quantile)),
            Map.entry("mad_over_time", RangeKernel.of(OverTimeFunctions::mad)),
            Map.entry("last_over_time", RangeKernel.keepingName(SampleFunctions::last)),
            Map.entry("first_over_time", RangeKernel.keepingName(SampleFunctions::first)),
            Map.entry("present_over_time", RangeKernel.of(SampleFunctions::present)),
            Map.entry("ts_of_first_over_time", RangeKernel.of(SampleFunctions::timeOfFirst)),
            Map.entry("ts_of_last_over_time", RangeKernel.of(SampleFunctions::timeOfLast)),
            Map.entry("ts_of_min_over_time", RangeKernel.of(SampleFunctions::timeOfMin)),
            Map.entry("ts_of_max_over_time", RangeKernel.of(SampleFunctions::timeOfMax)));

    private static final Map<String, ElementFunction> ELEMENT = Map.ofEntries(
            Map.entry("abs", (v, a) -> Math.abs(v)),
            Map.entry("ceil", (v, a) -> Math.ceil(v)),
            Map.entry("floor", (v, a) -> Math.floor(v)),
            Map.entry("exp", (v, a) -> Math.exp(v)),
            Map.entry("ln", (v, a) -> Math.log(v)),
            Map.entry("log2", (v, a) -> MathFunctions.log2(v)),
            Map.entry("log10", (v, a) -> Math.log10(v)),
            Map.entry("sqrt", (v, a) -> Math.sqrt(v)),
            Map.entry("sgn", (v, a) -> MathFunctions.sgn(v)),
            Map.entry("deg", (v, a) -> MathFunctions.deg(v)),
            Map.entry("rad", (v, a) -> MathFunctions.rad(v)),
            Map.entry("sin", (v, a) -> Math.sin(v)),
            Map.entry("cos", (v, a) -> Math.cos(v)),
            Map.entry("tan", (v, a) -> Math.tan(v)),
            Map.entry("asin", (v, a) -> Math.asin(v)),
            Map.entry("acos", (v, a) -> Math.acos(v)),
            Map.entry("atan", (v, a) -> Math.atan(v)),
            Map.entry("sinh", (v, a) -> Math.sinh(v)),
            Map.entry("cosh", (v, a) -> Math.cosh(v)),
            Map.entry("tanh", (v, a) -> Math.tanh(v)),
            Map.entry("asinh", (v, a) -> MathFunctions.asinh(v)),
            Map.entry("acosh", (v, a) -> MathFunctions.acosh(v)),
            Map.entry("atanh", (v, a) -> MathFunctions.atanh(v)),
            Map.entry("round", (v, a) -> MathFunctions.round(v, a.length == 0 ? 1 : a[0])),
            Map.entry("clamp", (v, a) -> MathFunctions.clamp(v, a[0], a[1])),
            Map.entry("clamp_min", (v, a) -> MathFunctions.clampMin(v, a[0])),
            Map.entry("clamp_max", (v, a) -> MathFunctions.clampMax(v, a[0])),
            Map.entry("year", (v, a) -> DateFunctions.year(v)),
            Map.entry("month", (v, a) -> DateFunctions.month(v)),
            Map.entry("day_of_month", (v, a) -> DateFunctions.dayOfMonth(v)),
            Map.entry("day_of_year", (v, a) -> DateFunctions.dayOfYear(v)),
            Map.entry("day_of_week", (v, a) -> DateFunctions.dayOfWeek(v)),
            Map.entry("days_in_month", (v, a) -> DateFunctions.daysInMonth(v)),
            Map.entry("hour", (v, a) -> DateFunctions.hour(v)),
            Map.entry("minute", (v, a) -> DateFunctions.minute(v)));

    private FunctionKernels() {}

    /** The range functions by name, such as {@code rate}. */
    public static Map<String, RangeFunction> range() {
        return RANGE;
    }

    /** The element-wise functions by name, such as {@code abs}. */
    public static Map<String, ElementFunction> element() {
        return ELEMENT;
    }

    /**
     * Whether the element function {@code name} has no output at all at a step with these arguments, so the
     * evaluator must drop every sample instead of calling it: only {@code clamp} with {@code max < min}.
     */
    public static boolean dropsEverySample(String name, double[] args) {
        return name.equals("clamp") && args.length == 2 && MathFunctions.clampDropsAll(args[0], args[1]);
    }
}
