package dev.vigil.logging.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.api.http.HttpExchange;
import dev.vigil.api.http.HttpMethod;
import dev.vigil.api.http.HttpRoutes;
import dev.vigil.api.http.HttpStatusException;
import dev.vigil.api.http.RouteAccess;
import dev.vigil.logging.logback.LogbackOutputs;
import dev.vigil.logging.logback.LoggerLevel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform's logger levels at run time:
 * <ul>
 *   <li>{@code GET /api/v1/logging/levels}: every logger with its configured and effective level;
 *   <li>{@code PUT /api/v1/logging/levels/{logger}} with {@code {"level": "debug"}} (admin token): sets the level of
 *       a logger ({@code ROOT} for the root logger) until it is cleared with {@code {"level": null}} or the plugin
 *       stops; the configuration's levels apply again then.
 * </ul>
 */
public final class LevelsApi {

    private final LogbackOutputs outputs;

    /** The API over the platform's outputs. */
    public LevelsApi(LogbackOutputs outputs) {
        this.outputs = requireNonNull(outputs, "outputs is null");
    }

    /** Adds the routes. */
    public void register(HttpRoutes routes) {
        routes.get("/api/v1/logging/levels", this::list);
        routes.add(HttpMethod.PUT, "/api/v1/logging/levels/{logger}", RouteAccess.ADMIN, this::set);
    }

    private void list(HttpExchange exchange) {
        List<Map<String, Object>> loggers = outputs.levels().stream().map(LevelsApi::json).toList();
        exchange.json(200, Map.of("status", "success", "data", Map.of("loggers", loggers)));
    }

    private void set(HttpExchange exchange) {
        String logger = exchange.pathParam("logger");
        JsonNode body = exchange.bodyAs(JsonNode.class);
        JsonNode level = body.get("level");
        if (!body.isObject() || level == null || !(level.isNull() || level.isTextual())) {
            throw HttpStatusException.badRequest("expected {\"level\": \"<trace|debug|info|warn|error|off>\"} or {\"level\": null}");
        }
        try {
            outputs.setLevel(logger, level.isNull() ? null : level.asText());
        } catch (IllegalArgumentException e) {
            throw HttpStatusException.badRequest(e.getMessage());
        }
        LoggerLevel now = outputs.levels().stream().filter(l -> l.logger().equals(logger)).findFirst()
                .orElseThrow(() -> new IllegalStateException("logger " + logger + " is not listed after its level was set"));
        exchange.json(200, Map.of("status", "success", "data", json(now)));
    }

    private static Map<String, Object> json(LoggerLevel level) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("logger", level.logger());
        out.put("level", level.level());
        out.put("effectiveLevel", level.effectiveLevel());
        out.put("overridden", level.overridden());
        return out;
    }
}
