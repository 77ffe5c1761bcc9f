/**
 * The embedded log store: append-only segment files of LZ4-compressed frames, grouped into blocks whose small index
 * (time range, counts by severity, resources, a Bloom filter of body n-grams and exact values) lets searches skip
 * what cannot match, behind {@link dev.vigil.api.logs.LogQuery} and {@link dev.vigil.logging.LogSink}.
 */
@NullMarked
package dev.vigil.logging.store;

import org.jspecify.annotations.NullMarked;
