package dev.vigil.logging.logql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.api.logs.LineFilter;
import dev.vigil.api.logs.LogFilter;
import dev.vigil.api.logs.LogSearch;
import dev.vigil.api.logs.Severity;
import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.api.metrics.Labels;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Log queries: selection, each pipeline stage, the limit and direction, label kinds, and what reaches the store. */
class LogqlEngineLogsTest {

    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";

    private final TestingLogQuery store = new TestingLogQuery();
    private final LogqlEngine engine = new LogqlEngine(store, 500);

    @BeforeEach
    void fill() {
        store.add(
                Records.at(1).service("api").severity(Severity.INFO)
                        .body("{\"status\":200,\"req\":{\"method\":\"GET\",\"path\":\"/a\"},\"tags\":[\"x\"],\"ok\":true,\"n\":null,\"latency\":\"120ms\"}")
                        .build(),
                Records.at(2).service("api").severity(Severity.ERROR).trace(TRACE, "b7ad6b7169203331")
                        .body("{\"status\":503,\"req\":{\"method\":\"POST\",\"path\":\"/b\"},\"latency\":\"1.5s\",\"msg\":\"upstream timeout\"}")
                        .build(),
                Records.at(3).service("api").severity(Severity.WARN).body("not json at all").build(),
                Records.at(4).service("web").resource("k8s.namespace.name", "shop").resource("host.name", "node-1")
                        .body("level=error msg=\"disk full\" size=10KB status=500").build(),
                Records.at(5).service("web").resource("k8s.namespace.name", "shop").resource("host.name", "node-1")
                        .body("level=info msg=ok size=512B status=200 \u001b[31mred\u001b[0m").build());
    }

    @Test
    void newestFirstUpToTheLimitGroupedByAllLabels() {
        LogResult result = logs("{service_name=\"api\"}", LogSearch.Direction.BACKWARD, 2);

        assertThat(result.streams()).extracting(LogStream::labels).containsExactly(
                Labels.of("detected_level", "error", "service_name", "api", "span_id", "b7ad6b7169203331", "trace_id", TRACE),
                Labels.of("detected_level", "warn", "service_name", "api"));
        assertThat(lines(result)).containsExactly("not json at all",
                "{\"status\":503,\"req\":{\"method\":\"POST\",\"path\":\"/b\"},\"latency\":\"1.5s\",\"msg\":\"upstream timeout\"}");
        assertThat(result.streams().get(1).entries().get(0).timeNanos()).isEqualTo(3_000_000_000L);
        assertThat(result.statistics().entriesReturned()).isEqualTo(2);
    }

    @Test
    void oldestFirstForward() {
        assertThat(times(logs("{service_name=~\"api|web\"}", LogSearch.Direction.FORWARD, 3))).containsExactly(1L, 2L, 3L);
        assertThat(times(logs("{service_name=~\"api|web\"}", LogSearch.Direction.BACKWARD, 3))).containsExactly(3L, 4L, 5L);
    }

    @Test
    void lineFilters() {
        assertThat(times(logs("{service_name=~\".+\"} |= \"status\"", LogSearch.Direction.FORWARD, 10))).containsExactly(1L, 2L, 4L, 5L);
        assertThat(times(logs("{service_name=~\".+\"} |= \"status\" != \"POST\" !~ \"level=(info|debug)\"", LogSearch.Direction.FORWARD, 10)))
                .containsExactly(1L, 4L);
        assertThat(times(logs("{service_name=~\".+\"} |~ \"(?i)NOT JSON|disk\"", LogSearch.Direction.FORWARD, 10))).containsExactly(3L, 4L);
        assertThat(times(logs("{service_name=~\".+\"} |= \"disk\" or \"timeout\"", LogSearch.Direction.FORWARD, 10))).containsExactly(2L, 4L);
        assertThat(times(logs("{service_name=~\".+\"} != \"disk\" or \"timeout\"", LogSearch.Direction.FORWARD, 10))).containsExactly(1L, 3L, 5L);
    }

    @Test
    void jsonFlattensNestedKeysAndSkipsArrays() {
        LogResult result = categorized("{service_name=\"api\"} |= \"/a\" | json", 1);
        assertThat((Object) result.streams().get(0).entries().get(0).parsed()).isEqualTo(Labels.of("latency", "120ms", "ok", "true",
                "req_method", "GET", "req_path", "/a", "status", "200"));

        LogResult extracted = categorized("{service_name=\"api\"} |= \"/a\" | json code=\"status\", method=\"req.method\", first=\"tags[0]\", req", 1);
        assertThat((Object) extracted.streams().get(0).entries().get(0).parsed()).isEqualTo(Labels.of("code", "200", "method", "GET",
                "first", "x", "req", "{\"method\":\"GET\",\"path\":\"/a\"}"));
    }

