package dev.vigil.metrics.promql.conformance;

/** A test script that does not follow the format; the message names the file and line. */
final class ScriptFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ScriptFormatException(String file, int line, String reason) {
        super(file + ":" + line + ": " + reason);
    }
}
