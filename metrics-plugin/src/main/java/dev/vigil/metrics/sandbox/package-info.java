/**
 * Metric sandboxes: an empty store of their own with a PromQL engine over it, for tools such as rule unit tests.
 * {@link dev.vigil.metrics.sandbox.TsdbSandboxes} is the entry point.
 */
@NullMarked
package dev.vigil.metrics.sandbox;

import org.jspecify.annotations.NullMarked;
