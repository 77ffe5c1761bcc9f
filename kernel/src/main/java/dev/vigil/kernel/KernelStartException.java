package dev.vigil.kernel;

/** The kernel could not start; the message says why in words an operator can act on. */
public final class KernelStartException extends Exception {

    private static final long serialVersionUID = 1L;

    public KernelStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
