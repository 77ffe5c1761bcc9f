package dev.vigil.metrics.store.block;

/**
 * What a block covers.
 *
 * @param rangeStart the first timestamp of its range, a multiple of the block duration
 * @param rangeEnd the end of its range, excluded
 * @param minTime the oldest sample it holds
 * @param maxTime the newest sample it holds
 * @param series how many series it holds
 * @param samples how many samples it holds
 */
public record BlockMeta(long rangeStart, long rangeEnd, long minTime, long maxTime, int series, long samples) {}
