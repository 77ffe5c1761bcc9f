package dev.vigil.kernel.http;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.http.HttpHandler;
import dev.vigil.api.http.HttpMethod;
import dev.vigil.api.http.RouteAccess;

/** One registered route and what it needs to run: its owner, its class loader and its handler. */
record Route(
        String owner,
        ClassLoader contextLoader,
        HttpMethod method,
        PathTemplate template,
        RouteAccess access,
        HttpHandler handler) {

    Route {
        requireNonNull(owner, "owner is null");
        requireNonNull(contextLoader, "contextLoader is null");
        requireNonNull(method, "method is null");
        requireNonNull(template, "template is null");
        requireNonNull(access, "access is null");
        requireNonNull(handler, "handler is null");
    }

    RouteInfo info() {
        return new RouteInfo(owner, method, template.text(), access);
    }

    @Override
    public String toString() {
        return method + " " + template + " (" + owner + ")";
    }
}
