package dev.vigil.metrics.promql.functions;

import java.util.Map;

/** The range and element-wise functions by name; the evaluator handles every other function itself. */
public final class FunctionKernels {

    private static final Map<String, RangeFunction> RANGE = Map.of();
    private static final Map<String, ElementFunction> ELEMENT = Map.of();

    private FunctionKernels() {}

    /** The range functions by name, such as {@code rate}. */
    public static Map<String, RangeFunction> range() {
        return RANGE;
    }

    /** The element-wise functions by name, such as {@code abs}. */
    public static Map<String, ElementFunction> element() {
        return ELEMENT;
    }
}
