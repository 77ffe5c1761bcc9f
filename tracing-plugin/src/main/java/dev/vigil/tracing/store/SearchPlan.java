package dev.vigil.tracing.store;

import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.api.traces.TraceSearch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The conditions of a {@link TraceSearch} ready to run against blocks, frames and spans. A block is skipped when its
 * start range misses the search's, when none of its operations is of the service and name sought with the errors and
 * durations sought in the time sought, or when an equality condition on an attribute has neither a bit in its attribute
 * filter nor a resource of the block with that value. A frame is skipped by its start range, errors, durations and
 * operations. A span is tested exactly as {@link TraceSearch#test} does. One per query; not thread-safe.
 */
final class SearchPlan {

    final long from;
    final long to;
    /** True when no span can match (an empty time range). */
    final boolean matchesNothing;
    private final @Nullable String service;
    private final @Nullable String operation;
    private final boolean errorsOnly;
    private final long minDuration;
    private final long maxDuration;
    private final Condition[] conditions;
    private final Dictionary dictionary;
    /** By operation id: 0 not worked out yet, 1 of the service and name sought, 2 not. */
    private byte[] operationState = new byte[64];
    private final Map<Integer, Map<String, String>> resources = new HashMap<>();

    /** An attribute condition, with its name as UTF-8 and, for an equality with a value, the filter hash. */
    private record Condition(LabelMatcher matcher, byte[] name, boolean indexed, long hash) {}

    SearchPlan(TraceSearch search, Dictionary dictionary) {
        this.dictionary = dictionary;
        this.from = Nanos.at(search.from());
        this.to = Nanos.at(search.to());
        this.matchesNothing = to <= from;
        this.service = search.service().orElse(null);
        this.operation = search.operation().orElse(null);
        this.errorsOnly = search.errorsOnly();
        this.minDuration = search.minDuration().map(Nanos::of).orElse(Long.MIN_VALUE);
        this.maxDuration = search.maxDuration().map(Nanos::of).orElse(Long.MAX_VALUE);
        List<LabelMatcher> matchers = search.attributes();
        this.conditions = new Condition[matchers.size()];
        for (int k = 0; k < conditions.length; k++) {
            LabelMatcher m = matchers.get(k);
            boolean indexed = m.type() == LabelMatcher.Type.EQUAL && !m.value().isEmpty();
            conditions[k] = new Condition(m, m.name().getBytes(StandardCharsets.UTF_8), indexed,
                    indexed ? Hashes.attribute(m.name(), m.value()) : 0);
        }
    }

    /** Whether a span starting at {@code start} falls in the time range. */
    boolean inRange(long start) {
        return start >= from && start < to;
    }

    /** Whether some span started from {@code min} to {@code max} could fall in the time range. */
    boolean overlaps(long min, long max) {
        return max >= from && min < to;
    }

    /** Whether spans of operation {@code id} are of the service and span name sought. */
    boolean operationMatches(int id) {
        if (id < 0) {
            return false;
        }
        if (id >= operationState.length) {
            operationState = Arrays.copyOf(operationState, Math.max(id + 1, operationState.length * 2));
        }
        byte state = operationState[id];
        if (state == 0) {
            Dictionary.Operation op = dictionary.operation(id);
            boolean ok = op != null && (service == null || service.equals(op.service()))
                    && (operation == null || operation.equals(op.name()));
            state = (byte) (ok ? 1 : 2);
            operationState[id] = state;
        }
        return state == 1;
    }

    private boolean durationsOverlap(long min, long max) {
        return max >= minDuration && min <= maxDuration;
    }

    /** False if no span of {@code block} can match. */
    boolean blockMayMatch(BlockView block, Reader reader) throws IOException {
        if (!overlaps(block.minStart, block.maxStart) || errorsOnly && block.errors == 0
                || !durationsOverlap(block.minDuration, block.maxDuration)) {
            return false;
        }
        boolean any = false;
        for (OpStats op : block.operations) {
            if (operationMatches(op.operation) && (!errorsOnly || op.errors > 0) && overlaps(op.minStart, op.maxStart)
                    && durationsOverlap(op.minDuration, op.maxDuration)) {
                any = true;
                break;
            }
        }
        if (!any) {
            return false;
        }
        for (Condition c : conditions) {
            if (c.indexed && !block.mayHoldAttribute(reader, c.hash) && !anyResourceHas(block.resourceIds, c.matcher)) {
                return false;
            }
        }
        return true;
    }

    private boolean anyResourceHas(int[] resourceIds, LabelMatcher m) {
        for (int id : resourceIds) {
            if (m.value().equals(resource(id).get(m.name()))) {
                return true;
            }
        }
        return false;
    }

    /** False if no span of {@code frame} can match. */
    boolean frameMayMatch(FrameInfo frame) {
        if (!overlaps(frame.minStart(), frame.maxStart()) || errorsOnly && frame.errors() == 0
                || !durationsOverlap(frame.minDuration(), frame.maxDuration())) {
            return false;
        }
        for (int id : frame.operationIds()) {
            if (operationMatches(id)) {
                return true;
            }
        }
        return false;
    }

    /** Whether span {@code i} meets every condition. */
    boolean matches(FrameSpans spans, int i) {
        long start = spans.start(i);
        if (!inRange(start) || !operationMatches(spans.operation(i)) || errorsOnly && !spans.isError(i)) {
            return false;
        }
        long duration = spans.end(i) - start;
        if (duration < minDuration || duration > maxDuration) {
            return false;
        }
        for (Condition c : conditions) {
            String value = spans.attribute(i, c.name);
            if (value == null) {
                value = resource(spans.resource(i)).getOrDefault(c.matcher.name(), "");
            }
            if (!c.matcher.matches(value)) {
                return false;
            }
        }
        return true;
    }

    private Map<String, String> resource(int id) {
        Map<String, String> r = resources.get(id);
        if (r == null) {
            Map<String, String> known = dictionary.resource(id);
            r = known != null ? known : Map.of();
            resources.put(id, r);
        }
        return r;
    }
}
