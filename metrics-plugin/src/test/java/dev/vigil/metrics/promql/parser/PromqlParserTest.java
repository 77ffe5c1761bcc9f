package dev.vigil.metrics.promql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.metrics.promql.ast.AggregateExpr;
import dev.vigil.metrics.promql.ast.AggregateOp;
import dev.vigil.metrics.promql.ast.At;
import dev.vigil.metrics.promql.ast.BinaryExpr;
import dev.vigil.metrics.promql.ast.BinaryOp;
import dev.vigil.metrics.promql.ast.Call;
import dev.vigil.metrics.promql.ast.Expr;
import dev.vigil.metrics.promql.ast.FunctionSignature;
import dev.vigil.metrics.promql.ast.MatrixSelector;
import dev.vigil.metrics.promql.ast.NumberLiteral;
import dev.vigil.metrics.promql.ast.ParenExpr;
import dev.vigil.metrics.promql.ast.PositionRange;
import dev.vigil.metrics.promql.ast.StringLiteral;
import dev.vigil.metrics.promql.ast.SubqueryExpr;
import dev.vigil.metrics.promql.ast.UnaryExpr;
import dev.vigil.metrics.promql.ast.VectorMatching;
import dev.vigil.metrics.promql.ast.VectorMatching.Cardinality;
import dev.vigil.metrics.promql.ast.VectorSelector;
import dev.vigil.metrics.promql.text.GoStrings;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PromqlParserTest {

    // ---------------------------------------------------------------- how expressions group

    static Stream<Arguments> grouping() {
        return Stream.of(
                arguments("1 + 2 * 3", "(1 + (2 * 3))"),
                arguments("1 - 2 - 3", "((1 - 2) - 3)"),
                arguments("2 ^ 3 ^ 2", "(2 ^ (3 ^ 2))"),
                arguments("1 + 2/(3*1)", "(1 + (2 / paren((3 * 1))))"),
                arguments("a == b + c * d ^ e", "(a == (b + (c * (d ^ e))))"),
                arguments("a atan2 b * c", "((a atan2 b) * c)"),
                arguments("a % b / c", "((a % b) / c)"),
                arguments("foo + bar or bla and blub", "((foo + bar) or (bla and blub))"),
                arguments("foo and bar unless baz or qux", "(((foo and bar) unless baz) or qux)"),
                arguments("a > b == c", "((a > b) == c)"),
                arguments("1 < bool 2 - 1 * 2", "(1 < bool (2 - (1 * 2)))"),
                // A sign binds like *, so only ^ binds tighter; a sign on a number literal is folded into it.
                arguments("-1^2", "-(1 ^ 2)"),
                arguments("-1*2", "(-1 * 2)"),
                arguments("-1+2", "(-1 + 2)"),
                arguments("-1^-2", "-(1 ^ -2)"),
                arguments("+1 + -2 * 1", "(1 + (-2 * 1))"),
                arguments("- - - 1", "-1"),
                arguments("-2^---1*3", "(-(2 ^ -1) * 3)"),
                arguments("2/-2^---1*3+2", "(((2 / -(2 ^ -1)) * 3) + 2)"),
                arguments("-10^3 * - SUM(x) BY (job) ^ -1", "(-(10 ^ 3) * -(sum by (job)(x) ^ -1))"),
                arguments("a ^ -b ^ c", "(a ^ -(b ^ c))"),
                arguments("a ^ -b * c", "((a ^ -b) * c)"),
                arguments("-some_metric", "-some_metric"),
                arguments("+some_metric", "+some_metric"),
                arguments("-(1)", "-paren(1)"),
                arguments("- - - SUM(x) BY (job)", "---sum by (job)(x)"),
                // Ranges and modifiers bind to the operand next to them.
                arguments("a + b offset 5m", "(a + b offset 300000ms)"),
                arguments("-metric @ 100", "-metric @ 100000"),
                arguments("---metric @ 100", "---metric @ 100000"),
                arguments("-foo offset 5m", "-foo offset 300000ms"),
                arguments("foo offset 5m + 1m", "(foo offset 300000ms + 60)"),
                arguments("foo offset -2^2", "(foo offset -2000ms ^ 2)"),
                arguments("metric @ 0 offset -50", "metric offset -50000ms @ 0"),
                arguments("metric offset -50s @ 0", "metric offset -50000ms @ 0"),
                arguments("metric @ 1m40s", "metric @ 100000"),
                arguments("metric_ms @ 1.234", "metric_ms @ 1234"),
                arguments("foo @ 3.3335", "foo @ 3334"),
                arguments("foo @ -3.3e1", "foo @ -33000"),
                arguments("foo @ 0xA", "foo @ 10000"),
                arguments("foo @ start()", "foo @ start()"),
                arguments("foo[10m:6s] @ end()", "foo[600000ms:6000ms] @ end()"),
                arguments("test[5y] @ start()", "test[157680000000ms] @ start()"),
                arguments("test{a=\"b\"}[5m] OFFSET 3600", "test{a=\"b\"}[300000ms] offset 3600000ms"),
                arguments("sum_over_time(metric{job=\"1\"}[100:1] offset 20 @ 100)",
                        "sum_over_time(metric{job=\"1\"}[100000ms:1000ms] offset 20000ms @ 100000)"),
                arguments("rate(http_requests_total[1m] offset -4000s)",
                        "rate(http_requests_total[60000ms] offset -4000000ms)"),
                arguments("foo[4.18] @ 2.345", "foo[4180ms] @ 2345"),
                arguments("foo[1m500ms:10s]", "foo[60500ms:10000ms]"),
                arguments("foo[5]", "foo[5000ms]"),
                arguments("foo[1h:]", "foo[3600000ms:0ms]"),
                arguments("foo[ 5m : 1m ]", "foo[300000ms:60000ms]"),
                arguments("sum_over_time((metric1_total)[30:10] offset 3)",
                        "sum_over_time(paren(metric1_total)[30000ms:10000ms] offset 3000ms)"),
                arguments("min_over_time(rate(foo{bar=\"baz\"}[2s])[5m:] offset 4m)[4m:3s]",
                        "min_over_time(rate(foo{bar=\"baz\"}[2000ms])[300000ms:0ms] offset 240000ms)[240000ms:3000ms]"),
                // Keywords stand for metric names where an operand is expected.
                arguments("foo * sum", "(foo * sum)"),
                arguments("sum(sum)", "sum(sum)"),
                arguments("and and or", "(and and or)"),
                arguments("offset{step=\"1s\"}[5m]", "offset{step=\"1s\"}[300000ms]"),
                arguments("start{end=\"foo\"}", "start{end=\"foo\"}"),
                arguments("by + without", "(by + without)"),
                arguments("foo unless on(start) bar", "(foo unless on(start) bar)"),
                // Aggregations in both forms, with parameters and keywords as label names.
                arguments("sum by (foo)(some_metric)", "sum by (foo)(some_metric)"),
                arguments("sum(some_metric) without (foo)", "sum without (foo)(some_metric)"),
                arguments("sum by ()(x)", "sum(x)"),
                arguments("sum by (foo,bar,)(x)", "sum by (foo, bar)(x)"),
                arguments("sum without(and, by, avg, count, alert, annotations)(x)",
                        "sum without (and, by, avg, count, alert, annotations)(x)"),
                arguments("sum by (\"foo bar\", 'baz')({\"some.metric\"})",
                        "sum by (foo bar, baz)({__name__=\"some.metric\"})"),
                arguments("topk(5, x)", "topk(5, x)"),
                arguments("count_values(\"value\", x)", "count_values(\"value\", x)"),
                arguments("quantile without(point)(0.8, data)", "quantile without (point)(0.8, data)"),
                arguments("limitk by (group) (-1, x)", "limitk by (group)(-1, x)"),
                arguments("limit_ratio(0.5, x)", "limit_ratio(0.5, x)"),
                arguments("bottomk by (group) (2, x)", "bottomk by (group)(2, x)"),
                // Vector matching.
                arguments("foo * on(test,blub) group_left bar", "(foo * on(test, blub) group_left() bar)"),
                arguments("foo / ignoring(test,blub) group_left(blub) bar",
                        "(foo / ignoring(test, blub) group_left(blub) bar)"),
                arguments("foo - on(test,blub) group_right(bar,foo) bar",
                        "(foo - on(test, blub) group_right(bar, foo) bar)"),
                arguments("bar + on(foo) bla / on(baz, buz) group_right(test) blub",
                        "(bar + on(foo) (bla / on(baz, buz) group_right(test) blub))"),
                arguments("foo and on() bar", "(foo and on() bar)"),
                arguments("node_cpu / ignoring (mode) group_left sum without (mode)(node_cpu)",
                        "(node_cpu / ignoring(mode) group_left() sum without (mode)(node_cpu))"),
                arguments("a * on(x) group_left (y) b", "(a * on(x) group_left(y) b)"),
                arguments("foo == bool on(x) bar", "(foo == bool on(x) bar)"),
                // Selectors.
                arguments("foo:bar{a=\"bc\"}", "foo:bar{a=\"bc\"}"),
                arguments("node_namespace_pod:kube_pod_info:{namespace=\"o\"}",
                        "node_namespace_pod:kube_pod_info:{namespace=\"o\"}"),
                arguments("foo{a=\"b\", foo!=\"bar\", test=~\"test\", bar!~\"baz\",}",
                        "foo{a=\"b\",foo!=\"bar\",test=~\"test\",bar!~\"baz\"}"),
                arguments("{__name__=~\"bar\", __name__!~\"baz\"}", "{__name__=~\"bar\",__name__!~\"baz\"}"),
                arguments("{\"bar\", __name__=\"baz\"}", "{__name__=\"bar\",__name__=\"baz\"}"),
                arguments("{\"metric.name\", \"label.x\"=\"v\"}", "{__name__=\"metric.name\",label.x=\"v\"}"),
                arguments("foo{NaN='bc'}", "foo{NaN=\"bc\"}"),
                arguments("foo{bar='}'}", "foo{bar=\"}\"}"),
                arguments("foo{and=\"1\", offset=\"2\", by=\"3\"}", "foo{and=\"1\",offset=\"2\",by=\"3\"}"),
                arguments("{'foo\\'bar', 'a\\\\dos\\\\path'='boo\\\\urns'}",
                        "{__name__=\"foo'bar\",a\\dos\\path=\"boo\\\\urns\"}"),
                arguments("http_requests_total AND IGNORING (group, instance, job) vector(1)",
                        "(http_requests_total and ignoring(group, instance, job) vector(1))"),
                arguments("info(x, {k=~\".*\"})", "info(x, {k=~\".*\"})"),
                // Functions, including those named like keywords.
                arguments("time()", "time()"),
                arguments("start() + end() + step() + range()", "(((start() + end()) + step()) + range())"),
                arguments("start + end", "(start + end)"),
                arguments("round(x, 5)", "round(x, 5)"),
                arguments("label_join(x, \"dst\", \"-\", \"a\", \"b\", \"c\")",
                        "label_join(x, \"dst\", \"-\", \"a\", \"b\", \"c\")"),
                arguments("histogram_quantile(1./6., x)", "histogram_quantile((1 / 6), x)"),
                arguments("predict_linear(x[60m], 50m)", "predict_linear(x[3600000ms], 3000)"),
                arguments("day_of_month()", "day_of_month()"),
                // Comments.
                arguments("foo # the metric\n+ bar # another", "(foo + bar)"),
                arguments("foo{a=\"b\", # a comment inside braces\n c=\"d\"}", "foo{a=\"b\",c=\"d\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grouping")
    void groupsAsPrometheusDoes(String input, String expected) throws PromqlParseException {
        assertThat(TreeText.of(PromqlParser.parse(input))).isEqualTo(expected);
    }

    // ---------------------------------------------------------------- literal values

    static Stream<Arguments> numbers() {
        return Stream.of(
                arguments("1", 1.0),
                arguments(".5", 0.5),
                arguments("5.", 5.0),
                arguments("123.4567", 123.4567),
                arguments("5e-3", 0.005),
                arguments("5e3", 5000.0),
                arguments("12.34e+6", 12.34e6),
                arguments("-0.2e-6", -0.2e-6),
                arguments("0xc", 12.0),
                arguments("0x1f", 31.0),
                arguments("0X_1F", 31.0),
                arguments("0755", 493.0),
                arguments("-0755", -493.0),
                arguments("08", 8.0),
                arguments("1_000", 1000.0),
                arguments("1_000.5", 1000.5),
                arguments("+5.5e-3", 0.0055),
                arguments("99999999999999999999", 1e20),
                arguments("Inf", Double.POSITIVE_INFINITY),
                arguments("+Inf", Double.POSITIVE_INFINITY),
                arguments("-inf", Double.NEGATIVE_INFINITY),
                arguments("inF", Double.POSITIVE_INFINITY),
                arguments("1h30m", 5400.0),
                arguments("1d", 86400.0),
                arguments("1w", 604800.0),
                arguments("1y", 31536000.0),
                arguments("100ms", 0.1),
                arguments("-5m", -300.0),
                arguments("1y2w3d4h5m6s500ms", 33019506.5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("numbers")
    void readsNumbers(String input, double expected) throws PromqlParseException {
        Expr expr = PromqlParser.parse(input);
        assertThat(expr).isInstanceOf(NumberLiteral.class);
        assertThat(((NumberLiteral) expr).value()).isEqualTo(expected);
        assertThat(expr.position()).isEqualTo(new PositionRange(0, input.length()));
    }

    @Test
    void readsNotANumber() throws PromqlParseException {
        assertThat(((NumberLiteral) PromqlParser.parse("NaN")).value()).isNaN();
        assertThat(((NumberLiteral) PromqlParser.parse("nan")).value()).isNaN();
    }

    static Stream<Arguments> strings() {
        return Stream.of(
                arguments("\"double-quoted string \\\" with escaped quote\"", "double-quoted string \" with escaped quote"),
                arguments("'single-quoted string \\' with escaped quote'", "single-quoted string ' with escaped quote"),
                arguments("`backtick-quoted string`", "backtick-quoted string"),
                arguments("\"\\a\\b\\f\\n\\r\\t\\v\\\\\\\" - \\u1234\\U00010111\\U0001011111☺\"",
                        "\u0007\b\f\n\r\t\u000b\\\" - \u1234\uD800\uDD11\uD800\uDD1111☺"),
                arguments("`\\a\\b\\\"\\' - \\xFF`", "\\a\\b\\\"\\' - \\xFF"),
                arguments("\"\\u00e9\\xc3\\xa9\\303\\251\"", "ééé"),
                arguments("\"\\x41\\101\"", "AA"),
                // Bytes that are not UTF-8 are kept as lone surrogates.
                arguments("\"a\\xc5z\"", "a\uDCC5z"),
                arguments("\"\\xFF\\377\"", "\uDCFF\uDCFF"),
                arguments("\"\\xe2\\x82\"", "\uDCE2\uDC82"),
                arguments("\"multi\\nline\"", "multi\nline"),
                arguments("`raw\nnewline`", "raw\nnewline"),
                arguments("\"\"", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strings")
    void readsStrings(String input, String expected) throws PromqlParseException {
        Expr expr = PromqlParser.parse(input);
        assertThat(expr).isEqualTo(new StringLiteral(expected, new PositionRange(0, input.length())));
    }

    // ---------------------------------------------------------------- whole trees with positions

    @Test
    void buildsArithmeticWithPositions() throws PromqlParseException {
        assertThat(PromqlParser.parse("1 + 2/(3*1)")).isEqualTo(new BinaryExpr(BinaryOp.ADD, num(1, 0, 1),
                new BinaryExpr(BinaryOp.DIV, num(2, 4, 5), new ParenExpr(new BinaryExpr(BinaryOp.MUL, num(3, 7, 8),
                        num(1, 9, 10), null, false, pos(7, 10)), pos(6, 11)), null, false, pos(4, 11)),
                null, false, pos(0, 11)));
        assertThat(PromqlParser.parse("-1^2")).isEqualTo(new UnaryExpr(true,
                new BinaryExpr(BinaryOp.POW, num(1, 1, 2), num(2, 3, 4), null, false, pos(1, 4)), pos(0, 4)));
        assertThat(PromqlParser.parse(" +some_metric"))
                .isEqualTo(new UnaryExpr(false, vs("some_metric", 2, 13), pos(1, 13)));
        assertThat(PromqlParser.parse("1 == bool 1"))
                .isEqualTo(new BinaryExpr(BinaryOp.EQL, num(1, 0, 1), num(1, 10, 11), null, true, pos(0, 11)));
    }

    @Test
    void buildsVectorMatching() throws PromqlParseException {
        assertThat(PromqlParser.parse("foo * bar")).isEqualTo(new BinaryExpr(BinaryOp.MUL, vs("foo", 0, 3),
                vs("bar", 6, 9), new VectorMatching(Cardinality.ONE_TO_ONE, List.of(), false, List.of()), false,
                pos(0, 9)));
        assertThat(PromqlParser.parse("foo and ignoring(test,blub) bar")).isEqualTo(new BinaryExpr(BinaryOp.AND,
                vs("foo", 0, 3), vs("bar", 28, 31),
                new VectorMatching(Cardinality.MANY_TO_MANY, List.of("test", "blub"), false, List.of()), false,
                pos(0, 31)));
        assertThat(PromqlParser.parse("foo / on(test,blub) group_left(bar) bar")).isEqualTo(new BinaryExpr(
                BinaryOp.DIV, vs("foo", 0, 3), vs("bar", 36, 39),
                new VectorMatching(Cardinality.MANY_TO_ONE, List.of("test", "blub"), true, List.of("bar")), false,
                pos(0, 39)));
        // Matching is only kept between two instant vectors.
        assertThat(PromqlParser.parse("foo == 1"))
                .isEqualTo(new BinaryExpr(BinaryOp.EQL, vs("foo", 0, 3), num(1, 7, 8), null, false, pos(0, 8)));
        assertThat(PromqlParser.parse("foo == on() 10"))
                .isEqualTo(new BinaryExpr(BinaryOp.EQL, vs("foo", 0, 3), num(10, 12, 14), null, false, pos(0, 14)));
    }

    @Test
    void buildsSelectorsWithPositions() throws PromqlParseException {
        assertThat(PromqlParser.parse("foo offset 5m"))
                .isEqualTo(new VectorSelector("foo", List.of(LabelMatcher.metricName("foo")), 300_000, null, pos(0, 13)));
        assertThat(PromqlParser.parse("foo OFFSET 1m30ms"))
                .isEqualTo(new VectorSelector("foo", List.of(LabelMatcher.metricName("foo")), 60_030, null, pos(0, 17)));
        assertThat(PromqlParser.parse("foo @ 1603774568")).isEqualTo(new VectorSelector("foo",
                List.of(LabelMatcher.metricName("foo")), 0, At.timestamp(1_603_774_568_000L), pos(0, 16)));
        assertThat(PromqlParser.parse("foo @ end()")).isEqualTo(new VectorSelector("foo",
                List.of(LabelMatcher.metricName("foo")), 0, new At(At.Kind.END, 0), pos(0, 11)));
        assertThat(PromqlParser.parse("foo:bar{a=\"bc\"}")).isEqualTo(new VectorSelector("foo:bar",
                List.of(LabelMatcher.equal("a", "bc"), LabelMatcher.metricName("foo:bar")), 0, null, pos(0, 15)));
        assertThat(PromqlParser.parse("{\"foo\", a=\"bc\"}")).isEqualTo(new VectorSelector(null,
                List.of(LabelMatcher.metricName("foo"), LabelMatcher.equal("a", "bc")), 0, null, pos(0, 15)));
        assertThat(PromqlParser.parse("test[5h] OFFSET 5m")).isEqualTo(new MatrixSelector(new VectorSelector("test",
                List.of(LabelMatcher.metricName("test")), 300_000, null, pos(0, 4)), 18_000_000, pos(0, 18)));
        assertThat(PromqlParser.parse("foo[3ms] @ 2.345")).isEqualTo(new MatrixSelector(new VectorSelector("foo",
                List.of(LabelMatcher.metricName("foo")), 0, At.timestamp(2345), pos(0, 3)), 3, pos(0, 16)));
        assertThat(PromqlParser.parse("some_metric @ 123 offset 1m [10m:5s]")).isEqualTo(new SubqueryExpr(
                new VectorSelector("some_metric", List.of(LabelMatcher.metricName("some_metric")), 60_000,
                        At.timestamp(123_000), pos(0, 27)), 600_000, 5_000, 0, null, pos(0, 36)));
        assertThat(PromqlParser.parse("some_metric[10m:5s] offset 1m @ 123")).isEqualTo(new SubqueryExpr(
                vs("some_metric", 0, 11), 600_000, 5_000, 60_000, At.timestamp(123_000), pos(0, 35)));
        assertThat(PromqlParser.parse("(foo + bar{nm=\"val\"})[5m:] offset 10m")).isEqualTo(new SubqueryExpr(
                new ParenExpr(new BinaryExpr(BinaryOp.ADD, vs("foo", 1, 4), new VectorSelector("bar",
                        List.of(LabelMatcher.equal("nm", "val"), LabelMatcher.metricName("bar")), 0, null, pos(7, 20)),
                        new VectorMatching(Cardinality.ONE_TO_ONE, List.of(), false, List.of()), false, pos(1, 20)),
                        pos(0, 21)), 300_000, 0, 600_000, null, pos(0, 37)));
    }

    @Test
    void buildsAggregationsAndCallsWithPositions() throws PromqlParseException {
        assertThat(PromqlParser.parse("sum (some_metric) without (foo)")).isEqualTo(new AggregateExpr(AggregateOp.SUM,
                vs("some_metric", 5, 16), null, List.of("foo"), true, pos(0, 31)));
        assertThat(PromqlParser.parse("topk(5, some_metric)")).isEqualTo(new AggregateExpr(AggregateOp.TOPK,
                vs("some_metric", 8, 19), num(5, 5, 6), List.of(), false, pos(0, 20)));
        assertThat(PromqlParser.parse("count_values(\"value\", some_metric)")).isEqualTo(new AggregateExpr(
                AggregateOp.COUNT_VALUES, vs("some_metric", 22, 33), new StringLiteral("value", pos(13, 20)), List.of(),
                false, pos(0, 34)));
        assertThat(PromqlParser.parse("rate(some_metric[5m])")).isEqualTo(new Call(function("rate"),
                List.of(new MatrixSelector(vs("some_metric", 5, 16), 300_000, pos(5, 20))), pos(0, 21)));
        assertThat(PromqlParser.parse("start()")).isEqualTo(new Call(function("start"), List.of(), pos(0, 7)));
        assertThat(PromqlParser.parse("start")).isEqualTo(vs("start", 0, 5));
    }

    // ---------------------------------------------------------------- errors

    static Stream<Arguments> errors() {
        return Stream.of(
                // Nothing to parse.
                arguments("", "unknown position: parse error: no expression found in input"),
                arguments("# just a comment\n\n", "1:1: parse error: no expression found in input"),
                // Lexing.
                arguments(".", "1:1: parse error: unexpected character: '.'"),
                arguments("2.5.", "1:1: parse error: bad number or duration syntax: \"2.5.\""),
                arguments("100..4", "1:1: parse error: bad number or duration syntax: \"100..\""),
                arguments("0deadbeef", "1:1: parse error: bad number or duration syntax: \"0de\""),
                arguments("1 !~ 1", "1:3: parse error: unexpected character after '!': '~'"),
                arguments("1 =~ 1", "1:3: parse error: unexpected character after '=': '~'"),
                arguments("foo !", "1:5: parse error: unexpected character after '!': '\uFFFD'"),
                arguments("(1))", "1:5: parse error: unexpected right parenthesis ')'"),
                arguments("((1)", "1:5: parse error: unclosed left parenthesis"),
                arguments("(", "1:2: parse error: unclosed left parenthesis"),
                arguments("foo]", "1:4: parse error: unexpected right bracket ']'"),
                arguments("}", "1:1: parse error: unexpected character: '}'"),
                arguments("some}", "1:5: parse error: unexpected character: '}'"),
                arguments("foo € 1", "1:5: parse error: unexpected character: '€'"),
                arguments("{", "1:2: parse error: unexpected end of input inside braces"),
                arguments("some{", "1:6: parse error: unexpected end of input inside braces"),
                arguments("some_metric{a:b=\"b\"}", "1:14: parse error: unexpected character inside braces: ':'"),
                arguments("foo{a*\"b\"}", "1:6: parse error: unexpected character inside braces: '*'"),
                arguments("foo{a>=\"b\"}", "1:6: parse error: unexpected character inside braces: '>'"),
                arguments("foo{1}", "1:5: parse error: unexpected character inside braces: '1'"),
                arguments("foo{a!\"b\"}", "1:6: parse error: unexpected character after '!' inside braces: '\"'"),
                arguments("foo{a={}", "1:7: parse error: unexpected left brace '{'"),
                arguments("sum by (\"foo)(some_metric{})", "1:9: parse error: unterminated quoted string"),
                arguments("\"foo\nbar\"", "1:1: parse error: unterminated quoted string"),
                arguments("`\\``", "1:4: parse error: unterminated raw string"),
                arguments("\"\\", "1:1: parse error: escape sequence not terminated"),
                arguments("\"\\c\"", "1:1: parse error: unknown escape sequence U+0063 'c'"),
                arguments("'\\\"'", "1:1: parse error: unknown escape sequence U+0022 '\"'"),
                arguments("\"\\x.\"", "1:1: parse error: illegal character U+002E '.' in escape sequence"),
                arguments("\"\\400\"", "1:1: parse error: escape sequence is an invalid Unicode code point"),
                arguments("\"\\ud800\"", "1:1: parse error: escape sequence is an invalid Unicode code point"),
                arguments("\"\uFFFD\"", "1:1: parse error: invalid UTF-8 rune"),
                arguments("foo[5mm]", "1:5: parse error: bad number or duration syntax: \"5mm\""),
                arguments("foo[5m1]", "1:5: parse error: bad number or duration syntax: \"5m1\""),
                arguments("foo[5m:1m1]", "1:8: parse error: bad number or duration syntax: \"1m1\""),
                arguments("foo[\"5m\"]", "1:5: parse error: unexpected character in duration expression: '\"'"),
                arguments("foo{bar=\"baz\"}[", "1:16: parse error: unexpected end of input in duration expression"),
                arguments("foo[5m x]", "1:8: parse error: unexpected character: 'x', expected ':'"),
                arguments("foo[5m:1m:2m]", "1:10: parse error: unexpected colon ':'"),
                arguments("some_metric[5m] OFFSET 1mm", "1:24: parse error: bad number or duration syntax: \"1mm\""),
                // Durations.
                arguments("foo[5y1hs]", "1:5: parse error: unknown unit \"hs\" in duration \"5y1hs\""),
                arguments("foo[5m1h]", "1:5: parse error: not a valid duration string: \"5m1h\""),
                arguments("foo[5m1m]", "1:5: parse error: not a valid duration string: \"5m1m\""),
                arguments("foo[0m]", "1:5: parse error: duration must be greater than 0"),
                arguments("foo[-1]", "1:5: parse error: duration must be greater than 0"),
                arguments("foo[5m:0s]", "1:8: parse error: duration must be greater than 0"),
                arguments("foo[300y]", "1:5: parse error: duration out of range"),
                arguments("foo offset 10000000000", "1:12: parse error: duration out of range"),
                arguments("foo[5m+1m]", "1:5: parse error: experimental duration expression is not enabled"),
                arguments("foo[step()]", "1:5: parse error: experimental duration expression is not enabled"),
                arguments("foo offset (5m)", "1:12: parse error: experimental duration expression is not enabled"),
                arguments("foo offset -step()", "1:12: parse error: experimental duration expression is not enabled"),
                arguments("foo[5m] anchored", "1:1: parse error: anchored modifier is experimental and not enabled"),
                // Numbers.
                arguments("1e400", "1:1: parse error: error parsing number: strconv.ParseFloat: parsing \"1e400\": "
                        + "value out of range"),
                arguments("0x8000000000000000",
                        "1:1: parse error: error parsing number: strconv.ParseFloat: parsing \"0x8000000000000000\": "
                                + "invalid syntax"),
                arguments("1_ + 1", "1:1: parse error: error parsing number: strconv.ParseFloat: parsing \"1_\": "
                        + "invalid syntax"),
                // Unexpected tokens.
                arguments("1+", "1:3: parse error: unexpected end of input"),
                arguments("1 /", "1:4: parse error: unexpected end of input"),
                arguments("*1", "1:1: parse error: unexpected <op:*>"),
                arguments("@@", "1:1: parse error: unexpected <op:@>"),
                arguments("-=", "1:2: parse error: unexpected \"=\""),
                arguments("++-++-+-+-<", "1:11: parse error: unexpected <op:<>"),
                arguments("e-+=/(0)", "1:4: parse error: unexpected \"=\""),
                arguments("()", "1:2: parse error: unexpected \")\""),
                arguments("foo bar", "1:5: parse error: unexpected identifier \"bar\""),
                arguments("foo 1", "1:5: parse error: unexpected number \"1\""),
                arguments("foo \"a long string literal\"", "1:5: parse error: unexpected string \"\\\"a long st\"..."),
                arguments("foo bool", "1:5: parse error: unexpected <bool>"),
                arguments("foo sum", "1:5: parse error: unexpected <aggr:sum>"),
                arguments("foo:bar(1)", "1:8: parse error: unexpected \"(\""),
                arguments("foo +\n  bar baz", "2:7: parse error: unexpected identifier \"baz\""),
                arguments("{\"ü\"=\"x\"} +", "1:13: parse error: unexpected end of input"),
                arguments("a - on(b) ignoring(c) d", "1:11: parse error: unexpected <ignoring>"),
                arguments("foo + group_left(baz) bar", "1:7: parse error: unexpected <group_left>"),
                arguments("foo == on(x) bool bar", "1:14: parse error: unexpected <bool>"),
                arguments("rate(foo bar)", "1:10: parse error: unexpected identifier \"bar\""),
                arguments("rate(foo[5m] offset)", "1:20: parse error: unexpected \")\" in offset, "
                        + "expected number, duration, step(), or range()"),
                // Label matchers.
                arguments("some_metric{a=b}", "1:15: parse error: unexpected identifier \"b\" in label matching, "
                        + "expected string"),
                arguments("foo{gibberish}", "1:14: parse error: unexpected \"}\" in label matching, "
                        + "expected label matching operator"),
                arguments("foo{__name__= =}", "1:15: parse error: unexpected \"=\" in label matching, expected string"),
                arguments("foo{,}", "1:5: parse error: unexpected \",\" in label matching, expected identifier or \"}\""),
                arguments("foo{__name__ == \"bar\"}", "1:15: parse error: unexpected \"=\" in label matching, "
                        + "expected string"),
                arguments("foo{__name__=\"bar\" lol}", "1:20: parse error: unexpected identifier \"lol\" in label "
                        + "matching, expected \",\" or \"}\""),
                arguments("foo{\"a\"=}", "1:9: parse error: unexpected \"}\" in label matching, expected string"),
                arguments("{}", "1:1: parse error: vector selector must contain at least one non-empty matcher"),
                arguments("{x=\"\"}", "1:1: parse error: vector selector must contain at least one non-empty matcher"),
                arguments("{x=~\".*\"}", "1:1: parse error: vector selector must contain at least one non-empty matcher"),
                arguments("{x!~\".+\"}", "1:1: parse error: vector selector must contain at least one non-empty matcher"),
                arguments("{x!=\"a\"}", "1:1: parse error: vector selector must contain at least one non-empty matcher"),
                arguments("foo{__name__=\"bar\"}", "1:1: parse error: metric name must not be set twice: \"foo\" or \"bar\""),
                arguments("foo{\"bar\"}", "1:1: parse error: metric name must not be set twice: \"foo\" or \"bar\""),
                // Ranges, subqueries and modifiers.
                arguments("foo[]", "1:5: parse error: unexpected \"]\" in subquery or range selector, "
                        + "expected number, duration, step(), or range()"),
                arguments("foo[5m \"a\"]", "1:8: parse error: unexpected string \"\\\"a\\\"\" in subquery or range, "
                        + "expected \":\" or \"]\""),
                arguments("foo[5m:\"a\"]", "1:8: parse error: unexpected string \"\\\"a\\\"\" in subquery selector, "
                        + "expected number, duration, step(), range(), or \"]\""),
                arguments("foo[5m:1m \"a\"]", "1:11: parse error: unexpected string \"\\\"a\\\"\" in subquery "
                        + "selector, expected \"]\""),
                arguments("some_metric[5m] OFFSET", "1:23: parse error: unexpected end of input in offset, "
                        + "expected number, duration, step(), or range()"),
                arguments("some_metric OFFSET 1m[5m]", "1:22: parse error: no offset modifiers allowed before range"),
                arguments("some_metric[5m] @", "1:18: parse error: unexpected end of input in @, expected timestamp"),
                arguments("some_metric @ start", "1:20: parse error: unexpected end of input in @, expected timestamp"),
                arguments("some_metric @ 1234 [5m]", "1:20: parse error: no @ modifiers allowed before range"),
                arguments("some_metric @ start() [5m]", "1:23: parse error: no @ modifiers allowed before range"),
                arguments("(foo + bar)[5m]", "1:12: parse error: ranges only allowed for vector selectors"),
                arguments("rate(food[1m])[1h] offset 1h", "1:15: parse error: ranges only allowed for vector selectors"),
                arguments("1 offset 1d", "1:1: parse error: offset modifier must be preceded by an instant vector "
                        + "selector or range vector selector or a subquery"),
                arguments("(foo) offset 1d", "1:1: parse error: offset modifier must be preceded by an instant "
                        + "vector selector or range vector selector or a subquery"),
                arguments("foo offset 1s offset 2s", "1:1: parse error: offset may not be set multiple times"),
                arguments("foo[5m] offset 1s offset 2s", "1:1: parse error: offset may not be set multiple times"),
                arguments("rate(some_metric[5m]) @ 1234", "1:1: parse error: @ modifier must be preceded by an "
                        + "instant vector selector or range vector selector or a subquery"),
                arguments("foo @ 1 @ 2", "1:1: parse error: @ <timestamp> may not be set multiple times"),
                arguments("foo @ +Inf", "1:1: parse error: timestamp out of bounds for @ modifier: +Inf"),
                arguments("foo @ -Inf", "1:1: parse error: timestamp out of bounds for @ modifier: -Inf"),
                arguments("foo @ NaN", "1:1: parse error: timestamp out of bounds for @ modifier: NaN"),
                arguments("foo @ 9223372036854775808", "1:1: parse error: timestamp out of bounds for @ modifier: "
                        + "9223372036854775808.000000"),
                arguments("test[5d] OFFSET 10s [10m:5s]",
                        "1:1: parse error: subquery is only allowed on instant vector, got matrix instead"),
                arguments("(foo + bar{nm=\"val\"})[5m:][10m:5s]",
                        "1:1: parse error: subquery is only allowed on instant vector, got matrix instead"),
                arguments("1[5m:1m]", "1:1: parse error: subquery is only allowed on instant vector, got scalar instead"),
                // Operators.
                arguments("1 and 1", "1:1: parse error: set operator \"and\" not allowed in binary scalar expression"),
                arguments("foo or 1", "1:1: parse error: set operator \"or\" not allowed in binary scalar expression"),
                arguments("1 unless foo", "1:1: parse error: set operator \"unless\" not allowed in binary scalar "
                        + "expression"),
                arguments("1 == 1", "1:3: parse error: comparisons between scalars must use BOOL modifier"),
                arguments("foo + bool bar", "1:5: parse error: bool modifier can only be used on comparison operators"),
                arguments("foo and bool 10", "1:5: parse error: bool modifier can only be used on comparison operators"),
                arguments("1 or on(bar) foo", "1:1: parse error: vector matching only allowed between instant vectors"),
                arguments("foo == on(bar) 10", "1:1: parse error: vector matching only allowed between instant vectors"),
                arguments("foo and on(bar) group_left(baz) bar",
                        "1:1: parse error: no grouping allowed for \"and\" operation"),
                arguments("foo unless on(bar) group_right(baz) bar",
                        "1:1: parse error: no grouping allowed for \"unless\" operation"),
                arguments("http_requests{group=\"production\"} + on(instance) group_left(job,instance) cpu_count",
                        "1:35: parse error: label \"instance\" must not occur in ON and GROUP clause at once"),
                arguments("foo[5m] + 1", "1:1: parse error: binary expression must contain only scalar and instant "
                        + "vector types"),
                arguments("1 + \"a\"", "1:5: parse error: binary expression must contain only scalar and instant "
                        + "vector types"),
                arguments("-\"string\"", "1:1: parse error: unary expression only allowed on expressions of type "
                        + "scalar or instant vector, got \"string\""),
                arguments("-test[5m]", "1:1: parse error: unary expression only allowed on expressions of type "
                        + "scalar or instant vector, got \"range vector\""),
                // Aggregations.
                arguments("sum without(==)(some_metric)", "1:13: parse error: unexpected <op:==> in grouping opts, "
                        + "expected label"),
                arguments("sum without(,)(some_metric)", "1:13: parse error: unexpected \",\" in grouping opts, "
                        + "expected label"),
                arguments("sum without(foo,,)(some_metric)", "1:17: parse error: unexpected \",\" in grouping opts, "
                        + "expected label"),
                arguments("sum by (a b)(x)", "1:11: parse error: unexpected identifier \"b\" in grouping opts, "
                        + "expected \",\" or \")\""),
                arguments("sum by (\"\")(x)", "1:9: parse error: invalid label name for grouping: \"\""),
                arguments("sum some_metric by (test)", "1:5: parse error: unexpected identifier \"some_metric\""),
                arguments("sum (some_metric) by test", "1:22: parse error: unexpected identifier \"test\" in grouping "
                        + "opts, expected \"(\""),
                arguments("sum by (a) x", "1:12: parse error: unexpected identifier \"x\" in aggregation"),
                arguments("sum () by (test)", "1:1: parse error: no arguments for aggregate expression provided"),
                arguments("MIN keep_common (some_metric)", "1:5: parse error: unexpected identifier \"keep_common\""),
                arguments("MIN (some_metric) keep_common", "1:19: parse error: unexpected identifier \"keep_common\""),
                arguments("sum (some_metric) without (test) by (test)", "1:34: parse error: unexpected <by>"),
                arguments("sum without (test) (some_metric) by (test)", "1:34: parse error: unexpected <by>"),
                arguments("topk(some_metric)", "1:1: parse error: wrong number of arguments for aggregate expression "
                        + "provided, expected 2, got 1"),
                arguments("sum(a, b)", "1:1: parse error: wrong number of arguments for aggregate expression "
                        + "provided, expected 1, got 2"),
                arguments("topk(some_metric,)", "1:17: parse error: trailing commas not allowed in function call args"),
                arguments("topk(some_metric, other_metric)", "1:6: parse error: expected type scalar in aggregation "
                        + "parameter, got instant vector"),
                arguments("count_values(5, other_metric)", "1:14: parse error: expected type string in aggregation "
                        + "parameter, got scalar"),
                arguments("sum(foo[5m])", "1:5: parse error: expected type instant vector in aggregation expression, "
                        + "got range vector"),
                // Functions.
                arguments("floor()", "1:1: parse error: expected 1 argument(s) in call to \"floor\", got 0"),
                arguments("floor(some_metric, other_metric)",
                        "1:1: parse error: expected 1 argument(s) in call to \"floor\", got 2"),
                arguments("floor(1)", "1:7: parse error: expected type instant vector in call to function \"floor\", "
                        + "got scalar"),
                arguments("hour(some_metric, some_metric, some_metric)",
                        "1:1: parse error: expected at most 1 argument(s) in call to \"hour\", got 3"),
                arguments("label_join(x, \"a\")",
                        "1:1: parse error: expected at least 3 argument(s) in call to \"label_join\", got 2"),
                arguments("label_join(x, \"a\", \"b\", 1)", "1:25: parse error: expected type string in call to "
                        + "function \"label_join\", got scalar"),
                arguments("time(some_metric)", "1:1: parse error: expected 0 argument(s) in call to \"time\", got 1"),
                arguments("non_existent_function_far_bar()",
                        "1:1: parse error: unknown function with name \"non_existent_function_far_bar\""),
                arguments("a>b()", "1:3: parse error: unknown function with name \"b\""),
                arguments("RATE(x[5m])", "1:1: parse error: unknown function with name \"RATE\""),
                arguments("rate(some_metric)", "1:6: parse error: expected type range vector in call to function "
                        + "\"rate\", got instant vector"),
                arguments("rate(avg)", "1:6: parse error: expected type range vector in call to function \"rate\", "
                        + "got instant vector"),
                arguments("rate(x[5m],)", "1:11: parse error: trailing commas not allowed in function call args"),
                arguments("info(rate(http_request_counter_total{}[5m]), target_info{foo=\"bar\"})",
                        "1:46: parse error: expected label selectors only, got vector selector instead"),
                arguments("info(http_request_counter_total{namespace=\"zzz\"}, {foo=\"bar\"} == 1)",
                        "1:51: parse error: expected label selectors only"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void reportsErrorsAsPrometheusDoes(String input, String message) {
        assertThatThrownBy(() -> PromqlParser.parse(input))
                .isInstanceOf(PromqlParseException.class)
                .hasMessage(message);
    }

    @Test
    void reportsAnInvalidRegularExpressionAtTheMatcher() {
        assertThatThrownBy(() -> PromqlParser.parse("foo{a=~\"(\"}"))
                .isInstanceOf(PromqlParseException.class)
                .hasMessageStartingWith("1:5: parse error: error parsing regexp: ")
                .satisfies(e -> assertThat(((PromqlParseException) e).position()).isEqualTo(pos(4, 10)));
    }

    @Test
    void carriesThePositionOfTheError() {
        assertThatThrownBy(() -> PromqlParser.parse("foo + bool bar"))
                .satisfies(e -> assertThat(((PromqlParseException) e).position()).isEqualTo(pos(4, 10)));
        assertThatThrownBy(() -> PromqlParser.parse("sum(x) + rate(y)"))
                .satisfies(e -> assertThat(((PromqlParseException) e).position()).isEqualTo(pos(14, 15)));
        assertThatThrownBy(() -> PromqlParser.parse("foo{a*\"b\"}"))
                .satisfies(e -> assertThat(((PromqlParseException) e).position()).isEqualTo(pos(5, 10)));
    }

    @Test
    void reportsTheFirstErrorInTheText() {
        // A syntax error wins over a type error that comes before it.
        assertThatThrownBy(() -> PromqlParser.parse("rate(x) + (1"))
                .hasMessage("1:13: parse error: unclosed left parenthesis");
        // An unknown function is reported before the lexer reads past its closing parenthesis.
        assertThatThrownBy(() -> PromqlParser.parse("foo() $"))
                .hasMessage("1:1: parse error: unknown function with name \"foo\"");
        // Arguments are checked one after the other, each one fully before the next.
        assertThatThrownBy(() -> PromqlParser.parse("label_replace(rate(x), 1, \"\", \"\", \"\")"))
                .hasMessage("1:20: parse error: expected type range vector in call to function \"rate\", got instant "
                        + "vector");
    }

    @Test
    void acceptsEmptyMatchersOnlyWhereAnotherMatcherSelects() throws PromqlParseException {
        assertThat(PromqlParser.parse("{x=\"\", y=\"a\"}")).isInstanceOf(VectorSelector.class);
        assertThat(PromqlParser.parse("foo{x=\"\"}")).isInstanceOf(VectorSelector.class);
        assertThat(PromqlParser.parse("{__name__=~\".+\"}")).isInstanceOf(VectorSelector.class);
    }

    @Test
    void parsesLongChainsAndReasonableNesting() throws PromqlParseException {
        String chain = "a" + " + a".repeat(50_000);
        Expr sum = PromqlParser.parse(chain);
        assertThat(sum.position()).isEqualTo(pos(0, chain.length()));
        assertThat(PromqlParser.parse("(".repeat(500) + "1" + ")".repeat(500))).isInstanceOf(ParenExpr.class);
        assertThat(PromqlParser.parse("2" + " ^ 2".repeat(500))).isInstanceOf(BinaryExpr.class);
        assertThat(PromqlParser.parse("-".repeat(500) + "1")).isEqualTo(num(1, 0, 501));
    }

    @Test
    void quotesTextForMessagesAsPrometheusDoes() throws PromqlParseException {
        StringLiteral label = (StringLiteral) ((AggregateExpr) PromqlParser.parse("count_values(\"a\\xc5z\", x)")).param();
        assertThat(label).isNotNull();
        assertThat(GoStrings.isValidUtf8(label.value())).isFalse();
        assertThat(GoStrings.quote(label.value())).isEqualTo("\"a\\xc5z\"");
    }

    @Test
    void reportsDeepNestingAsAParseError() {
        String deep = "(".repeat(100_000) + "1" + ")".repeat(100_000);
        assertThatThrownBy(() -> PromqlParser.parse(deep))
                .isInstanceOf(PromqlParseException.class)
                .hasMessage("1:1: parse error: expression is nested too deeply");
    }

    private static NumberLiteral num(double value, int start, int end) {
        return new NumberLiteral(value, pos(start, end));
    }

    private static VectorSelector vs(String name, int start, int end) {
        return new VectorSelector(name, List.of(LabelMatcher.metricName(name)), 0, null, pos(start, end));
    }

    private static PositionRange pos(int start, int end) {
        return new PositionRange(start, end);
    }

    private static FunctionSignature function(String name) {
        return FunctionSignature.lookup(name).orElseThrow();
    }
}
