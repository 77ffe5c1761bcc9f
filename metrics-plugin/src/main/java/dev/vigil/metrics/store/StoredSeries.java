package dev.vigil.metrics.store;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.SampleCursor;
import dev.vigil.api.metrics.Series;
import dev.vigil.metrics.store.chunk.Chunk;
import dev.vigil.metrics.store.chunk.ChunkCursor;
import java.util.List;

/** A series found by a query: its labels and its chunks (from blocks and the head) as of the query. */
record StoredSeries(Labels labels, List<Chunk> chunks, long minTime, long maxTime) implements Series {

    @Override
    public SampleCursor cursor() {
        return new ChunkCursor(chunks, minTime, maxTime);
    }
}
