/** The in-memory postings index: for each label name and value, the sorted ids of the series that carry it. */
@NullMarked
package dev.vigil.metrics.store.index;

import org.jspecify.annotations.NullMarked;
