package dev.vigil.tracing.sdk;

import dev.vigil.api.traces.SpanRecord;
import dev.vigil.tracing.SpanSink;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A sink that keeps what it is given, or refuses it while told to fail. Thread-safe. */
final class RecordingSink implements SpanSink {

    private final List<SpanRecord> spans = new ArrayList<>();
    private int batches;
    private boolean failing;

    @Override
    public synchronized void accept(List<SpanRecord> batch) {
        if (failing) {
            throw new UncheckedIOException(new java.io.IOException("disk full"));
        }
        batches++;
        spans.addAll(batch);
    }

    synchronized List<SpanRecord> spans() {
        return List.copyOf(spans);
    }

    synchronized int batches() {
        return batches;
    }

    synchronized void failing(boolean failing) {
        this.failing = failing;
    }
}
