package dev.vigil.logging.store;

import dev.vigil.storage.FrameReader;

/**
 * Reads what one search needs from log segments: frame tables, filter words and data frames as {@link FrameData},
 * with buffers reused from one read to the next. One per search; not thread-safe.
 */
final class Reader extends FrameReader<FrameInfo, FrameData> {

    Reader() {
        super(Format.SEGMENTS, new FrameData());
    }
}
