package dev.vigil.logging.loki;

/** A request Loki would answer with 400 and {@code message} as plain text. */
final class LokiBadRequest extends RuntimeException {

    private static final long serialVersionUID = 1L;

    LokiBadRequest(String message) {
        super(message);
    }
}
