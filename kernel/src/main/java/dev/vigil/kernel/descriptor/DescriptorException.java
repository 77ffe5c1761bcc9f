package dev.vigil.kernel.descriptor;

/** A JAR that cannot be a plugin, with a one-line reason that names what is wrong. */
public final class DescriptorException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A refusal with its reason. */
    public DescriptorException(String reason) {
        super(reason);
    }

    /** A refusal with its reason and the error behind it. */
    public DescriptorException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
