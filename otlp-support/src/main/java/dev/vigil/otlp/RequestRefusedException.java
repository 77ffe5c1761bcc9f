package dev.vigil.otlp;

import static java.util.Objects.requireNonNull;

/** A request refused before any of it was written, with the HTTP status and the outcome tag to count. */
public final class RequestRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final int rpcCode;
    private final String outcome;

    public RequestRefusedException(int status, int rpcCode, String outcome, String message) {
        super(requireNonNull(message, "message is null"), null, false, false);
        this.status = status;
        this.rpcCode = rpcCode;
        this.outcome = requireNonNull(outcome, "outcome is null");
    }

    /** 400, malformed. */
    public static RequestRefusedException badRequest(String message) {
        return new RequestRefusedException(400, RpcStatus.INVALID_ARGUMENT, "bad_request", message);
    }

    /** 413, too large once decompressed. */
    public static RequestRefusedException tooLarge(String message) {
        return new RequestRefusedException(413, RpcStatus.RESOURCE_EXHAUSTED, "too_large", message);
    }

    /** 415, an unsupported content type or encoding. */
    public static RequestRefusedException unsupportedMediaType(String message) {
        return new RequestRefusedException(415, RpcStatus.INVALID_ARGUMENT, "unsupported_media_type", message);
    }

    /** The HTTP status of the answer. */
    public int status() {
        return status;
    }

    /** The {@code google.rpc.Code} of the answer's status. */
    public int rpcCode() {
        return rpcCode;
    }

    /** The outcome to count the request under, such as {@code bad_request}. */
    public String outcome() {
        return outcome;
    }
}
