package dev.vigil.metrics.promql.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatObject;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.api.metrics.Labels;
import dev.vigil.metrics.promql.conformance.SeriesValue.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ScriptParserTest {

    @Test
    void expandsSequences() {
        assertThat(floats("m 1+1x3")).containsExactly(1.0, 2.0, 3.0, 4.0);
        assertThat(floats("m 10-2x2")).containsExactly(10.0, 8.0, 6.0);
        assertThat(floats("m 5x2")).containsExactly(5.0, 5.0, 5.0);
        assertThat(floats("m -2+1x2")).containsExactly(-2.0, -1.0, 0.0);
        assertThat(floats("m 1 2 3")).containsExactly(1.0, 2.0, 3.0);
        assertThat(floats("m 1x0")).containsExactly(1.0);
        assertThat(floats("m 52+0x2")).as("0x is a step and a count here, not hexadecimal").containsExactly(52.0, 52.0, 52.0);
    }

    @Test
    void addsStepsOneAtATime() {
        // 0.1 + 0.1 + 0.1 is not 0.3 in binary floating point, and the scripts' original tooling adds step by step
        assertThat(floats("m 0+0.1x3")).containsExactly(0.0, 0.1, 0.2, 0.1 + 0.1 + 0.1);
    }

    @Test
    void readsNumbersInEveryForm() {
        assertThat(floats("m 1e+2 1E-2 .5 -0.25 010")).containsExactly(100.0, 0.01, 0.5, -0.25, 8.0);
        assertThat(floats("m Inf -Inf +Inf inf NaN")).containsExactly(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN);
        assertThat(floats("m 1e+2+1e+1x1")).containsExactly(100.0, 110.0);
    }

    @Test
    void readsMissingAndStaleSamples() {
        List<SeriesValue> values = SeriesDescriptionParser.parse("m 1 _ stale _x3 2").values();
        assertThat(values).extracting(SeriesValue::kind).containsExactly(Kind.FLOAT, Kind.MISSING, Kind.STALE, Kind.MISSING,
                Kind.MISSING, Kind.MISSING, Kind.FLOAT);
    }

    @Test
    void recognisesNativeHistogramLiterals() {
        SeriesLine line = SeriesDescriptionParser.parse(
                "h {{schema:0 sum:1 count:1 buckets:[1 2]}}x2 1 {{count:0}}+{{count:1}}x4 {{sum:1}}");
        assertThat(line.values()).extracting(SeriesValue::kind).containsExactly(Kind.HISTOGRAM, Kind.HISTOGRAM,
                Kind.HISTOGRAM, Kind.FLOAT, Kind.HISTOGRAM, Kind.HISTOGRAM, Kind.HISTOGRAM, Kind.HISTOGRAM, Kind.HISTOGRAM,
                Kind.HISTOGRAM);
        assertThat(line.hasHistogram()).isTrue();
    }

    @Test
    void readsSeriesDescriptions() {
        assertThatObject(labels("http_requests{job=\"api\", instance='0'} 1"))
                .isEqualTo(Labels.of("__name__", "http_requests", "job", "api", "instance", "0"));
        assertThatObject(labels("{job=\"x\"} 1")).isEqualTo(Labels.of("job", "x"));
        assertThatObject(labels("{} 1")).isEqualTo(Labels.EMPTY);
        assertThatObject(labels("{__name__=\"m\", a=\"b\",} 1")).isEqualTo(Labels.of("__name__", "m", "a", "b"));
        assertThatObject(labels("node_namespace_pod:kube_pod_info:{pod=\"p\"} 1"))
                .isEqualTo(Labels.of("__name__", "node_namespace_pod:kube_pod_info:", "pod", "p"));
        assertThatObject(labels("up 1")).isEqualTo(Labels.of("__name__", "up"));
        assertThatObject(labels("m{a=\"\"} 1")).as("an empty value is no label").isEqualTo(Labels.of("__name__", "m"));
    }

    @Test
    void readsQuotedUtf8Names() {
        assertThatObject(labels("{\"a.b\", \"c\"=\"d\"} 1")).isEqualTo(Labels.of("__name__", "a.b", "c", "d"));
        assertThatObject(labels("{\"c.d\"=\"e\", \"ünïcode name\"} 1")).isEqualTo(Labels.of("__name__", "ünïcode name", "c.d", "e"));
        assertThatObject(labels("m{`raw\\n`=\"v\"} 1")).isEqualTo(Labels.of("__name__", "m", "raw\\n", "v"));
    }

    @Test
    void readsEscapesInValues() {
        assertThatObject(labels("m{a=\"x\\\"y\\\\z\\n\\u00e9\\x41\"} 1").get("a")).isEqualTo("x\"y\\z\néA");
    }

    @Test
    void refusesMalformedSeries() {
        assertThatThrownBy(() -> SeriesDescriptionParser.parse("m{a=b} 1")).hasMessageContaining("quoted label value");
        assertThatThrownBy(() -> SeriesDescriptionParser.parse("m{a=\"b\" 1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeriesDescriptionParser.parse("m 1+1")).hasMessageContaining("needs a count");
        assertThatThrownBy(() -> SeriesDescriptionParser.parse("m one")).hasMessageContaining("\"one\"");
        assertThatThrownBy(() -> SeriesDescriptionParser.parse("m{a=\"1\", a=\"2\"} 1")).hasMessageContaining("twice");
        assertThatThrownBy(() -> SeriesDescriptionParser.parse("m {{count:1 1")).hasMessageContaining("unterminated");
    }

    @Test
    void readsLoadClearAndEvalInOrder() {
        Script script = ScriptParser.parse("t.test", """
                # a comment
                load 5m
                  m{a="1"} 0+1x2
                  n 1

                eval instant at 10m m
                  m{a="1"} 2

                clear
                load_with_nhcb 10s53ms
                  h_bucket{le="1"} 1
                """);
        assertThat(script.commands()).hasSize(4);
        LoadCommand load = (LoadCommand) script.commands().get(0);
        assertThat(load.line()).isEqualTo(2);
        assertThat(load.intervalMillis()).isEqualTo(300_000);
        assertThat(load.withNhcb()).isFalse();
        assertThat(load.series()).extracting(SeriesLine::labels)
                .containsExactly(Labels.of("__name__", "m", "a", "1"), Labels.of("__name__", "n"));
        EvalCommand eval = (EvalCommand) script.commands().get(1);
        assertThat(script.caseId(eval)).isEqualTo("t.test:6");
        assertThat(eval.expression()).isEqualTo("m");
        assertThat(eval.timing()).isEqualTo(EvalCommand.Timing.instant(600_000));
        assertThat(eval.expected().series()).singleElement().satisfies(s -> {
            assertThatObject(s.labels()).isEqualTo(Labels.of("__name__", "m", "a", "1"));
            assertThat(s.values()).containsExactly(SeriesValue.of(2));
            assertThat(s.position()).isEqualTo(1);
        });
        assertThat(script.commands().get(2)).isEqualTo(new ClearCommand(9));
        LoadCommand nhcb = (LoadCommand) script.commands().get(3);
        assertThat(nhcb.withNhcb()).isTrue();
        assertThat(nhcb.intervalMillis()).isEqualTo(10_053);
        assertThat(script.evals()).containsExactly(eval);
    }

    @Test
    void keepsTheLastLineOfASeriesWrittenTwiceInALoad() {
        LoadCommand load = (LoadCommand) ScriptParser.parse("t.test", "load 1m\n  m 1\n  n 2\n  m 3\n").commands().get(0);
        assertThat(load.effectiveSeries()).extracting(s -> s.values().get(0).value()).containsExactly(3.0, 2.0);
    }

    @Test
    void readsEvalHeaders() {
        EvalCommand range = eval("eval range from 0 to 2m step 30s sum by (a) (m)");
        assertThat(range.timing()).isEqualTo(new EvalCommand.Timing(true, 0, 120_000, 30_000));
        assertThat(range.expression()).isEqualTo("sum by (a) (m)");

        assertThat(eval("eval instant at 1h30m  m  +  1").expression()).isEqualTo("m  +  1");
        assertThat(eval("eval instant at 0 m").timing().end()).isZero();
        assertThat(eval("eval_fail instant at 0 m").expected().failure()).isEqualTo(Expectation.ANY);
        assertThat(eval("eval_ordered instant at 0 m").expected().ordered()).isTrue();
        assertThat(eval("eval_warn range from 0 to 1m step 1m m").annotations().warnings()).containsExactly(Expectation.ANY);
        assertThat(eval("eval_info instant at 0 m").annotations().infos()).containsExactly(Expectation.ANY);

        EvalCommand plain = eval("eval instant at 5m m");
        assertThat(plain.expected().fails()).isFalse();
        assertThat(plain.expected().ordered()).isFalse();
        assertThat(plain.expected().series()).isEmpty();
        assertThat(plain.annotations()).isEqualTo(new ExpectedAnnotations(List.of(), false, List.of(), false));
    }

    @Test
    void refusesMalformedEvalHeaders() {
        assertThatThrownBy(() -> ScriptParser.parse("t.test", "\neval instant 5m m\n"))
                .isInstanceOf(ScriptFormatException.class).hasMessageStartingWith("t.test:2: ");
        assertThatThrownBy(() -> ScriptParser.parse("t.test", "eval_ordered range from 0 to 1m step 1m m\n"))
                .isInstanceOf(ScriptFormatException.class);
        assertThatThrownBy(() -> ScriptParser.parse("t.test", "eval range from 2m to 1m step 1m m\n"))
                .hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> ScriptParser.parse("t.test", "eval instant at 5x m\n")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> ScriptParser.parse("t.test", "evaluate\n")).isInstanceOf(ScriptFormatException.class);
        assertThatThrownBy(() -> ScriptParser.parse("t.test", "frobnicate 1m\n")).hasMessageContaining("unknown command");
        assertThatThrownBy(() -> ScriptParser.parse("t.test", "load_with_magic 1m\n")).hasMessageContaining("load_with_magic");
    }

    @Test
    void readsExpectLines() {
        EvalCommand eval = eval("""
                eval instant at 1m m
                  expect fail msg: something went wrong
                  expect warn
                  expect warn regex: quantile value .* \\([0-9]+:[0-9]+\\)
                  expect no_info
                  expect ordered
                """);
        assertThat(eval.expected().failure()).isEqualTo(Expectation.message("something went wrong"));
        assertThat(eval.expected().ordered()).isTrue();
        assertThat(eval.annotations().warnings()).hasSize(2);
        assertThat(eval.annotations().warnings().get(1).matches("PromQL warning: quantile value should be between 0 and 1, got NaN (1:9)"))
                .isTrue();
        assertThat(eval.annotations().noInfo()).isTrue();
        assertThat(eval.annotations().noWarn()).isFalse();

        assertThat(eval("eval instant at 0 m\n  expect fail msg:invalid label name \"a\\xc5z\"\n").expected().failure())
                .isEqualTo(Expectation.message("invalid label name \"a\\xc5z\""));
        assertThat(eval("eval instant at 0 m\n  expect fail regex: ^bad.*\n").expected().failure().matches("bad data")).isTrue();
        assertThat(eval("eval instant at 0 m\n  expect info msg: PromQL info: x (1:1)\n").annotations().infos())
                .containsExactly(Expectation.message("PromQL info: x (1:1)"));
        assertThat(eval("eval instant at 0 m\n  expect no_warn\n").annotations().noWarn()).isTrue();
    }

    @Test
    void refusesContradictoryExpectLines() {
        assertThatThrownBy(() -> eval("eval instant at 0 m\n  expect warn\n  expect no_warn\n")).hasMessageContaining("no_warn");
        assertThatThrownBy(() -> eval("eval instant at 0 m\n  expect fail\n  expect fail\n")).hasMessageContaining("one expect fail");
        assertThatThrownBy(() -> eval("eval instant at 0 m\n  expect sorted\n")).isInstanceOf(ScriptFormatException.class);
        assertThatThrownBy(() -> eval("eval instant at 0 m\n  expect warn regex: (\n")).hasMessageContaining("regular expression");
    }

    @Test
    void readsOlderFailureForms() {
        EvalCommand eval = eval("eval_fail instant at 0 m\n  expected_fail_message vector cannot contain metrics\n");
        assertThat(eval.expected().failure()).isEqualTo(Expectation.message("vector cannot contain metrics"));
        EvalCommand regex = eval("eval_fail instant at 0 m\n  expected_fail_regexp cannot.*metrics\n");
        assertThat(regex.expected().failure().matches("vector cannot contain metrics")).isTrue();
    }

    @Test
    void readsExpectedStrings() {
        assertThat(eval("eval instant at 0 \"Foo\"\n  expect string \"Foo\"\n").expected().string()).isEqualTo("Foo");
        assertThat(eval("eval instant at 0 `Foo`\n  expect string `Foo`\n").expected().string()).isEqualTo("Foo");
        assertThat(eval("eval instant at 0 \" Foo \"\n  expect string \" Foo \"\n").expected().string()).isEqualTo(" Foo ");
        assertThat(eval("eval instant at 0 \"\"\n  expect string \"\"\n").expected().string()).isEmpty();
        assertThat(eval("eval instant at 0 \"a\"\n  expect string \"a\\\"b\"\n").expected().string()).isEqualTo("a\"b");
        assertThatThrownBy(() -> eval("eval instant at 0 \"\"\n  expect string Foo\n")).hasMessageContaining("quoted");
    }

    @Test
    void readsExpectedRangeVectors() {
        EvalCommand eval = eval("""
                eval instant at 1m m[1m]
                  expect range vector from 10s to 1m step 10s
                  m{env="a"} 2 3 _ 5
                """);
        assertThat(eval.expected().rangeVector()).isTrue();
        assertThat(eval.timing()).isEqualTo(new EvalCommand.Timing(false, 10_000, 60_000, 10_000));
        assertThat(eval.timing().stepTime(3)).isEqualTo(40_000);
        assertThat(eval.expected().series().get(0).values()).hasSize(4);
    }

    @Test
    void refusesSeveralValuesForAnInstantVector() {
        assertThatThrownBy(() -> eval("eval instant at 0 m\n  m 1 2\n")).hasMessageContaining("one value per series");
    }

    @Test
    void readsScalarsAndEndsTheBlockThere() {
        assertThat(eval("eval instant at 0 1\n  1\n").expected().scalar()).hasValue(1.0);
        assertThat(eval("eval instant at 0 -1/0\n  -Inf\n").expected().scalar()).hasValue(Double.NEGATIVE_INFINITY);
        assertThat(eval("eval instant at 0 0/0\n  NaN\n").expected().scalar().getAsDouble()).isNaN();
        assertThat(eval("eval instant at 0 0x10\n  0x10\n").expected().scalar()).hasValue(16.0);
        assertThat(ScriptParser.parse("t.test", "eval instant at 0 1\n  1\nclear\n").commands()).hasSize(2);
    }

    @Test
    void commentsEndABlock() {
        Script script = ScriptParser.parse("t.test", "eval instant at 0 m\n  expect no_warn\n  # empty\n\nclear\n");
        assertThat(((EvalCommand) script.commands().get(0)).expected().series()).isEmpty();
        assertThat(script.commands().get(1)).isEqualTo(new ClearCommand(5));
    }

    @Test
    void marksExpectedHistograms() {
        assertThat(eval("eval instant at 0 h\n  h {{count:1}}\n").expected().histogram()).isTrue();
        assertThat(eval("eval instant at 0 h\n  h 1\n").expected().histogram()).isFalse();
    }

    @Test
    void parsesEverySharedScript() throws IOException {
        Path dir = Path.of(System.getProperty(PromqlConformanceTest.DIR_PROPERTY, PromqlConformanceTest.DEFAULT_DIR));
        assertThat(dir).as("the PromQL conformance scripts, beside the clone").isDirectory();
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".test")).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            Script script = ScriptParser.parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            assertThat(script.evals()).as(file.toString()).isNotEmpty();
        }
    }

    private static List<Double> floats(String line) {
        return SeriesDescriptionParser.parse(line).values().stream().map(SeriesValue::value).toList();
    }

    private static Labels labels(String line) {
        return SeriesDescriptionParser.parse(line).labels();
    }

    private static EvalCommand eval(String text) {
        return ScriptParser.parse("t.test", text).evals().get(0);
    }
}
