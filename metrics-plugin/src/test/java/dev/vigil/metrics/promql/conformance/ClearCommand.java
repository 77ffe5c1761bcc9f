package dev.vigil.metrics.promql.conformance;

/**
 * {@code clear}: drops every loaded sample.
 *
 * @param line where it is, from 1
 */
record ClearCommand(int line) implements ScriptCommand {}
