package dev.vigil.benchmarks.logs;

import java.util.Collection;
import java.util.Locale;
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
 * Log events per second through the platform's pipeline ({@link PlatformPipeline}: SLF4J logger, the logging plugin's
 * enrichment and {@linkplain dev.vigil.logging.redact.Redactor redaction}, its JSON file output and its log store
 * output into a real store) against plain Logback writing the same events with the same JSON encoder to a rolling file
 * ({@link PlainLogback}, the baseline), with the same {@linkplain LogMix message mix} in the same order. Each operation
 * logs one event. The store's pace is part of the platform's score: a logging thread waits when the store falls more
 * than three quarters of the store output's queue behind ({@link StoreGate}), so what is measured over an iteration is
 * what the store kept up with, give or take a few thousand events. The goal is {@code platform} at least half of
 * {@code plainLogback}.
 *
 * <p>Run with {@code java -jar benchmarks/target/benchmarks.jar LoggingThroughputBenchmark}, or through {@link #main}
 * with the same JMH options ({@code -f 1 -wi 3 -i 5}, {@code -t 2}, {@code -prof jfr}, ...), which also prints the
 * ratio of the two scores.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class LoggingThroughputBenchmark {

    /** One event through the platform's pipeline. */
    @Benchmark
    public void platform(PlatformPipeline pipeline, LogLines lines) {
        pipeline.log(lines.next());
    }

    /** The same event through plain Logback. */
    @Benchmark
    public void plainLogback(PlainLogback plain, LogLines lines) {
        plain.log(lines.next());
    }

    /**
     * Runs both benchmarks with the JMH options given and prints the scores and their ratio.
     *
     * @param args JMH's command-line options; a benchmark pattern among them is ignored
     */
    public static void main(String[] args) throws Exception {
        CommandLineOptions given = new CommandLineOptions(args);
        Collection<RunResult> results = new Runner(new OptionsBuilder().parent(given)
                .include(LoggingThroughputBenchmark.class.getName() + "\\.").build()).run();
        double platform = Double.NaN;
        double plain = Double.NaN;
        double platformError = Double.NaN;
        double plainError = Double.NaN;
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark();
            double score = result.getPrimaryResult().getScore();
            double error = result.getPrimaryResult().getScoreError();
            if (method.endsWith(".platform")) {
                platform = score;
                platformError = error;
            } else if (method.endsWith(".plainLogback")) {
                plain = score;
                plainError = error;
            }
        }
        System.out.printf(Locale.ROOT, "%nplatform      %,12.0f ± %,.0f events/s%nplain Logback %,12.0f ± %,.0f events/s%n"
                + "platform / plain Logback = %.2f (goal: at least 0.50)%n", platform, platformError, plain, plainError,
                platform / plain);
    }
}
