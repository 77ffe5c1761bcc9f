package dev.vigil.tracing.sdk;

import static java.util.Objects.requireNonNull;

import dev.vigil.tracing.SpanSink;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the platform's own spans, as {@link dev.vigil.api.traces.SpanRecord}s, to a {@link SpanSink} (the trace
 * store), so they can be searched like any other service's. A sink that fails makes the export fail; the failure is
 * logged when it starts and when it ends, not for every batch. Thread-safe.
 */
final class StoreSpanExporter implements SpanExporter {

    private static final Logger LOG = LoggerFactory.getLogger(StoreSpanExporter.class);

    private final SpanSink sink;
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicBoolean shutDown = new AtomicBoolean();

    StoreSpanExporter(SpanSink sink) {
        this.sink = requireNonNull(sink, "sink is null");
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        if (shutDown.get()) {
            return CompletableResultCode.ofFailure();
        }
        try {
            sink.accept(SpanConverter.convert(spans));
        } catch (RuntimeException e) {
            // the sink is the store: an I/O failure, a full disk, or a span it refuses; none may reach the traced code
            if (failing.compareAndSet(false, true)) {
                LOG.warn("The platform's spans cannot be stored, they are dropped until the store takes them again", e);
            }
            return CompletableResultCode.ofExceptionalFailure(e);
        }
        if (failing.compareAndSet(true, false)) {
            LOG.info("The platform's spans are stored again");
        }
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        shutDown.set(true);
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public String toString() {
        return "StoreSpanExporter";
    }
}
