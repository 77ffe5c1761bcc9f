/** Immutable blocks of chunks on disk, one per time range, written atomically and read through memory maps. */
@NullMarked
package dev.vigil.metrics.store.block;

import org.jspecify.annotations.NullMarked;
