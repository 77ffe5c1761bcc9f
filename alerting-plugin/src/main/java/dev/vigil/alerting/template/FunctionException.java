package dev.vigil.alerting.template;

/**
 * A template function that failed, as a Go function returns an error; the message follows
 * {@code error calling <function>:} in the template's error.
 */
final class FunctionException extends Exception {

    private static final long serialVersionUID = 1L;

    FunctionException(String message) {
        super(message, null, false, false);
    }
}
