package dev.vigil.kernel.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Answers the requests Jetty refuses before they reach the dispatcher (a malformed request line, bad
 * UTF-8 in the path, shutting down) with the same JSON error body as every other error, instead of
 * Jetty's HTML page.
 */
final class JettyErrorHandler extends ErrorHandler {

    private final ObjectMapper json;

    JettyErrorHandler(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void generateResponse(
            Request request,
            Response response,
            int code,
            @Nullable String message,
            @Nullable Throwable cause,
            Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ErrorResponses.JSON);
        response.write(true, ByteBuffer.wrap(ErrorResponses.body(json, reason(code, message))), callback);
    }

    /** Jetty's own reason for client errors; only the status phrase for server errors, which may carry internals. */
    private static String reason(int code, @Nullable String message) {
        String reason = code >= 500 || message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
        return reason.isEmpty() ? reason : reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
    }
}
