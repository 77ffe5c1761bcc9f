package dev.vigil.logging.logql;

/**
 * What a selector covers over a time range, as Loki's {@code index/stats} reports it.
 *
 * @param streams how many streams (distinct sets of stream labels) have lines
 * @param entries how many lines
 * @param bytes how many bytes the lines hold: exact for up to {@link LogqlEngine#STATS_SAMPLE} lines, else the
 *     entries times the mean size of the newest {@link LogqlEngine#STATS_SAMPLE}
 */
public record IndexStats(long streams, long entries, long bytes) {}
