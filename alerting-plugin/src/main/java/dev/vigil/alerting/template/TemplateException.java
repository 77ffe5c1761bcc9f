package dev.vigil.alerting.template;

import static java.util.Objects.requireNonNull;

/** A template that does not parse, or that failed while it ran; the message says where and why. */
public final class TemplateException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}, such as {@code template: summary:1: function "humanise" not defined}. */
    public TemplateException(String message) {
        super(requireNonNull(message, "message is null"));
    }
}
