package dev.vigil.logging.store;

import dev.vigil.api.logs.LogFilter;
import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.metrics.LabelMatcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A {@link LogFilter} made ready to run against stored frames: which blocks and frames can hold a record it takes
 * (time, severities, resources, Bloom filter), and a test of each record in place, without decoding it, that agrees
 * with {@link LogFilter#test}. One per search; not thread-safe.
 */
final class QueryPlan {

    final LogFilter filter;
    /** Nanoseconds, {@code from} inclusive and {@code to} exclusive. */
    final long from;
    final long to;
    /** The severities taken, a bit per ordinal. */
    final int severityMask;
    /** Whether no record can pass, whatever is stored. */
    final boolean matchesNothing;
    /** Whether the filter looks only at time, severity and resource, so counts can come from frame headers. */
    final boolean countsFromHeaders;
    /** Conditions on the Bloom filter: each group must have an alternative whose bits are all set. */
    private final List<int[][]> bloomGroups = new ArrayList<>();

    private final ResourceTable resources;
    private final List<LabelMatcher> resourceMatchers;
    private final Map<Integer, Boolean> resourceMatches = new HashMap<>();
    private final byte @Nullable [] traceId;
    private final Set<String> loggers;
    private final AttributeTest[] attributes;
    private final BodyTest body;
    private final boolean needsMeta;

    QueryPlan(LogFilter filter, ResourceTable resources) {
        this.filter = filter;
        this.resources = resources;
        this.from = LogFilter.nanos(filter.from());
        this.to = LogFilter.nanos(filter.to());
        int mask = 0;
        for (var s : filter.severities()) {
            mask |= 1 << s.ordinal();
        }
        this.severityMask = filter.severities().isEmpty() ? (1 << Format.SEVERITIES) - 1 : mask;
        this.resourceMatchers = filter.resource();
        this.loggers = filter.loggers();

        boolean nothing = from >= to;
        String trace = filter.traceId();
        if (trace.isEmpty()) {
            traceId = null;
        } else if (LogRecord.isTraceId(trace)) {
            traceId = HexFormat.of().parseHex(trace);
            bloomGroups.add(new int[][] {Tokens.exactProbes(Tokens.traceHash(traceId, 0))});
        } else {
            // stored trace ids are always 32 lower-case hex digits
            traceId = null;
            nothing = true;
        }
        if (!loggers.isEmpty()) {
            int[][] any = new int[loggers.size()][];
            int k = 0;
            for (String logger : loggers) {
                any[k++] = Tokens.exactProbes(Tokens.scopeHash(logger));
            }
            bloomGroups.add(any);
        }
        List<LabelMatcher> attributeMatchers = filter.attributes();
        this.attributes = new AttributeTest[attributeMatchers.size()];
        for (int a = 0; a < attributes.length; a++) {
            LabelMatcher m = attributeMatchers.get(a);
            attributes[a] = new AttributeTest(m);
            if (m.type() == LabelMatcher.Type.EQUAL && !m.value().isEmpty()) {
                bloomGroups.add(new int[][] {Tokens.exactProbes(Tokens.attributeHash(m.name(), m.value()))});
            }
        }
        this.body = new BodyTest(filter.lines());
        for (int[] probes : body.gramProbes()) {
            bloomGroups.add(new int[][] {probes});
        }
        this.matchesNothing = nothing;
        this.needsMeta = traceId != null || !loggers.isEmpty() || attributes.length > 0;
        this.countsFromHeaders = !needsMeta && !nothing && filter.lines().isEmpty() && trace.isEmpty();
    }


    /** Whether records of resource {@code id} pass the resource conditions. */
    boolean resourceMatches(int id) {
        if (resourceMatchers.isEmpty()) {
            return true;
        }
        Boolean known = resourceMatches.get(id);
        if (known != null) {
            return known;
        }
        Map<String, String> resource = resources.get(id);
        Map<String, String> attrs = resource == null ? Map.of() : resource;
        boolean ok = true;
        for (LabelMatcher m : resourceMatchers) {
            if (!m.matches(attrs.getOrDefault(m.name(), ""))) {
                ok = false;
                break;
            }
        }
        resourceMatches.put(id, ok);
        return ok;
    }

    boolean anyResourceMatches(int[] ids) {
        for (int id : ids) {
            if (resourceMatches(id)) {
                return true;
            }
        }
        return false;
    }

    boolean allResourcesMatch(int[] ids) {
        for (int id : ids) {
            if (!resourceMatches(id)) {
                return false;
            }
        }
        return true;
    }

    private boolean anySeverity(long[] counts) {
        for (int s = 0; s < Format.SEVERITIES; s++) {
            if (counts[s] > 0 && (severityMask & 1 << s) != 0) {
                return true;
            }
        }
        return false;
    }

    private boolean anySeverity(int[] counts) {
        for (int s = 0; s < Format.SEVERITIES; s++) {
            if (counts[s] > 0 && (severityMask & 1 << s) != 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code block} may hold a record that passes, time aside. */
    boolean blockMayMatch(BlockView block, Reader reader) throws IOException {
        if (block.count == 0 || !anySeverity(block.severityCounts) || !anyResourceMatches(block.resourceIds)) {
            return false;
        }
        for (int[][] group : bloomGroups) {
            boolean any = false;
            for (int[] probes : group) {
                if (block.allBits(reader, probes)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code frame} may hold a record that passes, time aside. */
    boolean frameMayMatch(FrameInfo frame) {
        return anySeverity(frame.severityCounts()) && anyResourceMatches(frame.resourceIds());
    }

    /** Prepares the record test for a newly loaded frame. */
    void startFrame(FrameData data) {
        body.startFrame(data);
    }

    /** Whether record {@code i} of the frame last given to {@link #startFrame} passes every condition but time. */
    boolean matches(FrameData d, int i) {
        if ((severityMask & 1 << d.severity(i)) == 0 || !resourceMatches(d.resource(i))) {
            return false;
        }
        if (needsMeta && !metaMatches(d, i)) {
            return false;
        }
        return body.test(d, i);
    }

    private boolean metaMatches(FrameData d, int i) {
        int scope = d.seekScope(i);
        if (!loggers.isEmpty() && !loggers.contains(d.string(scope, d.stringLength()))) {
            return false;
        }
        int trace = d.traceAt();
        if (traceId != null && (trace < 0 || !d.bytesEqual(trace, 16, traceId))) {
            return false;
        }
        if (attributes.length == 0) {
            return true;
        }
        for (AttributeTest a : attributes) {
            a.found = false;
            a.passed = false;
        }
        int count = d.attributeCount();
        for (int k = 0; k < count; k++) {
            int key = d.stringStart();
            int keyLength = d.stringLength();
            int value = d.stringStart();
            int valueLength = d.stringLength();
            for (AttributeTest a : attributes) {
                if (!a.found && d.bytesEqual(key, keyLength, a.name)) {
                    a.found = true;
                    a.passed = a.test(d, value, valueLength);
                }
            }
        }
        for (AttributeTest a : attributes) {
            if (a.found ? !a.passed : !a.passesAbsent) {
                return false;
            }
        }
        return true;
    }

    /** A condition on one attribute, tested on its stored bytes. */
    private static final class AttributeTest {
        final LabelMatcher matcher;
        final byte[] name;
        final byte @Nullable [] equalTo;
        final boolean passesAbsent;
        boolean found;
        boolean passed;

        AttributeTest(LabelMatcher matcher) {
            this.matcher = matcher;
            this.name = matcher.name().getBytes(StandardCharsets.UTF_8);
            this.equalTo = matcher.type() == LabelMatcher.Type.EQUAL ? matcher.value().getBytes(StandardCharsets.UTF_8) : null;
            this.passesAbsent = matcher.matches("");
        }

        boolean test(FrameData d, int value, int length) {
            if (equalTo != null) {
                return d.bytesEqual(value, length, equalTo);
            }
            return matcher.matches(d.string(value, length));
        }
    }
}
