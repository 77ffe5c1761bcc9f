package dev.vigil.api.http;

import java.util.List;
import java.util.Optional;

/**
 * One request and its response. Not thread-safe; valid only while the handler runs.
 *
 * <p>The request body is already limited in size by the server (413 beyond the limit).
 */
public interface HttpExchange {

    /** The request method. */
    HttpMethod method();

    /** The request path without the query string, such as {@code /api/v1/plugins/hello}. */
    String path();

    /**
     * The value of a {@code {name}} segment of the route's path.
     *
     * @throws IllegalArgumentException if the route has no such parameter
     */
    String pathParam(String name);

    /** The first value of a query or form parameter. */
    Optional<String> queryParam(String name);

    /** Every value of a query or form parameter, in order. */
    List<String> queryParams(String name);

    /** The first value of a request header; names are case-insensitive. */
    Optional<String> header(String name);

    /** The request body. */
    byte[] body();

    /** The request body decoded as UTF-8. */
    String bodyAsString();

    /**
     * The request body bound from JSON.
     *
     * @throws HttpStatusException 400 with the reason when the body is not valid JSON for {@code type}
     */
    <T> T bodyAs(Class<T> type);

    /** Sets a response header. */
    HttpExchange responseHeader(String name, String value);

    /** Answers with a status, a content type and a body. */
    void respond(int status, String contentType, byte[] body);

    /** Answers with {@code text/plain; charset=utf-8}. */
    void text(int status, String body);

    /** Answers with {@code value} written as JSON. */
    void json(int status, Object value);
}
