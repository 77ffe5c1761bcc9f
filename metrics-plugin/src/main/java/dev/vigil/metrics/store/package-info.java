/** The embedded time-series store: a write-ahead log, an in-memory head of compressed chunks and immutable blocks on disk, behind the metric store SPI. */
@NullMarked
package dev.vigil.metrics.store;

import org.jspecify.annotations.NullMarked;
