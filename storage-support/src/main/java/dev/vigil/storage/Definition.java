package dev.vigil.storage;

/**
 * A value that data frames refer to by id (a resource, an operation), which each segment holds a definition frame of
 * before the first data frame that uses it, so that a segment can be read once older ones are gone. A {@link Batch}
 * lists the definitions its frames use; the library writes those the segment lacks with the batch.
 */
public interface Definition {

    /** The type of its definition frame: neither {@link Frames#DATA} nor {@link Frames#BLOCK}. */
    byte type();

    /** Its id, unique among the store's definitions of this type. */
    int id();

    /** Appends its definition frame to {@code out}, with {@link Frames#begin} and {@link Frames#end}. */
    void writeFrame(ByteSink out);

    /**
     * Called once its frame is written to a segment, under the append lock: the store's dictionary learns the value
     * again, in case retention forgot it between the encoding and the write.
     */
    void defined();
}
