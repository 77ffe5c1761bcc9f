package dev.vigil.alerting.outbox.storage;

import java.io.IOException;

/** A record whose frame was intact but whose body does not parse: written by another format, or a bug. */
public final class MalformedRecordException extends IOException {

    private static final long serialVersionUID = 1L;

    /** With a reason. */
    public MalformedRecordException(String message) {
        super(message);
    }

    /** With a reason and what caused it. */
    public MalformedRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
