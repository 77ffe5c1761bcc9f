package dev.vigil.metrics.otlp;

import dev.vigil.api.http.HttpExchange;
import dev.vigil.api.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A {@code POST} request with headers and a body, and the response the handler gave it. */
final class TestingHttpExchange implements HttpExchange {

    private final Map<String, String> headers = new TreeMap<>();
    private final byte[] body;
    private int status;
    private String contentType = "";
    private byte[] responseBody = new byte[0];

    TestingHttpExchange(byte[] body, String... headerNamesAndValues) {
        this.body = body.clone();
        for (int i = 0; i < headerNamesAndValues.length; i += 2) {
            headers.put(headerNamesAndValues[i].toLowerCase(Locale.ROOT), headerNamesAndValues[i + 1]);
        }
    }

    int status() {
        return status;
    }

    String contentType() {
        return contentType;
    }

    byte[] responseBody() {
        return responseBody.clone();
    }

    @Override
    public HttpMethod method() {
        return HttpMethod.POST;
    }

    @Override
    public String path() {
        return "/v1/metrics";
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
        return body.clone();
    }

    @Override
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public <T> T bodyAs(Class<T> type) {
        throw new UnsupportedOperationException("the OTLP receiver decodes its own bodies");
    }

    @Override
    public HttpExchange responseHeader(String name, String value) {
        return this;
    }

    @Override
    public void respond(int status, String contentType, byte[] body) {
        this.status = status;
        this.contentType = contentType;
        this.responseBody = body.clone();
    }

    @Override
    public void text(int status, String body) {
        respond(status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void json(int status, Object value) {
        throw new UnsupportedOperationException("the OTLP receiver writes its own JSON");
    }
}
