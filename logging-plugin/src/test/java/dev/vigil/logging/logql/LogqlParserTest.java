package dev.vigil.logging.logql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.api.logs.LineFilter;
import dev.vigil.api.metrics.LabelMatcher;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The parser against Loki's grammar: what it builds, and Loki's own words for what it refuses. */
class LogqlParserTest {

    private static final List<LabelMatcher> FOO_BAR = List.of(LabelMatcher.equal("foo", "bar"));

    @Test
    void streamSelectorsTakeTheFourMatchers() {
        assertThat(LogqlParser.parse("{ namespace=\"buzz\", foo != \"bar\", app=~\"a|b\", env!~\"dev.*\" }"))
                .isEqualTo(new LogSelectorExpr(List.of(LabelMatcher.equal("namespace", "buzz"), LabelMatcher.notEqual("foo", "bar"),
                        LabelMatcher.regex("app", "a|b"), LabelMatcher.notRegex("env", "dev.*")), List.of()));
    }

    @Test
    void lineFiltersChainAndTakeOr() {
        assertThat(LogqlParser.parse("{foo=\"bar\"} |= \"baz\" |~ \"blip\" != \"flip\" !~ \"flap\" |= \"a\" or `b\\c`"))
                .isEqualTo(new LogSelectorExpr(FOO_BAR, List.of(
                        new Stage.LineFilterStage(LineFilter.Type.CONTAINS, List.of("baz")),
                        new Stage.LineFilterStage(LineFilter.Type.REGEX, List.of("blip")),
                        new Stage.LineFilterStage(LineFilter.Type.NOT_CONTAINS, List.of("flip")),
                        new Stage.LineFilterStage(LineFilter.Type.NOT_REGEX, List.of("flap")),
                        new Stage.LineFilterStage(LineFilter.Type.CONTAINS, List.of("a", "b\\c")))));
    }

    @Test
    void parsersAndLabelFiltersWithTypedValues() {
        Expr expr = LogqlParser.parse("{foo=\"bar\"} | logfmt --strict --keep-empty | length>5d | json first=\"a.b\", second"
                + " | size > 10KB | status == -1 | rate=\"a\"");
        assertThat(expr).isEqualTo(new LogSelectorExpr(FOO_BAR, List.of(
                new Stage.LogfmtStage(List.of(), true, true),
                new Stage.LabelFilterStage(new LabelPredicate.Duration("length", CompareOp.GT, Duration.ofDays(5).toNanos())),
                new Stage.JsonStage(List.of(new Stage.Extraction("first", "a.b"), new Stage.Extraction("second", "second"))),
                new Stage.LabelFilterStage(new LabelPredicate.Bytes("size", CompareOp.GT, 10_000, "10KB")),
                new Stage.LabelFilterStage(new LabelPredicate.Numeric("status", CompareOp.EQ, -1)),
                new Stage.LabelFilterStage(new LabelPredicate.Match(LabelMatcher.equal("rate", "a"))))));
    }

    @Test
    void labelFiltersGroupAsLokisGrammarDoes() {
        assertThat(stage("{app=\"foo\"} | latency >= 250ms or ( status_code < 500 and status_code > 200)"))
                .isEqualTo(new LabelPredicate.Or(
                        new LabelPredicate.Duration("latency", CompareOp.GE, 250_000_000L),
                        new LabelPredicate.And(
                                new LabelPredicate.Numeric("status_code", CompareOp.LT, 500),
                                new LabelPredicate.Numeric("status_code", CompareOp.GT, 200))));
        assertThat(stage("{app=\"foo\"} | status_code < 500 or status_code > 200 and latency >= 250ms"))
                .isEqualTo(new LabelPredicate.Or(
                        new LabelPredicate.Numeric("status_code", CompareOp.LT, 500),
                        new LabelPredicate.And(
                                new LabelPredicate.Numeric("status_code", CompareOp.GT, 200),
                                new LabelPredicate.Duration("latency", CompareOp.GE, 250_000_000L))));
        assertThat(stage("{app=\"foo\"} | foo=\"bar\" buzz!=\"blip\", blop=~\"boop\" or fuzz==5"))
                .isEqualTo(new LabelPredicate.And(
                        new LabelPredicate.Match(LabelMatcher.equal("foo", "bar")),
                        new LabelPredicate.And(
                                new LabelPredicate.Match(LabelMatcher.notEqual("buzz", "blip")),
                                new LabelPredicate.Or(
                                        new LabelPredicate.Match(LabelMatcher.regex("blop", "boop")),
                                        new LabelPredicate.Numeric("fuzz", CompareOp.EQ, 5)))));
        assertThat(stage("{app=\"foo\"} | (duration > 1s or status!= 200) and method!=\"POST\""))
                .isEqualTo(new LabelPredicate.And(
                        new LabelPredicate.Or(
                                new LabelPredicate.Duration("duration", CompareOp.GT, 1_000_000_000L),
                                new LabelPredicate.Numeric("status", CompareOp.NE, 200)),
                        new LabelPredicate.Match(LabelMatcher.notEqual("method", "POST"))));
    }

