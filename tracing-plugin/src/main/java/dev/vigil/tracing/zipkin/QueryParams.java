package dev.vigil.tracing.zipkin;

import dev.vigil.api.http.HttpExchange;
import java.util.Optional;

/**
 * Reads the query parameters of Zipkin's API as Zipkin's server does: an absent parameter takes its default, one that
 * is required and absent or not a number is a bad request ({@link IllegalArgumentException}, answered 400 with the
 * message). Stateless.
 */
final class QueryParams {

    private QueryParams() {}

    /** A required text parameter; an empty value is given as it is. */
    static String required(HttpExchange exchange, String name) {
        return exchange.queryParam(name).orElseThrow(() -> new IllegalArgumentException("Mandatory parameter is missing: " + name));
    }

    /** An optional text parameter, absent when empty. */
    static Optional<String> text(HttpExchange exchange, String name) {
        return exchange.queryParam(name).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** An optional whole-number parameter, absent when empty. */
    static Optional<Long> number(HttpExchange exchange, String name) {
        return text(exchange, name).map(v -> parse(name, v));
    }

    /** A required whole-number parameter. */
    static long requiredNumber(HttpExchange exchange, String name) {
        return parse(name, text(exchange, name).orElseThrow(() -> new IllegalArgumentException("Mandatory parameter is missing: " + name)));
    }

    private static long parse(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
        }
    }
}
