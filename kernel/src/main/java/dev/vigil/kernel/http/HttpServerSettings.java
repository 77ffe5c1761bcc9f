package dev.vigil.kernel.http;

import static java.util.Objects.requireNonNull;

/**
 * How the kernel's HTTP server listens and how much it accepts.
 *
 * @param bind the address to listen on, such as {@code 127.0.0.1}
 * @param port the TCP port, or {@code 0} for any free port
 * @param maxRequestBytes the largest request body accepted; larger ones get 413
 * @param maxConcurrentRequests how many route handlers may run at once; requests beyond that get 503
 */
public record HttpServerSettings(String bind, int port, long maxRequestBytes, int maxConcurrentRequests) {

    /** Checks the values. */
    public HttpServerSettings {
        requireNonNull(bind, "bind is null");
        if (bind.isBlank()) {
            throw new IllegalArgumentException("bind is blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        }
        if (maxRequestBytes < 1) {
            throw new IllegalArgumentException("maxRequestBytes must be positive: " + maxRequestBytes);
        }
        if (maxConcurrentRequests < 1) {
            throw new IllegalArgumentException("maxConcurrentRequests must be positive: " + maxConcurrentRequests);
        }
    }
}
