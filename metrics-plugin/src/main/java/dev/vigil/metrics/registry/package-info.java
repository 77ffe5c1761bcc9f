/**
 * The platform's meter registry: one Prometheus registry shared by every plugin, seen by each consumer
 * through a registry of its own that remembers what the consumer registered, so its meters leave with it.
 */
@NullMarked
package dev.vigil.metrics.registry;

import org.jspecify.annotations.NullMarked;
