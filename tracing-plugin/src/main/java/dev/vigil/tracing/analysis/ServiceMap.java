package dev.vigil.tracing.analysis;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.traces.SpanKind;
import dev.vigil.api.traces.SpanRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The service map: who calls whom, from the spans of a time window. Spans are grouped by trace; then
 * <ul>
 *   <li>a span whose parent (in the same trace) belongs to another service is one call from the parent's service to
 *       the span's. It failed when the span failed or, if the parent is the calling side (a client or producer span),
 *       the parent failed. Its latency is the span's duration;
 *   <li>a server span sharing its id with a client span of another service (Zipkin's shared spans of one RPC) answers
 *       that client: the client's failure counts for the call too;
 *   <li>a client or producer span naming a {@code peer.service} with no child span in another service is a call to a
 *       service that is not traced, with the client span's duration as its latency;
 *   <li>a server or consumer span naming a {@code peer.service} with no parent among the spans is a call from a
 *       service that is not traced;
 *   <li>a producer or consumer span naming its broker in {@code peer.service} is a call to or from the broker, not
 *       to or from the other side of the message, as Zipkin links messaging; without a broker, a consumer is called by
 *       its producer's service.
 * </ul>
 * Calls within one service make no edge. The same map answers Vigil's service map and Zipkin's
 * {@code /api/v2/dependencies}.
 *
 * <p>Feed it spans with {@link #accept}, then read {@link #edges}. It keeps a few fields of each span, not the span.
 * Not thread-safe: one map serves one request.
 */
public final class ServiceMap implements Consumer<SpanRecord> {

    /** The attribute naming the remote service of a client or server span (OpenTelemetry and Zipkin). */
    private static final String PEER_SERVICE = "peer.service";

    /**
     * One caller → callee edge.
     *
     * @param caller the calling service
     * @param callee the called service
     * @param calls how many calls there were
     * @param errors how many failed
     * @param ratePerSecond calls per second over the window
     * @param p50 the median latency of the calls
     * @param p95 the 95th percentile
     * @param max the slowest call
     */
    public record Edge(String caller, String callee, long calls, long errors, double ratePerSecond, Duration p50, Duration p95,
            Duration max) {

        /** Checks the values. */
        public Edge {
            requireNonNull(caller, "caller is null");
            requireNonNull(callee, "callee is null");
            requireNonNull(p50, "p50 is null");
            requireNonNull(p95, "p95 is null");
            requireNonNull(max, "max is null");
        }

        /** The share of calls that failed, 0 to 1. */
        public double errorRate() {
            return calls == 0 ? 0 : (double) errors / calls;
        }
    }

    /** What the edges need of a span. */
    private record Node(String spanId, String parentId, String service, SpanKind kind, boolean error, long nanos,
            @Nullable String peerService) {}

    private final Map<String, List<Node>> traces = new HashMap<>();
    private long spans;

    /** The edges among {@code spans}, which were started within a window of length {@code window}. */
    public static List<Edge> of(Iterable<SpanRecord> spans, Duration window) {
        ServiceMap map = new ServiceMap();
        spans.forEach(map);
        return map.edges(window);
    }

    @Override
    public void accept(SpanRecord span) {
        traces.computeIfAbsent(span.traceId(), t -> new ArrayList<>()).add(new Node(span.spanId(), span.parentSpanId(), span.service(),
                span.kind(), span.status().isError(), span.endNanos() - span.startNanos(), span.attributes().get(PEER_SERVICE)));
        spans++;
    }

    /** How many spans were fed in. */
    public long spans() {
        return spans;
    }

    /**
     * The edges found, sorted by caller then callee, with rates over a window of length {@code window}.
     *
     * @throws NullPointerException if {@code window} is null
     */
    public List<Edge> edges(Duration window) {
        requireNonNull(window, "window is null");
        Map<String, Calls> edges = new TreeMap<>();
        for (List<Node> trace : traces.values()) {
            link(trace, edges);
        }
        double seconds = Math.max(1e-9, window.toNanos() / 1e9);
        List<Edge> out = new ArrayList<>(edges.size());
        edges.forEach((key, calls) -> {
            int separator = key.indexOf('\n');
            out.add(calls.edge(key.substring(0, separator), key.substring(separator + 1), seconds));
        });
        return out;
    }

    private static void link(List<Node> trace, Map<String, Calls> edges) {
        Map<String, List<Node>> byId = new HashMap<>();
        for (Node node : trace) {
            byId.computeIfAbsent(node.spanId(), id -> new ArrayList<>(1)).add(node);
        }
        Map<String, Boolean> callsOut = new HashMap<>();
        for (Node node : trace) {
            String broker = broker(node);
            if (broker != null) {
                // a message goes through its broker: producer → broker and broker → consumer, as Zipkin links them
                if (node.kind() == SpanKind.PRODUCER) {
                    add(edges, node.service(), broker, node.error(), node.nanos());
                    callsOut.put(node.spanId(), true);
                } else {
                    add(edges, broker, node.service(), node.error(), node.nanos());
                }
                continue;
            }
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
                if (!parent.service().equals(node.service()) && broker(parent) == null) {
                    boolean callerFailed = twinFailed || isCalling(parent) && parent.error();
                    add(edges, parent.service(), node.service(), node.error() || callerFailed, node.nanos());
                    callsOut.put(parent.spanId(), true);
                }
            } else if (isReceiving(node) && node.peerService() != null && !node.peerService().equals(node.service())) {
                add(edges, node.peerService(), node.service(), node.error() || twinFailed, node.nanos());
            }
        }
        for (Node node : trace) {
            if (isCalling(node) && node.peerService() != null && !node.peerService().equals(node.service())
                    && !callsOut.containsKey(node.spanId())) {
                add(edges, node.service(), node.peerService(), node.error(), node.nanos());
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

    /** The broker a message was sent to or received from, when the node is such a message and names it. */
    private static @Nullable String broker(Node node) {
        String peer = node.peerService();
        boolean messaging = node.kind() == SpanKind.PRODUCER || node.kind() == SpanKind.CONSUMER;
        return messaging && peer != null && !peer.equals(node.service()) ? peer : null;
    }

    private static boolean isCalling(Node node) {
        return node.kind() == SpanKind.CLIENT || node.kind() == SpanKind.PRODUCER;
    }

    private static boolean isReceiving(Node node) {
        return node.kind() == SpanKind.SERVER || node.kind() == SpanKind.CONSUMER;
    }

    private static void add(Map<String, Calls> edges, String caller, String callee, boolean error, long nanos) {
        edges.computeIfAbsent(caller + '\n' + callee, k -> new Calls()).add(Math.max(0, nanos), error);
    }

    private static final class Calls {
        private long[] nanos = new long[16];
        private int count;
        private long errors;

        void add(long duration, boolean error) {
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = duration;
            if (error) {
                errors++;
            }
        }

        Edge edge(String caller, String callee, double seconds) {
            long[] sorted = Arrays.copyOf(nanos, count);
            Arrays.sort(sorted);
            return new Edge(caller, callee, count, errors, count / seconds, Duration.ofNanos(rank(sorted, 0.5)),
                    Duration.ofNanos(rank(sorted, 0.95)), Duration.ofNanos(sorted[count - 1]));
        }

        /** The nearest-rank percentile. */
        private static long rank(long[] sorted, double q) {
            int index = (int) Math.ceil(q * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }
    }
}
