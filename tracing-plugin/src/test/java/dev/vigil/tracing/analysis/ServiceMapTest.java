package dev.vigil.tracing.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.traces.SpanKind;
import dev.vigil.api.traces.SpanRecord;
import dev.vigil.api.traces.SpanStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service map's pairing of callers and callees, as Vigil's map and Zipkin's dependencies both read it. */
class ServiceMapTest {

    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
    private final ServiceMap map = new ServiceMap();

    @Test
    void aClientSpanCallingAServerSpanOfAnotherServiceIsOneCall() {
        link(span("1", "", "web", SpanKind.SERVER, false, null),
                span("2", "1", "web", SpanKind.INTERNAL, false, null),
                span("3", "2", "web", SpanKind.CLIENT, true, "api"),
                span("4", "3", "api", SpanKind.SERVER, false, null),
                span("5", "4", "api", SpanKind.INTERNAL, true, null));

        assertThat(links()).containsExactly(link("web", "api", 1, 1));
    }

    @Test
    void sharedSpanIdsOfZipkinsRpcModelLinkTheClientToTheServer() {
        link(span("1", "", "web", SpanKind.SERVER, false, null),
                span("2", "1", "web", SpanKind.CLIENT, true, "api"),
                span("2", "1", "api", SpanKind.SERVER, false, null),
                span("3", "2", "api", SpanKind.CLIENT, false, null));

        assertThat(links()).containsExactly(link("web", "api", 1, 1));
    }

    @Test
    void callsToAndFromServicesThatAreNotTracedComeFromPeerService() {
        link(span("1", "", "api", SpanKind.SERVER, false, "browser"),
                span("2", "1", "api", SpanKind.CLIENT, false, "mysql"),
                span("3", "1", "api", SpanKind.PRODUCER, true, "kafka"),
                span("4", "1", "api", SpanKind.CLIENT, false, "api"));
        SpanRecord other = new SpanRecord("1bf7651916cd43dd8448eb211c80319c", "0000000000000009", "", "", SpanKind.CLIENT, 0, 1,
                SpanStatus.UNSET, Map.of("service.name", "api"), "", Map.of("peer.service", "mysql"), List.of(), List.of());
        map.accept(other);

        assertThat(links()).containsExactly(
                link("api", "kafka", 1, 1),
                link("api", "mysql", 2, 0),
                link("browser", "api", 1, 0));
    }

    @Test
    void latencyIsTheCalleeSpansOrForAnUntracedCalleeTheClientSpans() {
        map.accept(timed("1", "", "web", SpanKind.SERVER, null, 0, 100));
        map.accept(timed("2", "1", "web", SpanKind.CLIENT, "api", 10, 60));
        map.accept(timed("3", "2", "api", SpanKind.SERVER, null, 15, 55));
        map.accept(timed("4", "1", "web", SpanKind.CLIENT, "redis", 60, 63));

        List<ServiceMap.Edge> edges = map.edges(Duration.ofSeconds(2));
        assertThat(edges).extracting(e -> e.caller() + "->" + e.callee() + " " + e.p50().toMillis() + "ms")
                .containsExactly("web->api 40ms", "web->redis 3ms");
        assertThat(edges.get(0).ratePerSecond()).isEqualTo(0.5);
        assertThat(map.spans()).isEqualTo(4);
    }

    @Test
    void messagesNamingTheirBrokerLinkThroughItAndOthersLinkProducerToConsumer() {
        link(span("1", "", "shop", SpanKind.PRODUCER, false, "kafka"),
                span("2", "1", "billing", SpanKind.CONSUMER, true, "kafka"),
                span("3", "", "shop", SpanKind.PRODUCER, false, null),
                span("4", "3", "mailer", SpanKind.CONSUMER, false, null));

        assertThat(links()).containsExactly(link("kafka", "billing", 1, 1), link("shop", "kafka", 1, 0), link("shop", "mailer", 1, 0));
    }

    @Test
    void aChildWhoseParentIsNotAmongTheSpansLinksNothing() {
        link(span("2", "1", "api", SpanKind.SERVER, false, null));
        assertThat(links()).isEmpty();
    }

    private List<String> links() {
        return map.edges(Duration.ofSeconds(1)).stream().map(e -> e.caller() + "->" + e.callee() + " " + e.calls() + " " + e.errors()).toList();
    }

    private static String link(String caller, String callee, long calls, long errors) {
        return caller + "->" + callee + " " + calls + " " + errors;
    }

    private void link(SpanRecord... spans) {
        for (SpanRecord span : spans) {
            map.accept(span);
        }
    }

    private static SpanRecord timed(String id, String parent, String service, SpanKind kind, String peerService, long startMs, long endMs) {
        return new SpanRecord(TRACE, "000000000000000" + id, parent.isEmpty() ? "" : "000000000000000" + parent, "op", kind,
                startMs * 1_000_000, endMs * 1_000_000, SpanStatus.UNSET, Map.of("service.name", service), "",
                peerService == null ? Map.of() : Map.of("peer.service", peerService), List.of(), List.of());
    }

    private static SpanRecord span(String id, String parent, String service, SpanKind kind, boolean error, String peerService) {
        return new SpanRecord(TRACE, "000000000000000" + id, parent.isEmpty() ? "" : "000000000000000" + parent, "op", kind, 0, 1,
                error ? new SpanStatus(SpanStatus.Code.ERROR, "") : SpanStatus.UNSET, Map.of("service.name", service), "",
                peerService == null ? Map.of() : Map.of("peer.service", peerService), List.of(), List.of());
    }
}
