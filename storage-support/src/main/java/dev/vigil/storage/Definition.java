package dev.vigil.storage;

import static java.util.Objects.requireNonNull;

import java.util.function.Consumer;

/**
 * A value that data frames refer to by id (a resource, an operation), which each segment holds a definition frame of
 * before the first data frame that uses it, so that a segment can be read once older ones are gone. A definition
 * frame's body is its type, the id (4 bytes, big-endian, not negative) and the value as the store writes it. A
 * {@link Batch} lists the definitions its frames use; the library writes those the segment lacks with the batch.
 * Immutable.
 */
public final class Definition {

    private final byte type;
    private final int id;
    private final Consumer<ByteSink> value;
    private final Runnable defined;

    private Definition(byte type, int id, Consumer<ByteSink> value, Runnable defined) {
        this.type = type;
        this.id = id;
        this.value = value;
        this.defined = defined;
    }

    /**
     * A definition.
     *
     * @param type the type of its frame: neither {@link Frames#DATA} nor {@link Frames#BLOCK}
     * @param id its id, unique among the store's definitions of this type, not negative
     * @param value writes the value after the id (read back by {@link StoreCodec#define})
     * @param defined called under the append lock once the frame is written to a segment, so that the store's
     *     dictionary learns the value again in case retention forgot it between the encoding and the write
     */
    public static Definition of(byte type, int id, Consumer<ByteSink> value, Runnable defined) {
        requireNonNull(value, "value is null");
        requireNonNull(defined, "defined is null");
        if (type == Frames.DATA || type == Frames.BLOCK) {
            throw new IllegalArgumentException("a definition frame cannot have the type " + type);
        }
        if (id < 0) {
            throw new IllegalArgumentException("a definition's id must not be negative, got " + id);
        }
        return new Definition(type, id, value, defined);
    }

    /** The type of its frame. */
    public byte type() {
        return type;
    }

    /** Its id. */
    public int id() {
        return id;
    }

    /** Appends its definition frame to {@code out}. */
    public void writeFrame(ByteSink out) {
        int start = Frames.begin(out, type);
        out.putIntBE(id);
        value.accept(out);
        Frames.end(out, start);
    }

    void defined() {
        defined.run();
    }
}
