package dev.vigil.tracing.zipkin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.traces.SpanKind;
import dev.vigil.api.traces.SpanRecord;
import dev.vigil.api.traces.SpanStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependencyLinkerTest {

    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
    private final DependencyLinker linker = new DependencyLinker();

    @Test
    void aClientSpanCallingAServerSpanOfAnotherServiceIsOneCall() {
        link(span("1", "", "web", SpanKind.SERVER, false, null),
                span("2", "1", "web", SpanKind.INTERNAL, false, null),
                span("3", "2", "web", SpanKind.CLIENT, true, "api"),
                span("4", "3", "api", SpanKind.SERVER, false, null),
                span("5", "4", "api", SpanKind.INTERNAL, true, null));

        assertThat(linker.links()).containsExactly(new DependencyLinker.Link("web", "api", 1, 1));
    }

    @Test
    void sharedSpanIdsOfZipkinsRpcModelLinkTheClientToTheServer() {
        link(span("1", "", "web", SpanKind.SERVER, false, null),
                span("2", "1", "web", SpanKind.CLIENT, true, "api"),
                span("2", "1", "api", SpanKind.SERVER, false, null),
                span("3", "2", "api", SpanKind.CLIENT, false, null));

        assertThat(linker.links()).containsExactly(new DependencyLinker.Link("web", "api", 1, 1));
    }

    @Test
    void callsToAndFromServicesThatAreNotTracedComeFromPeerService() {
        link(span("1", "", "api", SpanKind.SERVER, false, "browser"),
                span("2", "1", "api", SpanKind.CLIENT, false, "mysql"),
                span("3", "1", "api", SpanKind.PRODUCER, true, "kafka"),
                span("4", "1", "api", SpanKind.CLIENT, false, "api"));
        SpanRecord other = new SpanRecord("1bf7651916cd43dd8448eb211c80319c", "0000000000000009", "", "", SpanKind.CLIENT, 0, 1,
                SpanStatus.UNSET, Map.of("service.name", "api"), "", Map.of("peer.service", "mysql"), List.of(), List.of());
        linker.accept(other);

        assertThat(linker.links()).containsExactly(
                new DependencyLinker.Link("api", "kafka", 1, 1),
                new DependencyLinker.Link("api", "mysql", 2, 0),
                new DependencyLinker.Link("browser", "api", 1, 0));
    }

    @Test
    void aChildWhoseParentIsNotAmongTheSpansLinksNothing() {
        link(span("2", "1", "api", SpanKind.SERVER, false, null));
        assertThat(linker.links()).isEmpty();
    }

    private void link(SpanRecord... spans) {
        for (SpanRecord span : spans) {
            linker.accept(span);
        }
    }

    private static SpanRecord span(String id, String parent, String service, SpanKind kind, boolean error, String peerService) {
        return new SpanRecord(TRACE, "000000000000000" + id, parent.isEmpty() ? "" : "000000000000000" + parent, "op", kind, 0, 1,
                error ? new SpanStatus(SpanStatus.Code.ERROR, "") : SpanStatus.UNSET, Map.of("service.name", service), "",
                peerService == null ? Map.of() : Map.of("peer.service", peerService), List.of(), List.of());
    }
}
