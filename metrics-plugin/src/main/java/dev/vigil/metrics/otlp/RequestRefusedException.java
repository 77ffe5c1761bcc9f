package dev.vigil.metrics.otlp;

import static java.util.Objects.requireNonNull;

/** A request refused before any of it was written, with the HTTP status and the outcome tag to count. */
final class RequestRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final int rpcCode;
    private final String outcome;

    RequestRefusedException(int status, int rpcCode, String outcome, String message) {
        super(requireNonNull(message, "message is null"), null, false, false);
        this.status = status;
        this.rpcCode = rpcCode;
        this.outcome = requireNonNull(outcome, "outcome is null");
    }

    /** 400, malformed. */
    static RequestRefusedException badRequest(String message) {
        return new RequestRefusedException(400, RpcStatus.INVALID_ARGUMENT, "bad_request", message);
    }

    /** 413, too large once decompressed. */
    static RequestRefusedException tooLarge(String message) {
        return new RequestRefusedException(413, RpcStatus.RESOURCE_EXHAUSTED, "too_large", message);
    }

    /** 415, an unsupported content type or encoding. */
    static RequestRefusedException unsupportedMediaType(String message) {
        return new RequestRefusedException(415, RpcStatus.INVALID_ARGUMENT, "unsupported_media_type", message);
    }

    int status() {
        return status;
    }

    int rpcCode() {
        return rpcCode;
    }

    String outcome() {
        return outcome;
    }
}
