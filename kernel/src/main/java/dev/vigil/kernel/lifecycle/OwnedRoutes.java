package dev.vigil.kernel.lifecycle;

import dev.vigil.api.Registration;
import dev.vigil.api.http.HttpHandler;
import dev.vigil.api.http.HttpMethod;
import dev.vigil.api.http.HttpRoutes;
import dev.vigil.api.http.RouteAccess;
import dev.vigil.kernel.owner.Owner;

/** One owner's routes: added to the kernel's table, removed when the owner stops. */
final class OwnedRoutes implements HttpRoutes {

    private final RouteRegistrar registrar;
    private final Owner owner;

    OwnedRoutes(RouteRegistrar registrar, Owner owner) {
        this.registrar = registrar;
        this.owner = owner;
    }

    @Override
    public Registration add(HttpMethod method, String path, RouteAccess access, HttpHandler handler) {
        if (owner.isClosed()) {
            throw new IllegalStateException("plugin '" + owner.id() + "' is not running; it cannot add routes");
        }
        return owner.track(registrar.add(owner.id(), owner.loader(), method, path, access, handler));
    }
}
