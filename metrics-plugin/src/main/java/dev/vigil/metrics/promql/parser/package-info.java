/** PromQL parser. */
@NullMarked
package dev.vigil.metrics.promql.parser;

import org.jspecify.annotations.NullMarked;
