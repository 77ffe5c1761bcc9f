package dev.vigil.metrics.remotewrite;

import dev.vigil.api.http.HttpExchange;
import dev.vigil.api.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An {@link HttpExchange} for handler tests: a POST with a body and headers, and what was answered. */
final class TestingHttpExchange implements HttpExchange {

    private final byte[] body;
    private final Map<String, String> headers = new TreeMap<>();
    private int status = -1;
    private String responseBody = "";
    private String responseType = "";

    TestingHttpExchange(byte[] body) {
        this.body = body;
    }

    /** A remote write request with the headers Prometheus sends. */
    static TestingHttpExchange remoteWrite(byte[] body) {
        return new TestingHttpExchange(body)
                .header("Content-Type", "application/x-protobuf")
                .header("Content-Encoding", "snappy")
                .header("X-Prometheus-Remote-Write-Version", "0.1.0");
    }

    TestingHttpExchange header(String name, String value) {
        headers.put(name.toLowerCase(Locale.ROOT), value);
        return this;
    }

    TestingHttpExchange withoutHeader(String name) {
        headers.remove(name.toLowerCase(Locale.ROOT));
        return this;
    }

    int status() {
        return status;
    }

    String responseBody() {
        return responseBody;
    }

    String responseType() {
        return responseType;
    }

    @Override
    public HttpMethod method() {
        return HttpMethod.POST;
    }

    @Override
    public String path() {
        return "/api/v1/write";
    }

    @Override
    public String pathParam(String name) {
        throw new IllegalArgumentException("no path parameter " + name);
    }

    @Override
    public Optional<String> queryParam(String name) {
        return Optional.empty();
    }

    @Override
    public List<String> queryParams(String name) {
        return List.of();
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    @Override
    public byte[] body() {
        return body;
    }

    @Override
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public <T> T bodyAs(Class<T> type) {
        throw new UnsupportedOperationException("not JSON");
    }

    @Override
    public HttpExchange responseHeader(String name, String value) {
        return this;
    }

    @Override
    public void respond(int status, String contentType, byte[] body) {
        if (this.status != -1) {
            throw new IllegalStateException("answered twice");
        }
        this.status = status;
        this.responseType = contentType;
        this.responseBody = new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public void text(int status, String body) {
        respond(status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void json(int status, Object value) {
        throw new UnsupportedOperationException("not JSON");
    }
}
