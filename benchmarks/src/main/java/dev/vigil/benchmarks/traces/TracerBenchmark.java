package dev.vigil.benchmarks.traces;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * What starting and ending a span costs through the platform's {@link Tracer} (the one the tracing plugin registers in
 * the service registry, taken from a kernel that deploys the plugin's JAR, see {@link PlatformTracer}) against a bare
 * OpenTelemetry SDK tracer ({@link BareTracer}), with the same sampler ({@code always_on}), the same batching (a queue
 * of 2,048 spans, batches of 512, 5 s delay) and the same exporter ({@link TracerSide}), in the same JVM state: the
 * same kernel runs in both forks ({@link TracingKernel}). Report the ratio of the scores of each pair; the goal is at
 * most 1.05.
 *
 * <ul>
 *   <li>{@code rootSpan...}: a new root span with a kind and two attributes, started and ended;</li>
 *   <li>{@code childSpan...}: a span under the context made current, as code inside a traced request makes one: the
 *       parent's context is made current, the child started and ended, and the scope closed.</li>
 * </ul>
 *
 * <p>The benchmark thread ends spans faster than one export thread can format them, so both processors drop part of
 * them when their queue is full. After each iteration both sides print how many spans they ended and how many their
 * processor dropped: a dropped span costs its caller less than a queued one, so the ratio compares like with like only
 * while the two drop about the same share. Meant for one benchmark thread.
 *
 * <p>Run with {@code java -jar benchmarks/target/benchmarks.jar TracerBenchmark}, or through {@link #main} with the
 * same JMH options, which runs each pair in turns, bare and platform one after the other, {@code -f} times (each in
 * a fresh fork), so that what else runs on the machine weighs on both alike, and prints the ratios.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TracerBenchmark {

    static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");

    @Benchmark
    public Span rootSpanBare(BareTracer bare) {
        return rootSpan(bare);
    }

    @Benchmark
    public Span rootSpanPlatform(PlatformTracer platform) {
        return rootSpan(platform);
    }

    @Benchmark
    public Span childSpanBare(BareTracer bare) {
        return childSpan(bare);
    }

    @Benchmark
    public Span childSpanPlatform(PlatformTracer platform) {
        return childSpan(platform);
    }

    /**
     * Runs each case's two benchmarks in turns, one fork each, as many turns as {@code -f} says (default 3), the side
     * that goes first alternating. Each run is summed up by the median of its iterations, which a burst of other work
     * on the machine moves less than the mean; it prints every turn's medians and, per case, the mean of each side's
     * medians, their ratio, and the median of the turns' ratios.
     *
     * @param args JMH's command-line options; a benchmark pattern among them is ignored
     */
    public static void main(String[] args) throws Exception {
        CommandLineOptions given = new CommandLineOptions(args);
        int turns = given.getForkCount().orElse(3);
        Map<String, List<double[]>> medians = new LinkedHashMap<>();
        for (int turn = 0; turn < turns; turn++) {
            for (String kind : new String[] {"rootSpan", "childSpan"}) {
                String[] order = turn % 2 == 0 ? new String[] {"Bare", "Platform"} : new String[] {"Platform", "Bare"};
                double[] pair = new double[2];
                for (String side : order) {
                    RunResult result = new Runner(new OptionsBuilder().parent(given).forks(1)
                            .include(TracerBenchmark.class.getName() + "\\." + kind + side + "$").build()).runSingle();
                    pair[side.equals("Bare") ? 0 : 1] = result.getPrimaryResult().getStatistics().getPercentile(50);
                }
                medians.computeIfAbsent(kind, k -> new ArrayList<>()).add(pair);
            }
        }
        System.out.println();
        for (Map.Entry<String, List<double[]>> kind : medians.entrySet()) {
            List<double[]> pairs = kind.getValue();
            double bare = pairs.stream().mapToDouble(p -> p[0]).average().orElse(Double.NaN);
            double platform = pairs.stream().mapToDouble(p -> p[1]).average().orElse(Double.NaN);
            double[] ratios = pairs.stream().mapToDouble(p -> p[1] / p[0]).sorted().toArray();
            double medianRatio = ratios.length % 2 == 1 ? ratios[ratios.length / 2] : (ratios[ratios.length / 2 - 1] + ratios[ratios.length / 2]) / 2;
            StringBuilder each = new StringBuilder();
            for (double[] pair : pairs) {
                each.append(String.format(Locale.ROOT, " %.1f/%.1f", pair[1], pair[0]));
            }
            System.out.printf(Locale.ROOT, "%-9s bare %6.1f ns/op, platform %6.1f ns/op: platform / bare = %.3f, median of the turns' ratios %.3f"
                    + " (goal: at most 1.05); turns, platform/bare:%s%n", kind.getKey(), bare, platform, platform / bare, medianRatio, each);
        }
    }

    private static Span rootSpan(TracerSide side) {
        Span span = side.tracer().spanBuilder("GET /api/orders").setNoParent().setSpanKind(SpanKind.SERVER)
                .setAttribute(METHOD, "GET").setAttribute(STATUS, 200L).startSpan();
        span.end();
        side.ended++;
        return span;
    }

    private static Span childSpan(TracerSide side) {
        Span span;
        try (Scope scope = side.parent().makeCurrent()) {
            span = side.tracer().spanBuilder("SELECT orders").setSpanKind(SpanKind.CLIENT).startSpan();
            span.end();
        }
        side.ended++;
        return span;
    }
}
