package dev.vigil.api.http;

/**
 * Thrown by a handler to answer with an error status and a reason, such as 400 for malformed input. The
 * kernel writes it as {@code {"status":"error","error":"<reason>"}}.
 */
public class HttpStatusException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param status an error status, 400 to 599
     * @param reason a short reason for the client, without internal details
     */
    public HttpStatusException(int status, String reason) {
        super(reason);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be an error status (4xx or 5xx): " + status);
        }
        this.status = status;
    }

    /** The HTTP status to answer with. */
    public int status() {
        return status;
    }

    /** 400 with a reason. */
    public static HttpStatusException badRequest(String reason) {
        return new HttpStatusException(400, reason);
    }

    /** 404 with a reason. */
    public static HttpStatusException notFound(String reason) {
        return new HttpStatusException(404, reason);
    }
}
