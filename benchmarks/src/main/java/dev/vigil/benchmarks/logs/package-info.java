/**
 * The logging benchmarks, each against a baseline measured in the same run: events per second through the platform's
 * log pipeline against plain Logback with the same JSON encoder ({@link dev.vigil.benchmarks.logs.LoggingThroughputBenchmark}),
 * and searches in the log store against {@code grep -c} over the same records as a JSON file
 * ({@link dev.vigil.benchmarks.logs.LogSearchDriver}).
 */
@NullMarked
package dev.vigil.benchmarks.logs;

import org.jspecify.annotations.NullMarked;
