package dev.vigil.storage;

import java.io.IOException;
import java.nio.file.Path;

/** A frame on disk that fails its checksum or cannot be decoded; the message names the file and the offset. */
public final class DamagedFrameException extends IOException {

    /** The segment file, as text so that the exception stays serializable. */
    private final String file;
    /** Where the frame starts in it. */
    private final long offset;

    /**
     * An exception for the frame at {@code offset} of {@code file}.
     *
     * @param file the segment file
     * @param offset where the frame starts in it
     * @param why what is wrong with it
     */
    public DamagedFrameException(Path file, long offset, String why) {
        super("the frame at offset " + offset + " of " + file + " is damaged (" + why + ")");
        this.file = file.toString();
        this.offset = offset;
    }

    /** The segment file. */
    public Path file() {
        return Path.of(file);
    }

    /** Where the frame starts in it. */
    public long offset() {
        return offset;
    }
}
