package dev.vigil.api.http;

/** The HTTP methods a route can answer. */
public enum HttpMethod {
    GET,
    HEAD,
    POST,
    PUT,
    PATCH,
    DELETE,
    OPTIONS;

    /** Whether a request with this method may change state, and so needs the admin token by default. */
    public boolean isMutating() {
        return this == POST || this == PUT || this == PATCH || this == DELETE;
    }
}
