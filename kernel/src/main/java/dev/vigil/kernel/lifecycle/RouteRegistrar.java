package dev.vigil.kernel.lifecycle;

import dev.vigil.api.Registration;
import dev.vigil.api.http.HttpHandler;
import dev.vigil.api.http.HttpMethod;
import dev.vigil.api.http.RouteAccess;

/** Where plugin routes go: the kernel's route table. */
@FunctionalInterface
public interface RouteRegistrar {

    /** Adds a route owned by {@code owner}, whose handler runs with {@code contextLoader} as context class loader. */
    Registration add(String owner, ClassLoader contextLoader, HttpMethod method, String path, RouteAccess access, HttpHandler handler);
}
