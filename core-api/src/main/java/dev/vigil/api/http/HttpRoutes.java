package dev.vigil.api.http;

import dev.vigil.api.Registration;

/**
 * Routes on the platform's API server (by default {@code http://127.0.0.1:9400}). Routes can be added and
 * removed at any time; those a plugin added are removed when it stops.
 *
 * <p>Paths are literal segments and {@code {name}} parameters, such as {@code /api/v1/items/{id}}. A
 * literal segment wins over a parameter at the same position. Adding a route that another registration
 * already serves fails with {@link IllegalStateException}. Thread-safe.
 */
public interface HttpRoutes {

    /** Adds a route with an explicit access rule. */
    Registration add(HttpMethod method, String path, RouteAccess access, HttpHandler handler);

    /** Adds a route with the method's {@linkplain RouteAccess#defaultFor default access}. */
    default Registration add(HttpMethod method, String path, HttpHandler handler) {
        return add(method, path, RouteAccess.defaultFor(method), handler);
    }

    /** Adds a public {@code GET} route. */
    default Registration get(String path, HttpHandler handler) {
        return add(HttpMethod.GET, path, handler);
    }

    /** Adds a {@code POST} route that needs the admin token. */
    default Registration post(String path, HttpHandler handler) {
        return add(HttpMethod.POST, path, handler);
    }

    /** Adds a {@code PUT} route that needs the admin token. */
    default Registration put(String path, HttpHandler handler) {
        return add(HttpMethod.PUT, path, handler);
    }

    /** Adds a {@code DELETE} route that needs the admin token. */
    default Registration delete(String path, HttpHandler handler) {
        return add(HttpMethod.DELETE, path, handler);
    }
}