    @Test
    void aLineThatIsNotJsonCarriesTheErrorUntilAFilterDropsIt() {
        LogResult result = logs("{service_name=\"api\"} | json", LogSearch.Direction.FORWARD, 10);
        Labels failed = result.streams().stream().map(LogStream::labels).filter(l -> l.has("__error__")).findFirst().orElseThrow();
        assertThat(failed.get("__error__")).isEqualTo("JSONParserErr");
        assertThat(failed.get("__error_details__")).isNotEmpty();

        assertThat(times(logs("{service_name=\"api\"} | json | __error__=\"\"", LogSearch.Direction.FORWARD, 10))).containsExactly(1L, 2L);
        assertThat(logs("{service_name=\"api\"} | json | drop __error__", LogSearch.Direction.FORWARD, 10).streams())
                .extracting(LogStream::labels).noneMatch(l -> l.has("__error__") || l.has("__error_details__"));
    }

    @Test
    void labelFiltersCompareStringsNumbersDurationsAndSizes() {
        assertThat(times(logs("{service_name=\"api\"} | json | status >= 500", LogSearch.Direction.FORWARD, 10))).containsExactly(2L, 3L);
        assertThat(times(logs("{service_name=\"api\"} | json | __error__=\"\" | status >= 500", LogSearch.Direction.FORWARD, 10)))
                .containsExactly(2L);
        assertThat(times(logs("{service_name=\"api\"} | json | __error__=\"\" | latency > 1s", LogSearch.Direction.FORWARD, 10)))
                .containsExactly(2L);
        assertThat(times(logs("{service_name=\"api\"} | json | __error__=\"\" | req_method=~\"G.*\" or status == 503",
                LogSearch.Direction.FORWARD, 10))).containsExactly(1L, 2L);
        assertThat(times(logs("{service_name=\"web\"} | logfmt | size > 1KB", LogSearch.Direction.FORWARD, 10))).containsExactly(4L);
        assertThat(times(logs("{service_name=\"web\"} | logfmt | level=\"error\", status=500", LogSearch.Direction.FORWARD, 10)))
                .containsExactly(4L);
    }

    @Test
    void aValueThatIsNotANumberPassesWithAnError() {
        LogResult result = categorized("{service_name=\"api\"} | json | __error__=\"\" | msg > 5", 10);
        assertThat(result.streams()).hasSize(1);
        LogEntry entry = result.streams().get(0).entries().get(0);
        assertThat(entry.timeNanos()).isEqualTo(2_000_000_000L);
        assertThat(entry.parsed().get("__error__")).isEqualTo("LabelFilterErr");
        assertThat(entry.parsed().get("__error_details__")).isEqualTo("strconv.ParseFloat: parsing \"upstream timeout\": invalid syntax");
    }

    @Test
    void logfmtUnquotesValues() {
        LogResult result = categorized("{service_name=\"web\"} | logfmt", 1);
        assertThat((Object) result.streams().get(0).entries().get(0).parsed()).isEqualTo(
                Labels.of("level", "info", "msg", "ok", "size", "512B", "status", "200"));
        LogResult older = categorized("{service_name=\"web\"} | logfmt msg, lvl=\"level\" | lvl=\"error\"", 1);
        assertThat((Object) older.streams().get(0).entries().get(0).parsed()).isEqualTo(Labels.of("lvl", "error", "msg", "disk full"));
    }

    @Test
    void lineFormatDropKeepAndDecolorize() {
        assertThat(lines(logs("{service_name=\"web\"} | logfmt | line_format \"{{.level}}: {{ .msg }} ({{.missing}})\"",
                LogSearch.Direction.FORWARD, 10))).containsExactly("info: ok ()", "error: disk full ()");
        assertThat(lines(logs("{service_name=\"web\"} | logfmt | level=\"info\" | decolorize", LogSearch.Direction.FORWARD, 10)))
                .containsExactly("level=info msg=ok size=512B status=200 red");
        assertThat(logs("{service_name=\"web\"} | logfmt | keep level, service_name", LogSearch.Direction.FORWARD, 10).streams())
                .extracting(LogStream::labels).containsExactly(Labels.of("level", "error", "service_name", "web"),
                        Labels.of("level", "info", "service_name", "web"));
        assertThat(logs("{service_name=\"web\"} | logfmt | drop msg, size, status, level=\"info\", host_name, detected_level",
                LogSearch.Direction.FORWARD, 10).streams()).extracting(LogStream::labels).containsExactlyInAnyOrder(
                        Labels.of("k8s_namespace_name", "shop", "level", "error", "service_name", "web"),
                        Labels.of("k8s_namespace_name", "shop", "service_name", "web"));
    }

    @Test
    void categorizedStreamsHoldOnlyStreamLabels() {
        LogResult result = categorized("{k8s_namespace_name=\"shop\"} | logfmt level", 10);
        assertThat(result.streams()).singleElement().satisfies(stream -> {
            assertThat((Object) stream.labels()).isEqualTo(Labels.of("k8s_namespace_name", "shop", "service_name", "web"));
            assertThat(stream.entries()).extracting(LogEntry::structuredMetadata).containsOnly(
                    Labels.of("detected_level", "info", "host_name", "node-1"));
            assertThat(stream.entries()).extracting(LogEntry::parsed).containsExactly(
                    Labels.of("level", "info"), Labels.of("level", "error"));
        });
    }

