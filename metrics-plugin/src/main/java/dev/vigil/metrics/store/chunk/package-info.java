/** Compressed chunks of samples: delta-of-delta timestamps and XOR-encoded values, and cursors over them. */
@NullMarked
package dev.vigil.metrics.store.chunk;

import org.jspecify.annotations.NullMarked;
