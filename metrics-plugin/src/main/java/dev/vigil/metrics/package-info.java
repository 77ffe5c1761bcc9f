/** The metrics plugin: the platform's meter registry, metric ingest, the embedded store and remote write. */
@NullMarked
package dev.vigil.metrics;

import org.jspecify.annotations.NullMarked;
