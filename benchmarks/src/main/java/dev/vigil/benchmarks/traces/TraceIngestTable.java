package dev.vigil.benchmarks.traces;

import static dev.vigil.benchmarks.ComparisonRows.rate;
import static dev.vigil.benchmarks.ComparisonRows.row;

import dev.vigil.benchmarks.ComparisonRows;
import dev.vigil.benchmarks.Folders;
import dev.vigil.benchmarks.IngestLoad;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints one pass of {@link TraceIngestDriver}: a row per figure, Vigil beside Zipkin and their ratio.
 *
 * @param corpus the spans both servers were sent
 * @param vigil what Vigil's run measured
 * @param zipkin what Zipkin's run measured
 */
record TraceIngestTable(TraceCorpus corpus, TraceIngestDriver.Measured vigil, TraceIngestDriver.Measured zipkin) {

    void print(String title, PrintStream out) {
        IngestLoad.Result v = vigil.result();
        IngestLoad.Result z = zipkin.result();
        long first = corpus.firstRoundSpans();
        out.println(title);
        ComparisonRows.heading(out, "Vigil", "Zipkin", "ratio V/Z");
        row(out, "spans/s, all rounds", rate(v.samples(), v.totalNanos()), rate(z.samples(), z.totalNanos()), "%,.0f");
        row(out, "spans/s, round 1 (fresh server)", rate(first, v.firstRoundNanos()), rate(first, z.firstRoundNanos()), "%,.0f");
        row(out, "spans/s, later rounds", rate(v.samples() - first, v.totalNanos() - v.firstRoundNanos()),
                rate(z.samples() - first, z.totalNanos() - z.firstRoundNanos()), "%,.0f");
        row(out, "request latency p50 (ms)", v.latencyMs(0.50), z.latencyMs(0.50), "%.1f");
        row(out, "request latency p99 (ms)", v.latencyMs(0.99), z.latencyMs(0.99), "%.1f");
        row(out, "non-2xx responses or no response", v.failures(), z.failures(), "%.0f");
        row(out, "spans stored (GET /api/v2/traces)", vigil.stored().spans(), zipkin.stored().spans(), "%,.0f");
        row(out, "request bytes per span (protobuf / JSON)", (double) corpus.otlpBytes() / corpus.spans(),
                (double) corpus.zipkinBytes() / corpus.spans(), "%.0f");
        row(out, "bytes on disk per span", (double) vigil.storageBytes() / v.samples(), Double.NaN, "%.1f");
        row(out, "resident memory before the load (MiB)", vigil.idleRssKb() / 1024.0, zipkin.idleRssKb() / 1024.0, "%.0f");
        row(out, "resident memory after the load (MiB)", vigil.rssKb() / 1024.0, zipkin.rssKb() / 1024.0, "%.0f");
        out.printf(Locale.ROOT, "  Vigil on disk: %s in <dataDir>/plugins/tracing/store: %s%n", Folders.human(vigil.storageBytes()),
                vigil.storageBreakdown());
        out.println("  Zipkin keeps spans in memory (STORAGE_TYPE=mem): nothing on disk");
        for (TraceIngestDriver.Measured m : new TraceIngestDriver.Measured[] {vigil, zipkin}) {
            out.printf(Locale.ROOT, "  %s stored %,d of %,d spans sent (%,d traces, %d queries)%s%s%n", m.name(), m.stored().spans(), m.result().samples(),
                    m.stored().traces(), m.stored().queries(), m.stored().spans() == m.result().samples() ? "" : "  <-- MISMATCH", m.note());
            if (m.result().firstFailure() != null) {
                out.printf(Locale.ROOT, "  %s first error: %s%n", m.name(), m.result().firstFailure());
            }
        }
        out.println();
    }
}
