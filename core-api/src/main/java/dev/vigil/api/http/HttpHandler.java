package dev.vigil.api.http;

/**
 * Handles one request on a route. Runs on a server thread with the plugin's class loader as the context
 * class loader. An {@link HttpStatusException} becomes a response with its status and message; any other
 * exception becomes a 500 and is logged.
 */
@FunctionalInterface
public interface HttpHandler {

    /** Answers the request through {@code exchange}. */
    void handle(HttpExchange exchange) throws Exception;
}
