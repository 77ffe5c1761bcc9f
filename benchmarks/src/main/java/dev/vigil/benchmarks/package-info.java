/** Benchmarks: each figure is a ratio against a baseline measured in the same run. */
@NullMarked
package dev.vigil.benchmarks;

import org.jspecify.annotations.NullMarked;