    @Test
    void rangeAggregationsTakeTheRangeBeforeOrAfterThePipeline() {
        SampleExpr expected = new SampleExpr.RangeAggregation(RangeOp.COUNT_OVER_TIME, new LogSelectorExpr(FOO_BAR,
                List.of(new Stage.LineFilterStage(LineFilter.Type.CONTAINS, List.of("error")))), Duration.ofHours(12).toNanos());
        assertThat(LogqlParser.parse("count_over_time({foo=\"bar\"}[12h] |= \"error\")")).isEqualTo(expected);
        assertThat(LogqlParser.parse("count_over_time({foo=\"bar\"} |= \"error\" [12h])")).isEqualTo(expected);
        assertThat(LogqlParser.parse("count_over_time(({foo=\"bar\"} |= \"error\")[12h])")).isEqualTo(expected);
        assertThat(LogqlParser.parse("COUNT_OVER_TIME({foo=\"bar\"} |= \"error\" [12h])")).isEqualTo(expected);
        assertThat(LogqlParser.parse("bytes_rate({foo=\"bar\"}[1y])")).isEqualTo(new SampleExpr.RangeAggregation(
                RangeOp.BYTES_RATE, new LogSelectorExpr(FOO_BAR, List.of()), Duration.ofDays(365).toNanos()));
    }

    @Test
    void vectorAggregationsTakeGroupingBeforeOrAfter() {
        SampleExpr count = LogqlParser.parse("count_over_time({foo=\"bar\"}[5h])") instanceof SampleExpr s ? s : null;
        assertThat(LogqlParser.parse("avg(count_over_time({ foo = \"bar\" }[5h])) by (bar,foo)")).isEqualTo(
                new SampleExpr.VectorAggregation(VectorOp.AVG, new Grouping(false, List.of("bar", "foo")), 0, count));
        assertThat(LogqlParser.parse("max without (bar) (count_over_time({ foo = \"bar\" }[5h]))")).isEqualTo(
                new SampleExpr.VectorAggregation(VectorOp.MAX, new Grouping(true, List.of("bar")), 0, count));
        assertThat(LogqlParser.parse("topk(10,count_over_time({ foo = \"bar\" }[5h])) without (bar)")).isEqualTo(
                new SampleExpr.VectorAggregation(VectorOp.TOPK, new Grouping(true, List.of("bar")), 10, count));
        assertThat(LogqlParser.parse("sum by () (count_over_time({ foo = \"bar\" }[5h]))")).isEqualTo(
                new SampleExpr.VectorAggregation(VectorOp.SUM, new Grouping(false, List.of()), 0, count));
    }

    @Test
    void grafanaQueriesParse() {
        assertThat(LogqlParser.parse("vector(1)+vector(1)")).isEqualTo(new SampleExpr.BinaryOperation(BinaryOp.ADD, false,
                new SampleExpr.VectorLiteral(1), new SampleExpr.VectorLiteral(1)));
        assertThat(LogqlParser.parse("sum by (level, detected_level) (count_over_time({label=\"value\"} |= `` | drop __error__[1m]))"))
                .hasToString("sum by (level, detected_level)(count_over_time({label=\"value\"} |= \"\" | drop __error__ [1m]))");
    }

