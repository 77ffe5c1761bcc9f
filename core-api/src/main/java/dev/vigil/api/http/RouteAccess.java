package dev.vigil.api.http;

/** Who may call a route. */
public enum RouteAccess {
    /** Anyone who can reach the server. */
    PUBLIC,
    /** Only requests that carry the admin token as {@code Authorization: Bearer <token>}; others get 401. */
    ADMIN;

    /** The default for a method: {@link #ADMIN} for methods that change state, {@link #PUBLIC} otherwise. */
    public static RouteAccess defaultFor(HttpMethod method) {
        return method.isMutating() ? ADMIN : PUBLIC;
    }
}
