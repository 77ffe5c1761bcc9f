/** The write-ahead log of samples, the append-only log of series, and the framing and checksums they share. */
@NullMarked
package dev.vigil.metrics.store.wal;

import org.jspecify.annotations.NullMarked;
