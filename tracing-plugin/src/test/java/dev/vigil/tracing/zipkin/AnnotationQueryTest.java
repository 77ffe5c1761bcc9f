package dev.vigil.tracing.zipkin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.api.traces.SpanKind;
import dev.vigil.api.traces.SpanRecord;
import dev.vigil.api.traces.SpanStatus;
import dev.vigil.api.traces.TraceSearch;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnnotationQueryTest {

    private static final SpanRecord SPAN = new SpanRecord("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", "", "get", SpanKind.SERVER,
            0, 1, new SpanStatus(SpanStatus.Code.ERROR, "boom"), Map.of("service.name", "api", "region", "eu"), "io.lib",
            Map.of("http.path", "/a=b", "empty", ""), List.of(new SpanRecord.Event(0, "retried", Map.of())), List.of());

    @Test
    void termsAreJoinedByAndAndSplitAtTheFirstEquals() {
        assertThat(AnnotationQuery.parse(" http.path=/a=b  and retried and  region = eu and error= ").test(SPAN)).isTrue();
        assertThat(AnnotationQuery.parse("").isEmpty()).isTrue();
        assertThat(AnnotationQuery.parse(null).isEmpty()).isTrue();
        assertThat(AnnotationQuery.parse(" and ").isEmpty()).isTrue();
    }

    @Test
    void aBareKeyIsATagOrAnAnnotationAndAPairATagWithThatValue() {
        assertThat(AnnotationQuery.parse("empty").test(SPAN)).isTrue();
        assertThat(AnnotationQuery.parse("retried").test(SPAN)).isTrue();
        assertThat(AnnotationQuery.parse("missing").test(SPAN)).isFalse();
        assertThat(AnnotationQuery.parse("error=boom and otel.scope.name=io.lib and otel.status_code=ERROR").test(SPAN)).isTrue();
        assertThat(AnnotationQuery.parse("http.path=/a").test(SPAN)).isFalse();
    }

    @Test
    void theStoreChecksWhatItCanExpress() {
        TraceSearch search = AnnotationQuery.parse("error and http.path=/x and otel.scope.name=io.lib and retried")
                .narrow(TraceSearch.between(Instant.EPOCH, Instant.EPOCH.plusSeconds(1), 10));
        assertThat(search.errorsOnly()).isTrue();
        assertThat(search.attributes()).extracting(LabelMatcher::name, LabelMatcher::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("http.path", "/x"));
    }
}
