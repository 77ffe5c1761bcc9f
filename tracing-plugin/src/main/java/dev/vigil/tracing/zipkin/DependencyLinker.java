package dev.vigil.tracing.zipkin;

import dev.vigil.api.traces.SpanKind;
import dev.vigil.api.traces.SpanRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Counts the calls between services in a set of spans, for Zipkin's {@code /api/v2/dependencies}. Spans are grouped by
 * trace; then:
 * <ul>
 *   <li>a span whose parent (in the same trace) belongs to another service is one call from the parent's service to
 *       the span's, failed when either the span or, if the parent is the calling side (a client or producer span), the
 *       parent failed;
 *   <li>a client or producer span naming a {@code peer.service} with no child span of another service is a call to a
 *       service that is not traced;
 *   <li>a server or consumer span naming a {@code peer.service} with no parent among the spans is a call from a
 *       service that is not traced.
 * </ul>
 * Calls within one service are not links. Not thread-safe: one linker serves one request.
 */
final class DependencyLinker implements Consumer<SpanRecord> {

    /** A link between two services with its counts. */
    record Link(String parent, String child, long callCount, long errorCount) {}

    /** What the links need of a span. */
    private record Node(String spanId, String parentId, String service, SpanKind kind, boolean error, @Nullable String peerService) {}

    private final Map<String, List<Node>> traces = new HashMap<>();

    @Override
    public void accept(SpanRecord span) {
        traces.computeIfAbsent(span.traceId(), t -> new ArrayList<>()).add(new Node(span.spanId(), span.parentSpanId(), span.service(),
                span.kind(), span.status().isError(), span.attributes().get(ZipkinConventions.PEER_SERVICE)));
    }

    /** The links found, sorted by parent then child service. */
    List<Link> links() {
        Map<String, long[]> counts = new TreeMap<>();
        for (List<Node> trace : traces.values()) {
            link(trace, counts);
        }
        List<Link> links = new ArrayList<>(counts.size());
        for (Map.Entry<String, long[]> entry : counts.entrySet()) {
            int separator = entry.getKey().indexOf('\n');
            links.add(new Link(entry.getKey().substring(0, separator), entry.getKey().substring(separator + 1), entry.getValue()[0],
                    entry.getValue()[1]));
        }
        return links;
    }

    private static void link(List<Node> trace, Map<String, long[]> counts) {
        Map<String, List<Node>> byId = new HashMap<>();
        for (Node node : trace) {
            byId.computeIfAbsent(node.spanId(), id -> new ArrayList<>(1)).add(node);
        }
        Map<String, Boolean> callsOut = new HashMap<>();
        for (Node node : trace) {
            // a server span sharing its client's id (Zipkin's shared spans) answers that client itself
            boolean twinFailed = false;
            if (node.kind() == SpanKind.SERVER) {
                for (Node twin : byId.get(node.spanId())) {
                    if (twin.kind() == SpanKind.CLIENT && !twin.service().equals(node.service())) {
                        callsOut.put(twin.spanId(), true);
                        twinFailed |= twin.error();
                    }
                }
            }
            Node parent = node.parentId().isEmpty() ? null : parent(byId.get(node.parentId()), node);
            if (parent != null) {
                if (!parent.service().equals(node.service())) {
                    boolean callerFailed = twinFailed
                            || (parent.kind() == SpanKind.CLIENT || parent.kind() == SpanKind.PRODUCER) && parent.error();
                    count(counts, parent.service(), node.service(), node.error() || callerFailed);
                    callsOut.put(parent.spanId(), true);
                }
            } else if (isReceiving(node) && node.peerService() != null && !node.peerService().equals(node.service())) {
                count(counts, node.peerService(), node.service(), node.error() || twinFailed);
            }
        }
        for (Node node : trace) {
            if ((node.kind() == SpanKind.CLIENT || node.kind() == SpanKind.PRODUCER) && node.peerService() != null
                    && !node.peerService().equals(node.service()) && !callsOut.containsKey(node.spanId())) {
                count(counts, node.service(), node.peerService(), node.error());
            }
        }
    }

    /** The parent among the spans with the parent's id: one of the child's own service first, as with shared ids. */
    private static @Nullable Node parent(@Nullable List<Node> candidates, Node child) {
        if (candidates == null) {
            return null;
        }
        for (Node candidate : candidates) {
            if (candidate.service().equals(child.service()) && candidate != child) {
                return candidate;
            }
        }
        for (Node candidate : candidates) {
            if (candidate != child) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean isReceiving(Node node) {
        return node.kind() == SpanKind.SERVER || node.kind() == SpanKind.CONSUMER;
    }

    private static void count(Map<String, long[]> counts, String parent, String child, boolean error) {
        long[] c = counts.computeIfAbsent(parent + '\n' + child, k -> new long[2]);
        c[0]++;
        if (error) {
            c[1]++;
        }
    }
}
