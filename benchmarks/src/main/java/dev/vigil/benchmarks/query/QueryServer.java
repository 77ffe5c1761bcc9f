package dev.vigil.benchmarks.query;

import dev.vigil.benchmarks.ServerProcess;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A server of the query benchmark, a {@link ServerProcess} that takes remote write and answers Prometheus's
 * query API, with the requests and query parameters the driver sends it. Thread-safe.
 */
final class QueryServer {

    private final ServerProcess process;

    private QueryServer(ServerProcess process) {
        this.process = process;
    }

    /** Starts Vigil (see {@link ServerProcess#vigil}) with its default settings. */
    static QueryServer vigil(Path folder, Path metricsJar) throws IOException, InterruptedException {
        return new QueryServer(ServerProcess.vigil(folder, metricsJar, "", List.of()));
    }

    /** Starts Prometheus (see {@link ServerProcess#prometheus}). */
    static QueryServer prometheus(Path folder) throws IOException, InterruptedException {
        return new QueryServer(ServerProcess.prometheus(folder));
    }

    /** The process, for starting, stopping, remote write and its log. */
    ServerProcess process() {
        return process;
    }

    /** The server's name in the report. */
    String name() {
        return process.name();
    }

    /** A GET request of {@code path} with the query parameters, in their order. */
    HttpRequest.Builder get(String path, Map<String, String> parameters) {
        String query = parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(process.base().resolve(query.isEmpty() ? path : path + "?" + query)).GET();
    }

    /** The parameters of an instant query at {@code timeMs}. */
    static Map<String, String> instant(String expression, long timeMs) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("query", expression);
        parameters.put("time", seconds(timeMs));
        return parameters;
    }

    /** The parameters of a range query. */
    static Map<String, String> range(String expression, long startMs, long endMs, long stepMs) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("query", expression);
        parameters.put("start", seconds(startMs));
        parameters.put("end", seconds(endMs));
        parameters.put("step", seconds(stepMs));
        return parameters;
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : java.math.BigDecimal.valueOf(millis, 3).toPlainString();
    }
}
