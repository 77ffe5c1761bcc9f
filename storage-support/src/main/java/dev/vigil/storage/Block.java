package dev.vigil.storage;

/**
 * What the library needs to know of a block, the index of a run of data frames in one segment: the time range and
 * count of the items in its frames, which make up the segment's. A store's own block type implements it, for sealed
 * blocks (read from their block frame) and for snapshots of the block being written alike. Implementations are
 * immutable, or at least these three values are.
 */
public interface Block {

    /** The earliest time of its items. */
    long minTime();

    /** The latest time of its items. */
    long maxTime();

    /** How many items its frames hold. */
    long count();
}
