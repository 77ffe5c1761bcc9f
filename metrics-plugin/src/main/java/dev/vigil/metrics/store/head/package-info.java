/** The head: the series the store knows and their newest samples, in memory. */
@NullMarked
package dev.vigil.metrics.store.head;

import org.jspecify.annotations.NullMarked;
