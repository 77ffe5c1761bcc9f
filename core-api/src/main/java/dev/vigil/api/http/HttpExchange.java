package dev.vigil.api.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

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

    /**
     * Answers with a body written while the handler runs, for answers that are long or open-ended such as
     * server-sent events: the status and headers go out first, then {@code body} writes the content, and each
     * {@code flush()} sends what was written so far. Returns when {@code body} returns. An {@link IOException} from
     * the stream means the client went away; let it propagate or stop writing.
     *
     * <p>The server does not stream by default: this implementation collects the body and answers at the end.
     *
     * @throws IOException if {@code body} throws it
     */
    default void stream(int status, String contentType, StreamingBody body) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        body.writeTo(buffer);
        respond(status, contentType, buffer.toByteArray());
    }

    /** Writes a streamed response body. */
    @FunctionalInterface
    interface StreamingBody {
        /** Writes the body to {@code out}; the stream is closed by the server afterwards. */
        void writeTo(OutputStream out) throws IOException;
    }
}
