package dev.vigil.kernel.http;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.http.HttpMethod;
import dev.vigil.api.http.RouteAccess;

/**
 * A route currently served, as listed by {@link RouteTable#list()}.
 *
 * @param owner the plugin id that added the route, or {@code kernel}
 * @param method the HTTP method
 * @param path the path template, such as {@code /api/v1/plugins/{id}}
 * @param access who may call it
 */
public record RouteInfo(String owner, HttpMethod method, String path, RouteAccess access) {

    public RouteInfo {
        requireNonNull(owner, "owner is null");
        requireNonNull(method, "method is null");
        requireNonNull(path, "path is null");
        requireNonNull(access, "access is null");
    }
}
