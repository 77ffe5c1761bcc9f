package dev.vigil.benchmarks;

import static dev.vigil.benchmarks.ComparisonRows.rate;
import static dev.vigil.benchmarks.ComparisonRows.row;

import java.io.PrintStream;
import java.util.Locale;

/** Prints one pass of {@link RemoteWriteIngestDriver}: a row per figure, Vigil beside Prometheus and their ratio. */
final class IngestTable {

    private final int series;
    private final RemoteWriteIngestDriver.Measured vigil;
    private final RemoteWriteIngestDriver.Measured prometheus;

    IngestTable(int series, RemoteWriteIngestDriver.Measured vigil, RemoteWriteIngestDriver.Measured prometheus) {
        this.series = series;
        this.vigil = vigil;
        this.prometheus = prometheus;
    }

    void print(String title, PrintStream out) {
        IngestLoad.Result v = vigil.result();
        IngestLoad.Result p = prometheus.result();
        out.println(title);
        ComparisonRows.heading(out, "Vigil", "Prometheus", "ratio V/P");
        row(out, "samples/s, all rounds", rate(v.samples(), v.totalNanos()), rate(p.samples(), p.totalNanos()), "%,.0f");
        row(out, "samples/s, round 1 (creates the series)", rate(series, v.firstRoundNanos()), rate(series, p.firstRoundNanos()), "%,.0f");
        row(out, "samples/s, later rounds (series exist)", rate(v.samples() - series, v.totalNanos() - v.firstRoundNanos()),
                rate(p.samples() - series, p.totalNanos() - p.firstRoundNanos()), "%,.0f");
        row(out, "request latency p50 (ms)", v.latencyMs(0.50), p.latencyMs(0.50), "%.1f");
        row(out, "request latency p99 (ms)", v.latencyMs(0.99), p.latencyMs(0.99), "%.1f");
        row(out, "non-2xx responses or no response", v.failures(), p.failures(), "%.0f");
        row(out, "bytes on disk per sample", (double) vigil.storageBytes() / v.samples(), (double) prometheus.storageBytes() / p.samples(), "%.2f");
        row(out, "resident memory before the load (MiB)", vigil.idleRssKb() / 1024.0, prometheus.idleRssKb() / 1024.0, "%.0f");
        row(out, String.format(Locale.ROOT, "resident memory, %,d active series (MiB)", series), vigil.rssKb() / 1024.0,
                prometheus.rssKb() / 1024.0, "%.0f");
        for (RemoteWriteIngestDriver.Measured m : new RemoteWriteIngestDriver.Measured[] {vigil, prometheus}) {
            if (m.heapAfterGcKb() >= 0) {
                out.printf(Locale.ROOT, "  %s Java heap after a full GC, %,d active series: %.1f MiB%n", m.name(), series, m.heapAfterGcKb() / 1024.0);
            }
            out.printf(Locale.ROOT, "  %s on disk: %s in %s: %s%n", m.name(), Folders.human(m.storageBytes()), m.storageNote(), m.storageBreakdown());
            if (m.result().firstFailure() != null) {
                out.printf(Locale.ROOT, "  %s first error: %s%n", m.name(), m.result().firstFailure());
            }
        }
        out.println();
    }
}
