/** PromQL engine. */
@NullMarked
package dev.vigil.metrics.promql.engine;

import org.jspecify.annotations.NullMarked;
