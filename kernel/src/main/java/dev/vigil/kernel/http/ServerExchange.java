package dev.vigil.kernel.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.api.http.HttpExchange;
import dev.vigil.api.http.HttpMethod;
import dev.vigil.api.http.HttpStatusException;
import io.javalin.http.Context;
import jakarta.servlet.ServletOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The {@link HttpExchange} a handler gets: one Javalin request, read and answered on the handler's thread. */
final class ServerExchange implements HttpExchange {

    static final String TEXT = "text/plain; charset=utf-8";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final int MAX_REASON_LENGTH = 200;

    private final Context ctx;
    private final HttpMethod method;
    private final Route route;
    private final Map<String, String> pathParams;
    private final long maxRequestBytes;
    private final ObjectMapper json;
    private byte @Nullable [] body;
    private @Nullable Map<String, List<String>> params;

    ServerExchange(
            Context ctx,
            HttpMethod method,
            Route route,
            Map<String, String> pathParams,
            long maxRequestBytes,
            ObjectMapper json) {
        this.ctx = ctx;
        this.method = method;
        this.route = route;
        this.pathParams = pathParams;
        this.maxRequestBytes = maxRequestBytes;
        this.json = json;
    }

    @Override
    public HttpMethod method() {
        return method;
    }

    @Override
    public String path() {
        return ctx.req().getRequestURI();
    }

    @Override
    public String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalArgumentException(
                    "route " + route.method() + " " + route.template() + " has no path parameter '" + name + "'");
        }
        return value;
    }

    @Override
    public Optional<String> queryParam(String name) {
        List<String> values = queryParams(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public List<String> queryParams(String name) {
        return List.copyOf(params().getOrDefault(name, List.of()));
    }

    private Map<String, List<String>> params() {
        Map<String, List<String>> decoded = params;
        if (decoded == null) {
            decoded = new LinkedHashMap<>();
            String query = ctx.req().getQueryString();
            if (query != null) {
                FormDecoder.decodeInto(query, "query string", decoded);
            }
            if (isForm()) {
                FormDecoder.decodeInto(bodyAsString(), "form body", decoded);
            }
            params = decoded;
        }
        return decoded;
    }

    private boolean isForm() {
        String contentType = ctx.req().getContentType();
        return contentType != null && contentType.strip().toLowerCase(Locale.ROOT).startsWith(FORM);
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(ctx.req().getHeader(name));
    }

    @Override
    public byte[] body() {
        byte[] read = body;
        if (read == null) {
            try {
                read = BodyReader.read(ctx.req().getInputStream(), ctx.req().getContentLengthLong(), maxRequestBytes);
            } catch (IOException e) {
                throw new HttpStatusException(400, "cannot read request body");
            }
            body = read;
        }
        return read;
    }

    @Override
    public String bodyAsString() {
        return new String(body(), StandardCharsets.UTF_8);
    }

    @Override
    public <T> T bodyAs(Class<T> type) {
        requireNonNull(type, "type is null");
        byte[] content = body();
        if (content.length == 0) {
            throw HttpStatusException.badRequest("request body is empty; expected JSON");
        }
        try {
            return json.readValue(content, type);
        } catch (JsonProcessingException e) {
            throw HttpStatusException.badRequest(reason(e));
        } catch (IOException e) {
            throw new HttpStatusException(400, "cannot read request body");
        }
    }

    private static String reason(JsonProcessingException e) {
        StringBuilder reason = new StringBuilder(e instanceof StreamReadException ? "malformed JSON" : "invalid JSON");
        JsonLocation location = e.getLocation();
        if (location != null) {
            reason.append(" at line ").append(location.getLineNr()).append(", column ").append(location.getColumnNr());
        }
        String detail = e.getOriginalMessage();
        if (detail != null && !detail.isBlank()) {
            detail = detail.lines().findFirst().orElse("").strip();
            reason.append(": ").append(detail);
        }
        return reason.length() > MAX_REASON_LENGTH ? reason.substring(0, MAX_REASON_LENGTH) + "..." : reason.toString();
    }

    @Override
    public HttpExchange responseHeader(String name, String value) {
        requireNonNull(name, "name is null");
        requireNonNull(value, "value is null");
        ctx.header(name, value);
        return this;
    }

    @Override
    public void respond(int status, String contentType, byte[] body) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be between 100 and 599: " + status);
        }
        requireNonNull(contentType, "contentType is null");
        requireNonNull(body, "body is null");
        ctx.status(status).contentType(contentType).result(body);
    }

    @Override
    public void text(int status, String body) {
        requireNonNull(body, "body is null");
        respond(status, TEXT, body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void stream(int status, String contentType, StreamingBody body) throws IOException {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be between 100 and 599: " + status);
        }
        requireNonNull(contentType, "contentType is null");
        requireNonNull(body, "body is null");
        ctx.status(status).contentType(contentType);
        ServletOutputStream out = ctx.res().getOutputStream();
        // the status and headers leave now, before the first event
        out.flush();
        body.writeTo(out);
        out.flush();
    }

    @Override
    public void json(int status, Object value) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the response as JSON", e);
        }
        respond(status, ErrorResponses.JSON, bytes);
    }
}
