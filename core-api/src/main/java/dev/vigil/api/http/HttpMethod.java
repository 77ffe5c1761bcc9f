package dev.vigil.api.http;

/** The HTTP methods a route can answer. */
public enum HttpMethod {
    /** Reads a resource. */
    GET,
    /** Like GET, without a body in the response. */
    HEAD,
    /** Creates or acts. */
    POST,
    /** Replaces a resource. */
    PUT,
    /** Changes part of a resource. */
    PATCH,
    /** Removes a resource. */
    DELETE,
    /** Asks which methods a path allows. */
    OPTIONS;

    /** Whether a request with this method may change state, and so needs the admin token by default. */
    public boolean isMutating() {
        return this == POST || this == PUT || this == PATCH || this == DELETE;
    }
}
