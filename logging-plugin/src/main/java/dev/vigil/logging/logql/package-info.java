/**
 * LogQL, Loki's query language, over any {@link dev.vigil.api.logs.LogQuery}: a lexer and a recursive-descent parser
 * that answer malformed queries in Loki's words, the syntax tree, and an engine that runs log queries (stream
 * selectors, line filters, {@code json} and {@code logfmt} parsers, label filters) and metric queries
 * ({@code count_over_time}, {@code rate}, {@code bytes_over_time}, {@code bytes_rate} under {@code sum}, {@code avg},
 * {@code topk} and the other aggregations) at an instant or over a range of steps.
 *
 * <p>A record's labels follow Loki's OTLP mapping ({@link dev.vigil.logging.logql.OtlpLabels}): a few resource
 * attributes are stream labels, everything else is structured metadata. What the store can filter itself (stream
 * labels, line filters, time, trace id) is pushed down into the {@link dev.vigil.api.logs.LogFilter}; the rest runs
 * in the pipeline. {@link dev.vigil.logging.logql.LogqlParser} and {@link dev.vigil.logging.logql.LogqlEngine} are
 * the entry points.
 */
@NullMarked
package dev.vigil.logging.logql;

import org.jspecify.annotations.NullMarked;
