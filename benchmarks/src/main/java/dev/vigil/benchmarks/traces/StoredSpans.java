package dev.vigil.benchmarks.traces;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts the spans a server keeps, through Zipkin's query API ({@code GET /api/v2/traces}), which both Zipkin and
 * Vigil serve: the time range is cut into windows small enough that each answers with fewer than {@value #LIMIT}
 * traces (a window that answers with that many is halved and asked again), every trace is counted once by its id
 * however many windows it spans, and the span counts of the distinct traces are added up. Responses are read as a
 * stream. Not thread-safe.
 */
final class StoredSpans {

    /** Traces asked for per window: a window answering with this many may have more, so it is halved. */
    static final int LIMIT = 2_000;
    private static final JsonFactory JSON = new JsonFactory();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final Map<String, Integer> spansByTrace = new HashMap<>();
    private int queries;

    private StoredSpans(URI base) {
        this.base = base;
    }

    /**
     * What the server at {@code base} returns for spans starting from {@code fromMillis} to {@code toMillis}, asked in
     * windows of at most {@code windowMillis}.
     */
    static Counted count(URI base, long fromMillis, long toMillis, long windowMillis) throws IOException, InterruptedException {
        StoredSpans counter = new StoredSpans(base);
        for (long from = fromMillis; from <= toMillis; from += windowMillis) {
            counter.window(from, Math.min(toMillis, from + windowMillis));
        }
        long spans = counter.spansByTrace.values().stream().mapToLong(Integer::longValue).sum();
        return new Counted(counter.spansByTrace.size(), spans, counter.queries);
    }

    /**
     * What a count found.
     *
     * @param traces distinct trace ids
     * @param spans spans of those traces
     * @param queries requests it took
     */
    record Counted(int traces, long spans, int queries) {}

    /** Counts the traces with a span starting from {@code from} to {@code to}, both in milliseconds and inclusive. */
    private void window(long from, long to) throws IOException, InterruptedException {
        // lookback reaches one millisecond further back, so that no edge is missed; repeated traces are counted once
        URI uri = base.resolve("/api/v2/traces?endTs=" + to + "&lookback=" + (to - from + 1) + "&limit=" + LIMIT);
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        queries++;
        Map<String, Integer> found = new HashMap<>();
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("GET " + uri + " answered " + response.statusCode() + ": " + new String(body.readNBytes(2_000)));
            }
            read(body, found);
        }
        if (found.size() >= LIMIT && to > from) {
            long middle = from + (to - from) / 2;
            window(from, middle);
            window(middle + 1, to);
            return;
        }
        found.forEach((trace, spans) -> spansByTrace.merge(trace, spans, Math::max));
    }

    /** Reads {@code [[span, ...], ...]}, counting each trace's spans under its id. */
    private static void read(InputStream body, Map<String, Integer> found) throws IOException {
        try (JsonParser json = JSON.createParser(body)) {
            expect(json.nextToken(), JsonToken.START_ARRAY);
            while (json.nextToken() == JsonToken.START_ARRAY) {
                String traceId = null;
                int spans = 0;
                while (json.nextToken() == JsonToken.START_OBJECT) {
                    spans++;
                    while (json.nextToken() == JsonToken.FIELD_NAME) {
                        String field = json.currentName();
                        json.nextToken();
                        if (field.equals("traceId") && traceId == null) {
                            traceId = json.getText();
                        } else {
                            json.skipChildren();
                        }
                    }
                }
                if (traceId != null) {
                    found.merge(traceId, spans, Math::max);
                }
            }
        }
    }

    private static void expect(JsonToken token, JsonToken wanted) throws IOException {
        if (token != wanted) {
            throw new IOException("expected " + wanted + " in a list of traces, got " + token);
        }
    }
}
