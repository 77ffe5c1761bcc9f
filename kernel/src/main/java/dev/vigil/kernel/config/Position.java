package dev.vigil.kernel.config;

import com.fasterxml.jackson.core.JsonLocation;

/** A 1-based line and column in a configuration file; {@link #UNKNOWN} when there is none. */
record Position(int line, int column) {

    static final Position UNKNOWN = new Position(0, 0);

    Position {
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must not be negative, got " + line + ":" + column);
        }
    }

    static Position of(JsonLocation location) {
        return new Position(Math.max(location.getLineNr(), 0), Math.max(location.getColumnNr(), 0));
    }

    boolean isKnown() {
        return line > 0;
    }
}