    @Test
    void numbersFoldAndBinaryOperatorsKeepPrecedence() {
        assertThat(LogqlParser.parse("1 + -2 / 1")).isEqualTo(new SampleExpr.NumberLiteral(-1));
        Expr expr = LogqlParser.parse("sum(count_over_time({foo=\"bar\"}[5m])) by (foo) + 1 / 2");
        assertThat(expr).isInstanceOf(SampleExpr.BinaryOperation.class);
        assertThat(((SampleExpr.BinaryOperation) expr).right()).isEqualTo(new SampleExpr.NumberLiteral(0.5));
        Expr chained = LogqlParser.parse("count_over_time({a=\"b\"}[1m]) / count_over_time({a=\"c\"}[1m]) / 2 ^ 3 ^ 2");
        assertThat(chained).hasToString("count_over_time({a=\"b\"} [1m]) / count_over_time({a=\"c\"} [1m]) / 512");
        assertThat(LogqlParser.parse("(count_over_time({a=\"b\"}[1m]) + 1) * 2"))
                .hasToString("(count_over_time({a=\"b\"} [1m]) + 1) * 2");
        assertThat(LogqlParser.parse("count_over_time({a=\"b\"}[1m]) > bool 2")).isEqualTo(new SampleExpr.BinaryOperation(
                BinaryOp.GT, true, LogqlParser.parse("count_over_time({a=\"b\"}[1m])") instanceof SampleExpr s ? s : null,
                new SampleExpr.NumberLiteral(2)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{foo=\"bar\"}",
        "{foo=\"bar\", baz=~\"a\\\\.b\"} |= \"x\\\"y\" != \"z\" |~ \"(?i)err\" or \"warn\" !~ \"debug\"",
        "{foo=\"bar\"} | json | logfmt --strict a=\"b\" | level=\"error\" or status >= 500 and latency > 1s500ms | size <= 1KiB",
        "{foo=\"bar\"} | line_format \"{{.msg}}\" | keep a, b=\"c\" | drop __error__ | decolorize",
        "sum by (level)(count_over_time({foo=\"bar\"} |= \"x\" [5m]))",
        "topk(3, sum without (pod)(bytes_over_time({foo=\"bar\"} [1h30m]))) / 2",
        "rate({foo=\"bar\"} [250ms]) > bool 1 or vector(0)",
    })
    void queriesWriteBackAsTheSameQuery(String query) {
        Expr expr = LogqlParser.parse(query);
        assertThat(LogqlParser.parse(expr.toString())).isEqualTo(expr);
    }

    @Test
    void commentsAndKeywordCaseAreLokis() {
        assertThat(LogqlParser.parse("{foo=\"bar\"} # everything\n | JSON")).isEqualTo(
                new LogSelectorExpr(FOO_BAR, List.of(new Stage.JsonStage(List.of()))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "''|parse error : syntax error: unexpected $end",
        "'{foo=\"bar\"'|parse error at line 1, col 11: syntax error: unexpected $end, expecting } or ,",
        "'{foo=\"bar\"} |~'|parse error at line 1, col 15: syntax error: unexpected $end, expecting STRING or ip",
        "'{foo=\"bar\"} \"foo\"'|parse error at line 1, col 13: syntax error: unexpected STRING",
        "'{foo=\"bar\"} foo'|parse error at line 1, col 13: syntax error: unexpected IDENTIFIER",
        "'{foo=\"bar}'|parse error at line 1, col 6: literal not terminated",
        "'unk({ foo = \"bar\" }[5m])'|parse error at line 1, col 1: syntax error: unexpected IDENTIFIER",
        "'rate({ foo = \"bar\" }[5minutes])'|parse error at line 0, col 21: unknown unit \"minutes\" in duration \"5minutes\"",
        "'rate({ foo = \"bar\" }[5)'|parse error at line 0, col 21: missing closing ']' in duration",
        "'min({ foo = \"bar\" }[5m])'|parse error at line 0, col 20: syntax error: unexpected RANGE",
        "'stddev({ foo = \"bar\" })'|parse error at line 1, col 23: syntax error: unexpected )",
        "'absent_over_time({ foo = \"bar\" }[5h]) by (foo)'|parse error : grouping not allowed for absent_over_time aggregation",
        "'sum(3 ,count_over_time({ foo = \"bar\" }[5h]))'|parse error : unsupported parameter for operation sum(3,",
        "'topk(count_over_time({ foo = \"bar\" }[5h]))'|parse error : parameter required for operation topk",
        "'bottomk(he,count_over_time({ foo = \"bar\" }[5h]))'|parse error at line 1, col 9: syntax error: unexpected IDENTIFIER",
        "'bottomk(1.2,count_over_time({ foo = \"bar\" }[5h]))'|parse error : invalid parameter bottomk(1.2,",
        "'{ foo = \"bar\" }|logfmt|addr>=ip(\"1.2.3.4\")'|parse error at line 1, col 30: syntax error: unexpected ip",
        "'{ foo = \"bar\" }|logfmt|addr<ip(\"1.2.3.4\")'|parse error at line 1, col 29: syntax error: unexpected ip",
        "'{}'|parse error : queries require at least one regexp or equality matcher that does not have an empty-compatible value. For instance, app=~\".*\" does not meet this requirement, but app=~\".+\" will",
        "'{app=~\".*\", env!=\"dev\"} |= \"x\"'|parse error : queries require at least one regexp or equality matcher that does not have an empty-compatible value. For instance, app=~\".*\" does not meet this requirement, but app=~\".+\" will",
        "'rate({a=\"b\"}[5m]) by (x)'|parse error : grouping not allowed for rate aggregation",
        "'avg_over_time({a=\"b\"}[5m])'|parse error : invalid aggregation avg_over_time without unwrap",
        "'{'|parse error at line 1, col 2: syntax error: unexpected $end, expecting IDENTIFIER or }",
        "'{a'|parse error at line 1, col 3: syntax error: unexpected $end, expecting = or =~ or !~ or !=",
        "'{a='|parse error at line 1, col 4: syntax error: unexpected $end, expecting STRING",
        "'{a=\"b\",}'|parse error at line 1, col 8: syntax error: unexpected }, expecting IDENTIFIER",
        "'{a=\"b\"} | json | status > \"5\"'|parse error at line 1, col 27: syntax error: unexpected STRING",
        "'{a=\"b\"} | x=\"1\" and'|parse error at line 1, col 20: syntax error: unexpected $end, expecting IDENTIFIER or (",
        "'sum by x (count_over_time({a=\"b\"}[1m]))'|parse error at line 1, col 1: syntax error: unexpected IDENTIFIER",
        "'sum by (x count_over_time({a=\"b\"}[1m]))'|parse error at line 1, col 11: syntax error: unexpected COUNT_OVER_TIME, expecting , or )",
        "'rate(x)'|parse error at line 1, col 6: syntax error: unexpected IDENTIFIER, expecting NUMBER or { or (",
        "'rate(5)'|parse error at line 1, col 7: syntax error: unexpected ), expecting ,",
        "'rate({a=\"b\"}[1m] x)'|parse error at line 1, col 18: syntax error: unexpected IDENTIFIER, expecting )",
        "'count_over_time(({a=\"b\"}))'|parse error at line 1, col 26: syntax error: unexpected ), expecting RANGE",
        "'{a=\"b\"} |= \"\\q\"'|parse error at line 1, col 12: invalid char escape",
        "'{a=\"b\"} @'|parse error at line 1, col 9: syntax error: unexpected IDENTIFIER",
        "'1 > 2'|parse error : comparisons between scalars must use BOOL modifier",
        "'{a=\"b\"} + 1'|parse error : unexpected type for left leg of binary operation (+): *syntax.MatchersExpr",
    })
    void refusalsUseLokisWords(String query, String message) {
        assertThatThrownBy(() -> LogqlParser.parse(query)).isInstanceOf(LogqlParseException.class).hasMessage(message);
    }

    @Test
    void aQueryOf5120CharactersIsTooLong() {
        String query = "{a=\"" + "x".repeat(5114) + "\"}";
        assertThat(query).hasSize(5120);
        assertThatThrownBy(() -> LogqlParser.parse(query)).hasMessage("parse error : input size too long (5120 > 5120)");
    }

    @Test
    void whatThisEngineDoesNotRunIsNamed() {
        assertThatThrownBy(() -> LogqlParser.parse("sum_over_time({a=\"b\"} | unwrap x [1m])"))
                .isExactlyInstanceOf(LogqlException.class).hasMessage("unsupported LogQL feature: unwrap");
        assertThatThrownBy(() -> LogqlParser.parse("{a=\"b\"} | pattern \"<x>\""))
                .hasMessage("unsupported LogQL feature: the pattern parser");
        assertThatThrownBy(() -> LogqlParser.parse("count_over_time({a=\"b\"}[1m] offset 1h)"))
                .hasMessage("unsupported LogQL feature: offset");
        assertThatThrownBy(() -> LogqlParser.parse("count_over_time({a=\"b\"}[1m]) / on (x) count_over_time({a=\"b\"}[1m])"))
                .hasMessage("unsupported LogQL feature: vector matching (on, ignoring, group_left, group_right)");
    }

    @Test
    void selectorsAloneForLabelRequests() {
        assertThat(LogqlParser.parseMatchers("{app=\"api\", env=~\"prod|stage\"}"))
                .containsExactly(LabelMatcher.equal("app", "api"), LabelMatcher.regex("env", "prod|stage"));
        assertThatThrownBy(() -> LogqlParser.parseMatchers("{app=\"api\"} |= \"x\""))
                .isExactlyInstanceOf(LogqlException.class).hasMessage("only label matchers is supported");
    }

    private static LabelPredicate stage(String query) {
        LogSelectorExpr expr = (LogSelectorExpr) LogqlParser.parse(query);
        return ((Stage.LabelFilterStage) expr.stages().get(expr.stages().size() - 1)).predicate();
    }
}
