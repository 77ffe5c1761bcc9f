package dev.vigil.alerting.rules.unittest;

import static java.util.Objects.requireNonNull;

/** A series or value description that does not parse; the message says where, such as {@code 1:12: …}. */
public final class NotationException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A problem described by {@code message}. */
    public NotationException(String message) {
        super(requireNonNull(message, "message is null"), null, false, false);
    }
}
