package dev.vigil.metrics.promql.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.metrics.Labels;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class NativeHistogramCasesTest {

    private static final Script SCRIPT = ScriptParser.parse("t.test", """
            load_with_nhcb 5m
              hist_bucket{le="0.1", job="a"} 0+1x3
              hist_bucket{le="+Inf", job="a"} 0+2x3
              hist_count{job="a"} 0+2x3
              plain 1

            load 5m
              native{job="b"} {{schema:0 sum:1 count:1}}x3
              floats{job="b"} 1 2 3
            """);

    @Test
    void derivesTheNativeSeriesOfALoad() {
        List<Labels> nhcb = NativeHistogramCases.nativeSeries((LoadCommand) SCRIPT.commands().get(0));
        assertThat(nhcb).containsOnly(Labels.of("__name__", "hist", "job", "a"));
        List<Labels> literal = NativeHistogramCases.nativeSeries((LoadCommand) SCRIPT.commands().get(1));
        assertThat(literal).containsExactly(Labels.of("__name__", "native", "job", "b"));
    }

    @Test
    void aCaseIsUnsupportedOnlyWhenItCanReadNativeHistograms() {
        List<Labels> loaded = SCRIPT.commands().stream().filter(LoadCommand.class::isInstance)
                .flatMap(c -> NativeHistogramCases.nativeSeries((LoadCommand) c).stream()).toList();
        assertThat(reason("histogram_count(hist)", loaded)).isNotNull();
        assertThat(reason("rate(native[5m])", loaded)).isNotNull();
        assertThat(reason("{__name__=~\"nat.*\"}", loaded)).isNotNull();
        assertThat(reason("histogram_quantile(0.5, rate(hist_bucket[5m]))", loaded)).as("the classic series are floats").isNull();
        assertThat(reason("sum(floats) + hist_count", loaded)).isNull();
        assertThat(reason("plain", List.of())).isNull();
    }

    @Test
    void aCaseThatExpectsAHistogramIsUnsupported() {
        EvalCommand eval = ScriptParser.parse("t.test", "eval instant at 0 x\n  x {{count:1}}\n").evals().get(0);
        assertThat(NativeHistogramCases.reason(eval, List.of())).isEqualTo("expects native histogram values");
    }

    private static @Nullable String reason(String expression, List<Labels> loaded) {
        EvalCommand eval = ScriptParser.parse("t.test", "eval instant at 0 " + expression + "\n").evals().get(0);
        return NativeHistogramCases.reason(eval, loaded);
    }
}
