package dev.vigil.alerting.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.api.http.HttpExchange;

/** Errors of the Prometheus-shaped endpoints, as Prometheus writes them: {@code status}, {@code errorType}, {@code error}. */
final class PromErrors {

    private PromErrors() {}

    /** 400 {@code bad_data} with {@code message}. */
    static void badData(HttpExchange exchange, String message) {
        ObjectNode body = Json.object();
        body.put("status", "error");
        body.put("errorType", "bad_data");
        body.put("error", message);
        exchange.json(400, body);
    }
}
