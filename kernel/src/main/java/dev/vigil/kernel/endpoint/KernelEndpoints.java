package dev.vigil.kernel.endpoint;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.health.Health;
import dev.vigil.api.health.HealthStatus;
import dev.vigil.api.http.HttpExchange;
import dev.vigil.api.http.HttpMethod;
import dev.vigil.api.http.HttpRoutes;
import dev.vigil.api.http.HttpStatusException;
import dev.vigil.api.http.RouteAccess;
import dev.vigil.api.plugin.PluginState;
import dev.vigil.kernel.health.KernelHealthRegistry;
import dev.vigil.kernel.lifecycle.PluginManager;
import dev.vigil.kernel.lifecycle.PluginStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The kernel's endpoints:
 * <ul>
 *   <li>{@code GET /health/live}: 200 while the process serves requests;</li>
 *   <li>{@code GET /health/ready}: 200 once the first deployment is done and no health indicator is DOWN,
 *       503 otherwise, with every component in the body. A plugin that failed does not make the platform
 *       unready: the platform keeps serving without it, and the plugin list shows why;</li>
 *   <li>{@code GET /api/v1/plugins} and {@code GET /api/v1/plugins/{id}};</li>
 *   <li>{@code POST /api/v1/plugins/{id}/stop|start|reload}, with the admin token.</li>
 * </ul>
 */
public final class KernelEndpoints {

    private final PluginManager plugins;
    private final KernelHealthRegistry health;
    private final BooleanSupplier started;

    public KernelEndpoints(PluginManager plugins, KernelHealthRegistry health, BooleanSupplier started) {
        this.plugins = requireNonNull(plugins, "plugins is null");
        this.health = requireNonNull(health, "health is null");
        this.started = requireNonNull(started, "started is null");
    }

    /** Adds the endpoints to {@code routes}. */
    public void register(HttpRoutes routes) {
        routes.get("/health/live", exchange -> exchange.json(200, Map.of("status", "UP")));
        routes.get("/health/ready", this::ready);
        routes.get("/api/v1/plugins", exchange -> exchange.json(200, Map.of("plugins", plugins.statuses())));
        routes.get("/api/v1/plugins/{id}", exchange -> exchange.json(200, plugins.status(exchange.pathParam("id"))
                .orElseThrow(() -> HttpStatusException.notFound("no plugin '" + exchange.pathParam("id") + "' is installed"))));
        routes.add(HttpMethod.POST, "/api/v1/plugins/{id}/stop", RouteAccess.ADMIN, exchange -> admin(exchange, plugins::stop));
        routes.add(HttpMethod.POST, "/api/v1/plugins/{id}/start", RouteAccess.ADMIN, exchange -> admin(exchange, plugins::start));
        routes.add(HttpMethod.POST, "/api/v1/plugins/{id}/reload", RouteAccess.ADMIN, exchange -> admin(exchange, plugins::reload));
    }

    private static void admin(HttpExchange exchange, Function<String, PluginStatus> action) {
        String id = exchange.pathParam("id");
        try {
            exchange.json(200, action.apply(id));
        } catch (NoSuchElementException e) {
            throw HttpStatusException.notFound(e.getMessage());
        }
    }

    private void ready(HttpExchange exchange) {
        Map<String, Object> components = new LinkedHashMap<>();
        boolean up = started.getAsBoolean();
        components.put("kernel", Map.of("status", up ? "UP" : "DOWN", "details", up ? Map.of() : Map.of("reason", "starting")));
        for (Map.Entry<String, Health> e : health.checkAll().entrySet()) {
            components.put(e.getKey(), Map.of("status", e.getValue().status(), "details", e.getValue().details()));
            if (e.getValue().status() == HealthStatus.DOWN) {
                up = false;
            }
        }
        Map<PluginState, Integer> counts = new TreeMap<>();
        List<PluginStatus> statuses = plugins.statuses();
        statuses.forEach(s -> counts.merge(s.state(), 1, Integer::sum));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("components", components);
        body.put("plugins", counts);
        exchange.json(up ? 200 : 503, body);
    }
}
