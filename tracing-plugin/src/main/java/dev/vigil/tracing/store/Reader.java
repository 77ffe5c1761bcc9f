package dev.vigil.tracing.store;

import dev.vigil.storage.FrameReader;

/**
 * Reads what one query needs from trace segments: index parts, words and data frames as {@link FrameSpans}, with
 * buffers reused from one read to the next. One per query; not thread-safe.
 */
final class Reader extends FrameReader<FrameInfo, FrameSpans> {

    Reader() {
        super(Format.SEGMENTS, new FrameSpans());
    }
}
