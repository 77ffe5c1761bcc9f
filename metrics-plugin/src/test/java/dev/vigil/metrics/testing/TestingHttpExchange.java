package dev.vigil.metrics.testing;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.api.http.HttpExchange;
import dev.vigil.api.http.HttpMethod;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An {@link HttpExchange} for handler tests: a request built by the test, and the one response the handler
 * gave it. Header names are case-insensitive, as on a real server; a handler that answers twice fails.
 */
public final class TestingHttpExchange implements HttpExchange {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpMethod method;
    private final String path;
    private final byte[] body;
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, List<String>> queryParams = new LinkedHashMap<>();
    private boolean answered;
    private int status;
    private String contentType = "";
    private byte[] response = new byte[0];

    /**
     * A request without headers or query parameters.
     *
     * @param method the request method
     * @param path the request path, without a query string
     * @param body the request body; copied
     */
    public TestingHttpExchange(HttpMethod method, String path, byte[] body) {
        this.method = requireNonNull(method, "method is null");
        this.path = requireNonNull(path, "path is null");
        this.body = requireNonNull(body, "body is null").clone();
    }

    /**
     * A {@code POST} to {@code path} with {@code body}, without headers or query parameters.
     *
     * @param path the request path, without a query string
     * @param body the request body; copied
     * @return the exchange
     */
    public static TestingHttpExchange post(String path, byte[] body) {
        return new TestingHttpExchange(HttpMethod.POST, path, body);
    }

    /**
     * Sets a request header, replacing any value it had under the same name in any case.
     *
     * @param name the header name
     * @param value the header value
     * @return this exchange
     */
    public TestingHttpExchange header(String name, String value) {
        headers.put(requireNonNull(name, "name is null"), requireNonNull(value, "value is null"));
        return this;
    }

    /**
     * Removes a request header, whatever the case of its name.
     *
     * @param name the header name
     * @return this exchange
     */
    public TestingHttpExchange withoutHeader(String name) {
        headers.remove(requireNonNull(name, "name is null"));
        return this;
    }

    /**
     * Adds a value to a query parameter, after the values it already has.
     *
     * @param name the parameter name; case-sensitive
     * @param value the value
     * @return this exchange
     */
    public TestingHttpExchange queryParam(String name, String value) {
        queryParams.computeIfAbsent(requireNonNull(name, "name is null"), n -> new ArrayList<>())
                .add(requireNonNull(value, "value is null"));
        return this;
    }

    /**
     * The status the handler answered with.
     *
     * @throws IllegalStateException if the handler has not answered
     */
    public int status() {
        requireAnswered();
        return status;
    }

    /**
     * The content type the handler answered with.
     *
     * @throws IllegalStateException if the handler has not answered
     */
    public String contentType() {
        requireAnswered();
        return contentType;
    }

    /**
     * A copy of the response body.
     *
     * @throws IllegalStateException if the handler has not answered
     */
    public byte[] responseBytes() {
        requireAnswered();
        return response.clone();
    }

    /**
     * The response body decoded as UTF-8.
     *
     * @throws IllegalStateException if the handler has not answered
     */
    public String responseText() {
        requireAnswered();
        return new String(response, StandardCharsets.UTF_8);
    }

    @Override
    public HttpMethod method() {
        return method;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String pathParam(String name) {
        throw new IllegalArgumentException("no path parameter " + name);
    }

    @Override
    public Optional<String> queryParam(String name) {
        return queryParams(name).stream().findFirst();
    }

    @Override
    public List<String> queryParams(String name) {
        return List.copyOf(queryParams.getOrDefault(name, List.of()));
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The body read as JSON into {@code type}.
     *
     * @throws IllegalArgumentException if the body is not JSON of that shape, as the kernel answers 400
     */
    @Override
    public <T> T bodyAs(Class<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("the body is not a JSON " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Accepted and not recorded: no test reads response headers yet. */
    @Override
    public HttpExchange responseHeader(String name, String value) {
        return this;
    }

    /**
     * Records the response.
     *
     * @throws IllegalStateException if the handler has already answered
     */
    @Override
    public void respond(int status, String contentType, byte[] body) {
        if (answered) {
            throw new IllegalStateException("answered twice: first " + this.status + ", then " + status);
        }
        answered = true;
        this.status = status;
        this.contentType = requireNonNull(contentType, "contentType is null");
        this.response = requireNonNull(body, "body is null").clone();
    }

    @Override
    public void text(int status, String body) {
        respond(status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers with {@code value} written as JSON. */
    @Override
    public void json(int status, Object value) {
        try {
            respond(status, "application/json", JSON.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }

    private void requireAnswered() {
        if (!answered) {
            throw new IllegalStateException("the handler has not answered");
        }
    }
}
