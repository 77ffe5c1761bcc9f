/** The syntax tree of a PromQL expression, as the parser builds it and the engine walks it. */
@NullMarked
package dev.vigil.metrics.promql.ast;

import org.jspecify.annotations.NullMarked;