    @Test
    void aTraceIdFindsItsLines() {
        assertThat(times(logs("{service_name=\"api\"} | trace_id=\"" + TRACE + "\"", LogSearch.Direction.BACKWARD, 10))).containsExactly(2L);
    }

    @Test
    void streamMatchersLineFiltersAndTimeArePushedDown() {
        logs("{service_name=\"api\", k8s_namespace_name!=\"x\", nope=\"\"} |= \"status\" or \"x.y\" | json | line_format \"{{.a}}\" |= \"a\"",
                LogSearch.Direction.BACKWARD, 7);

        LogFilter filter = store.searches().get(0).filter();
        assertThat(filter.from()).isEqualTo(Instant.ofEpochSecond(0));
        assertThat(filter.to()).isEqualTo(Instant.ofEpochSecond(100));
        assertThat(filter.resource()).containsExactly(LabelMatcher.equal("service.name", "api"),
                LabelMatcher.notEqual("k8s.namespace.name", "x"));
        assertThat(filter.lines()).containsExactly(LineFilter.regex("status|x\\.y"));
        assertThat(store.searches().get(0).limit()).isEqualTo(1000);
    }

    @Test
    void aParsedLabelNamedLikeAStreamLabelGetsExtracted() {
        store.add(Records.at(7).service("jobs").body("{\"service_name\":\"worker\",\"n\":1}").build());

        LogResult result = categorized("{service_name=\"jobs\"} | json | service_name_extracted=\"worker\"", 10);
        assertThat((Object) result.streams().get(0).entries().get(0).parsed())
                .isEqualTo(Labels.of("n", "1", "service_name_extracted", "worker"));
    }

    @Test
    void regularExpressionsJoinedByOrArePushedDownAsOne() {
        assertThat(times(logs("{service_name=~\".+\"} |~ \"dis[k]\" or \"time.ut\"", LogSearch.Direction.FORWARD, 10)))
                .containsExactly(2L, 4L);
        assertThat(store.searches().get(0).filter().lines()).containsExactly(LineFilter.regex("(?:dis[k])|(?:time.ut)"));
    }

    @Test
    void unknownServiceIsNotPushedDownAsAnAttribute() {
        store.add(Records.at(6).body("anonymous").build());

        assertThat(lines(logs("{service_name=\"unknown_service\"}", LogSearch.Direction.BACKWARD, 10))).containsExactly("anonymous");
        assertThat(store.searches().get(0).filter().resource()).isEmpty();
        assertThat(store.searches().get(0).limit()).isEqualTo(10);
    }

    @Test
    void aSelectorOnALabelNoStreamHasReadsNothing() {
        assertThat(logs("{host_name=\"node-1\"}", LogSearch.Direction.BACKWARD, 10).streams()).isEmpty();
        assertThat(store.searches()).isEmpty();
    }

    @Test
    void pagesAreFollowedUntilTheLimitIsReached() {
        for (int i = 0; i < 30; i++) {
            store.add(Records.at(10 + i).service("bulk").body(i % 3 == 0 ? "keep " + i : "skip").build());
        }
        LogResult result = engine.logs((LogSelectorExpr) LogqlParser.parse("{service_name=\"bulk\"} | json | __error__!=\"\" |= \"keep\""),
                Instant.EPOCH, Instant.ofEpochSecond(100), LogSearch.Direction.BACKWARD, 1001, false);
        assertThat(lines(result)).hasSize(10).first().isEqualTo("keep 27");
    }

    @Test
    void aBadTemplateIsRefused() {
        assertThatThrownBy(() -> logs("{service_name=\"web\"} | line_format \"{{ToUpper .msg}}\"", LogSearch.Direction.FORWARD, 10))
                .isInstanceOf(LogqlException.class).hasMessage("unsupported LogQL feature: line_format template action {{ToUpper .msg}}");
    }

    private LogResult logs(String query, LogSearch.Direction direction, int limit) {
        return engine.logs((LogSelectorExpr) LogqlParser.parse(query), Instant.EPOCH, Instant.ofEpochSecond(100), direction, limit, false);
    }

    private LogResult categorized(String query, int limit) {
        return engine.logs((LogSelectorExpr) LogqlParser.parse(query), Instant.EPOCH, Instant.ofEpochSecond(100),
                LogSearch.Direction.BACKWARD, limit, true);
    }

    private static List<String> lines(LogResult result) {
        return result.streams().stream().flatMap(s -> s.entries().stream())
                .sorted((a, b) -> Long.compare(b.timeNanos(), a.timeNanos())).map(LogEntry::line).collect(Collectors.toList());
    }

    private static List<Long> times(LogResult result) {
        List<Long> times = result.streams().stream().flatMap(s -> s.entries().stream()).map(e -> e.timeNanos() / 1_000_000_000L)
                .sorted().collect(Collectors.toList());
        return times;
    }
}
