package dev.vigil.metrics.promql.conformance;

/** One command of a test script: {@code load}, {@code clear} or {@code eval}. */
sealed interface ScriptCommand permits LoadCommand, ClearCommand, EvalCommand {

    /** The line the command starts on, from 1. */
    int line();
}
