package dev.vigil.kernel.http;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.Registration;
import dev.vigil.api.http.HttpHandler;
import dev.vigil.api.http.HttpMethod;
import dev.vigil.api.http.RouteAccess;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes the HTTP server serves, added and removed while it runs.
 *
 * <p>Paths are literal segments and {@code {name}} parameters ({@code /api/v1/plugins/{id}/stop}); a
 * literal segment wins over a parameter at the same position, and a trailing slash is ignored. One method
 * and path shape has at most one route: {@code /items/{id}} and {@code /items/{key}} are the same shape.
 *
 * <p>Thread-safe. Changes are serialized; lookups read an immutable snapshot and never block.
 */
public final class RouteTable {

    private static final Logger LOG = LoggerFactory.getLogger(RouteTable.class);

    private final Object lock = new Object();
    private final Map<RouteKey, Route> routes = new HashMap<>();
    private volatile RouteTree tree = RouteTree.EMPTY;

    RouteTable() {
    }

    private record RouteKey(HttpMethod method, String shape) {
    }

    /**
     * Adds a route.
     *
     * @param owner the plugin id, or {@code kernel}; named in logs and errors
     * @param contextLoader the thread context class loader while {@code handler} runs
     * @param method the HTTP method
     * @param path the path template
     * @param access who may call the route
     * @param handler what answers the requests
     * @return a registration whose {@link Registration#close()} removes the route; once removed, nothing
     *     in this table refers to {@code handler} or {@code contextLoader}
     * @throws IllegalArgumentException if {@code path} is not a valid template
     * @throws IllegalStateException if another route already serves {@code method} on the same path shape
     */
    public Registration add(
            String owner,
            ClassLoader contextLoader,
            HttpMethod method,
            String path,
            RouteAccess access,
            HttpHandler handler) {
        requireNonNull(owner, "owner is null");
        if (owner.isBlank()) {
            throw new IllegalArgumentException("owner is blank");
        }
        requireNonNull(path, "path is null");
        Route route = new Route(owner, contextLoader, method, PathTemplate.parse(path), access, handler);
        RouteKey key = new RouteKey(method, route.template().shape());
        synchronized (lock) {
            Route existing = routes.get(key);
            if (existing != null) {
                throw new IllegalStateException("cannot add route " + method + " " + route.template() + " for "
                        + owner + ": " + existing.owner() + " already serves " + method + " "
                        + existing.template());
            }
            routes.put(key, route);
            tree = RouteTree.of(routes.values());
        }
        LOG.debug("Added route {}", route);
        return new RouteRegistration(this, key, route);
    }

    /** The routes served now, sorted by path and then method. */
    public List<RouteInfo> list() {
        synchronized (lock) {
            return routes.values().stream()
                    .map(Route::info)
                    .sorted(Comparator.comparing(RouteInfo::path).thenComparing(RouteInfo::method))
                    .toList();
        }
    }

    RouteMatch match(@Nullable HttpMethod method, List<String> segments) {
        return tree.match(method, segments);
    }

    private void remove(RouteKey key, Route route) {
        synchronized (lock) {
            if (!routes.remove(key, route)) {
                return;
            }
            tree = RouteTree.of(routes.values());
        }
        LOG.debug("Removed route {}", route);
    }

    /** Forgets its route on close, so a handle kept by the kernel does not keep a plugin's classes alive. */
    private static final class RouteRegistration implements Registration {

        private final RouteTable table;
        private final RouteKey key;
        private final AtomicReference<@Nullable Route> route;

        RouteRegistration(RouteTable table, RouteKey key, Route route) {
            this.table = table;
            this.key = key;
            this.route = new AtomicReference<>(route);
        }

        @Override
        public void close() {
            Route removed = route.getAndSet(null);
            if (removed != null) {
                table.remove(key, removed);
            }
        }

        @Override
        public String toString() {
            Route current = route.get();
            return current == null ? "removed route " + key.method() + " " + key.shape() : "route " + current;
        }
    }
}
