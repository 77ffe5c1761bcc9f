package dev.vigil.tracing.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.api.plugin.Plugin;
import dev.vigil.api.plugin.PluginContext;
import dev.vigil.api.traces.SpanKind;
import dev.vigil.api.traces.SpanRecord;
import dev.vigil.api.traces.SpanStatus;
import dev.vigil.testkit.TestKernel;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The trace endpoints through a real kernel's HTTP server, over two checkout traces. */
class TracesApiTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final String SLOW = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String FAST = "5b8efff798038103d269b633813fc60c";
    private static final long MS = 1_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestKernel kernel;

    private static SpanRecord span(String trace, String id, String parent, String service, String name, long startMs, long endMs, boolean error) {
        long base = T0.toEpochMilli() * MS;
        return new SpanRecord(trace, id, parent, name, parent.isEmpty() ? SpanKind.SERVER : SpanKind.CLIENT, base + startMs * MS,
                base + endMs * MS, error ? new SpanStatus(SpanStatus.Code.ERROR, "declined") : SpanStatus.UNSET,
                Map.of("service.name", service), "", Map.of("http.route", name), List.of(), List.of());
    }

    @BeforeEach
    void start() throws Exception {
        InMemoryTraces traces = new InMemoryTraces();
        traces.add(List.of(
                span(SLOW, "a000000000000001", "", "front", "GET /checkout", 0, 100, false),
                span(SLOW, "b000000000000002", "a000000000000001", "cart", "GET /cart", 10, 40, false),
                span(SLOW, "c000000000000003", "a000000000000001", "payments", "POST /pay", 30, 90, true),
                span(FAST, "e000000000000005", "", "front", "GET /checkout", 1000, 1020, false),
                span(FAST, "f000000000000006", "e000000000000005", "cart", "GET /cart", 1005, 1015, false)));
        TracesApi api = new TracesApi(traces, Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC));
        Plugin plugin = new Plugin() {
            @Override
            public void start(PluginContext context) {
                api.register(context.routes());
            }
        };
        kernel = TestKernel.builder().plugin("traces", "1.0.0", () -> plugin).start();
    }

    @AfterEach
    void stop() {
        kernel.close();
    }

    private JsonNode data(String path) throws Exception {
        HttpResponse<String> response = kernel.get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("data");
    }

    @Test
    void aTraceComesBackAsATreeWithItsCriticalPath() throws Exception {
        JsonNode trace = data("/api/v1/traces/" + SLOW);
        assertThat(trace.path("spans").asInt()).isEqualTo(3);
        JsonNode root = trace.path("roots").get(0);
        assertThat(root.path("name").asText()).isEqualTo("GET /checkout");
        assertThat(root.path("children")).extracting(c -> c.path("service").asText()).containsExactly("cart", "payments");
        assertThat(root.path("children").get(1).path("status").asText()).isEqualTo("error");

        JsonNode path = data("/api/v1/traces/" + SLOW + "/critical-path");
        assertThat(path.path("durationMicros").asLong()).isEqualTo(100_000);
        assertThat(path.path("segments")).extracting(s -> s.path("name").asText())
                .containsExactly("GET /checkout", "GET /cart", "POST /pay", "GET /checkout");

        assertThat(kernel.get("/api/v1/traces/" + "0".repeat(31) + "1").statusCode()).isEqualTo(404);
        assertThat(kernel.get("/api/v1/traces/nothex").statusCode()).isEqualTo(400);
    }

    @Test
    void searchFindsTracesBySpanConditions() throws Exception {
        assertThat(data("/api/v1/traces?start=2026-11-22T09:59:00Z").path("traces")).extracting(t -> t.path("traceId").asText())
                .containsExactly(FAST, SLOW);
        assertThat(data("/api/v1/traces?start=2026-11-22T09:59:00Z&service=payments&error=true").path("traces"))
                .extracting(t -> t.path("traceId").asText()).containsExactly(SLOW);
        assertThat(data("/api/v1/traces?start=2026-11-22T09:59:00Z&operation=GET%20/checkout&minDuration=50ms").path("traces"))
                .extracting(t -> t.path("traceId").asText()).containsExactly(SLOW);
        assertThat(data("/api/v1/traces?start=2026-11-22T09:59:00Z&attr=http.route%3DPOST%20/pay").path("traces")).hasSize(1);
        assertThat(kernel.get("/api/v1/traces?minDuration=fast").body()).contains("minDuration: cannot read 'fast' as a duration");
    }

    @Test
    void servicesOperationsMapAndBottlenecks() throws Exception {
        assertThat(data("/api/v1/tracing/services").path("services")).extracting(JsonNode::asText).containsExactly("cart", "front", "payments");
        assertThat(data("/api/v1/tracing/services/front/operations").path("operations").get(0).path("name").asText()).isEqualTo("GET /checkout");

        JsonNode edges = data("/api/v1/tracing/service-map").path("edges");
        assertThat(edges).extracting(e -> e.path("caller").asText() + "->" + e.path("callee").asText() + " " + e.path("calls").asInt())
                .containsExactly("front->cart 2", "front->payments 1");
        assertThat(edges.get(1).path("errorRate").asDouble()).isEqualTo(1.0);

        JsonNode bottlenecks = data("/api/v1/tracing/bottlenecks?service=front&operation=GET%20/checkout");
        assertThat(bottlenecks.path("traces").asInt()).isEqualTo(2);
        assertThat(bottlenecks.path("contributors").get(0).path("operation").asText()).isEqualTo("POST /pay");
        assertThat(kernel.get("/api/v1/tracing/bottlenecks?service=front").statusCode()).isEqualTo(400);
    }
}
